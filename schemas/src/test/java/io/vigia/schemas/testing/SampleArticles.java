package io.vigia.schemas.testing;

import io.vigia.schemas.Dedup;
import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Relevance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Test fixtures: articles built from a few facts, with everything else filled in consistently. */
public final class SampleArticles {
  private SampleArticles() {}

  public static RawArticle.Builder raw(String url, String title, String text) {
    return RawArticle.newBuilder()
        .setId(id(url))
        .setUrl(url)
        .setCanonicalUrl(url)
        .setSource("Test Source")
        .setFeedUrl("https://example.org/feed.xml")
        .setTitle(title)
        .setPublishedAt(Instant.parse("2024-07-29T12:00:00Z"))
        .setFetchedAt(Instant.parse("2024-07-29T12:05:00Z"))
        .setLanguage("es")
        .setText(text)
        .setContentHash(Integer.toHexString(text.hashCode()));
  }

  public static EnrichedArticle enriched(RawArticle a) {
    return EnrichedArticle.newBuilder()
        .setArticle(a)
        .setEnrichmentVersion(1)
        .setEnrichedAt(Instant.parse("2024-07-29T12:06:00Z"))
        .setProfile("test")
        .setRelevance(new Relevance(true, 1.0, List.of()))
        .setDedup(
            Dedup.newBuilder()
                .setStatus(DedupStatus.ORIGINAL)
                .setStoryId(a.getId())
                .setStorySources(1)
                .build())
        .setEntities(List.of())
        .setStance(List.of())
        .build();
  }

  /**
   * The same id scheme ingest uses (first 16 bytes of SHA-256, hex), without depending on common.
   */
  public static String id(String url) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)),
              0,
              16);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
