package io.vigia.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrustedPackagesTest {
  private static final String KEY = "org.apache.avro.SERIALIZABLE_PACKAGES";
  private String saved;

  @BeforeEach
  void save() {
    saved = System.getProperty(KEY);
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(KEY);
    } else {
      System.setProperty(KEY, saved);
    }
  }

  @Test
  void shouldTrustOurPackageWhenNoneIsSet() {
    System.clearProperty(KEY);
    TrustedPackages.install();
    assertThat(System.getProperty(KEY)).isEqualTo("io.vigia.schemas");
  }

  @Test
  void shouldKeepThePackagesTheOperatorTrusts() {
    System.setProperty(KEY, "com.example.events");
    TrustedPackages.install();
    TrustedPackages.install();
    assertThat(System.getProperty(KEY)).isEqualTo("com.example.events,io.vigia.schemas");
  }

  @Test
  void shouldBuildARecordWhoseDefaultsAreRecords() {
    TrustedPackages.install();
    EnrichedArticle built =
        EnrichedArticle.newBuilder()
            .setArticle(
                RawArticle.newBuilder()
                    .setId("a")
                    .setUrl("https://example.org/a")
                    .setCanonicalUrl("https://example.org/a")
                    .setSource("Example")
                    .setTitle("t")
                    .setFetchedAt(java.time.Instant.EPOCH)
                    .setText("x")
                    .setContentHash("h")
                    .build())
            .setEnrichmentVersion(1)
            .setEnrichedAt(java.time.Instant.EPOCH)
            .setRelevance(Relevance.newBuilder().setRelevant(true).setScore(1).build())
            .setDedup(Dedup.newBuilder().setStatus(DedupStatus.ORIGINAL).setStoryId("a").build())
            .build();
    assertThat(built.getFigures()).isEmpty();
    assertThat(built.getFigureConflicts()).isEmpty();
    assertThat(built.getArticle().getPaywalled()).isFalse();
  }
}
