package io.vigia.sink.corrections;

import io.vigia.common.http.Json;
import io.vigia.schemas.Correction;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Entity;
import io.vigia.schemas.Stance;
import io.vigia.schemas.StanceLabel;
import io.vigia.schemas.testing.SampleArticles;
import io.vigia.search.ArticleDocument;
import java.time.Instant;
import java.util.List;

/**
 * Articles as the machine judged them (favourable to the government, about the CNE and Maduro) and
 * corrections read from the API's JSON bodies.
 */
public final class CorrectionFixtures {
  public static final String TARGET = "maduro-government";
  public static final String CNE = "vigia:org/cne";
  public static final String MADURO = "Q57413";

  private CorrectionFixtures() {}

  /** An enriched article judged in favour of the government, naming the CNE and Maduro. */
  public static EnrichedArticle enriched(String url, String title, int version) {
    EnrichedArticle e =
        SampleArticles.enriched(
            SampleArticles.raw(url, title, "El CNE proclamó a Nicolás Maduro. " + title).build());
    e.setEnrichmentVersion(version);
    e.setEntities(
        List.of(
            Entity.newBuilder()
                .setId(CNE)
                .setName("Consejo Nacional Electoral")
                .setType("ORG")
                .setMentions(2)
                .setFirstOffset(3)
                .setLinked(true)
                .build(),
            Entity.newBuilder()
                .setId(MADURO)
                .setName("Nicolás Maduro")
                .setType("PERSON")
                .setMentions(1)
                .setFirstOffset(19)
                .setLinked(true)
                .build()));
    e.setStance(
        List.of(
            Stance.newBuilder()
                .setTarget(TARGET)
                .setLabel(StanceLabel.FAVOR)
                .setScore(0.7)
                .setEvidence(List.of())
                .build()));
    return e;
  }

  public static ArticleDocument doc(String url, String title) {
    return ArticleDocument.from(enriched(url, title, 1), Instant.parse("2024-07-29T12:07:00Z"));
  }

  /** The correction a POST body makes, by {@code tester}. */
  public static Correction correction(String articleId, String json) {
    try {
      return CorrectionRequest.parse(
          Json.MAPPER.readTree(json), articleId, "tester", Instant.parse("2024-08-01T10:00:00Z"));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
