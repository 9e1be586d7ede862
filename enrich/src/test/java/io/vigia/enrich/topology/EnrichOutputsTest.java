package io.vigia.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.dedup.DedupSettings;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Relevance;
import io.vigia.schemas.testing.SampleArticles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same topology writing a reprocessing run's own topics, stamped with the profile version. */
class EnrichOutputsTest {
  /** Relevant when the text mentions an election; no entities or stance. */
  private static final ArticleAnalyzer ANALYZER =
      new ArticleAnalyzer(
          (title, text, lang) -> List.of(),
          (a, e) -> new Relevance(a.getText().contains("elecci"), 1.0, List.of()),
          (a, e) -> List.of());

  @TempDir Path stateDir;
  private TopologyHarness harness;

  private void start(EnrichOutputs outputs) {
    ArticleEnricher enricher = new ArticleEnricher(ANALYZER, "test", 7);
    harness =
        new TopologyHarness(
            EnrichTopology.build(
                enricher,
                DedupSettings.defaults(),
                new EnrichMeters(new SimpleMeterRegistry()),
                outputs),
            "test-reprocess",
            stateDir);
  }

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void shouldWriteTheRunsOwnTopicsStampedWithTheProfileVersion() {
    start(new EnrichOutputs("r.enriched", "r.irrelevant", "r.dead", null));
    RawArticle a =
        SampleArticles.raw("https://example.org/a", "CNE", "Las elecciones del 28 de julio")
            .build();
    harness.send(a);
    TestOutputTopic<String, EnrichedArticle> mine = harness.articles("r.enriched");
    TestOutputTopic<String, EnrichedArticle> live = harness.enriched();
    EnrichedArticle e = mine.readValue();
    assertThat(e.getProfileVersion()).isEqualTo(7);
    assertThat(e.getEnrichmentVersion()).isEqualTo(ArticleAnalyzer.ENRICHMENT_VERSION);
    assertThat(live.isEmpty()).as("nothing reaches the live topic").isTrue();
  }

  @Test
  void shouldJudgeOnlyArticlesSinceTheGivenTime() {
    Instant since = Instant.parse("2024-07-01T00:00:00Z");
    start(new EnrichOutputs("r.enriched", "r.irrelevant", "r.dead", since));
    RawArticle old =
        SampleArticles.raw("https://example.org/old", "CNE", "Las elecciones del 28 de julio")
            .setPublishedAt(Instant.parse("2024-06-01T00:00:00Z"))
            .build();
    RawArticle recent =
        SampleArticles.raw("https://example.org/new", "CNE", "El CNE y las elecciones del domingo")
            .setPublishedAt(Instant.parse("2024-07-02T00:00:00Z"))
            .build();
    harness.send(old);
    harness.send(recent);
    TestOutputTopic<String, EnrichedArticle> mine = harness.articles("r.enriched");
    assertThat(mine.readValuesToList())
        .extracting(e -> e.getArticle().getId())
        .containsExactly(recent.getId());
  }
}
