package io.vigia.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.common.config.Config;
import io.vigia.common.config.ConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DedupSettingsTest {
  @Test
  void shouldReadEveryDefault() {
    DedupSettings d = DedupSettings.defaults();
    assertThat(d.retention()).isEqualTo(Duration.ofDays(30));
    assertThat(d.storyWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(d.storyDecay()).isEqualTo(Duration.ofHours(12));
    assertThat(d.nearDuplicateJaccard()).isEqualTo(0.5);
    assertThat(d.containment()).isEqualTo(0.8);
    assertThat(d.storyOverlap()).isEqualTo(0.15);
    assertThat(d.storyMinShared()).isEqualTo(4);
    assertThat(d.bucketSize()).isEqualTo(32);
    assertThat(d.storyNamesOverlap()).isEqualTo(0.1);
    assertThat(d.storyNamesDecay()).isEqualTo(Duration.ofHours(120));
    assertThat(d.storyMinEvidence()).isEqualTo(1.0);
  }

  @Test
  void shouldMapEveryKey() {
    DedupSettings d =
        DedupSettings.from(
            Config.builder()
                .yaml(
                    """
        enrich:
          dedup:
            retention: 7d
            story-window: 1d
            story-decay: 6h
            near-duplicate-jaccard: 0.6
            containment: 0.9
            story-overlap: 0.3
            story-min-shared: 6
            bucket-size: 8
            story-names-overlap: 0.25
            story-names-decay: 36h
            story-min-evidence: 2.5
        """)
                .build());
    assertThat(d)
        .isEqualTo(
            new DedupSettings(
                Duration.ofDays(7),
                Duration.ofDays(1),
                Duration.ofHours(6),
                0.6,
                0.9,
                0.3,
                6,
                8,
                0.25,
                Duration.ofHours(36),
                2.5));
  }

  @Test
  void shouldRefuseARetentionThatIsNotADurationAndSayWhichKey() {
    assertThatThrownBy(
            () ->
                DedupSettings.from(
                    Config.builder().set("enrich.dedup.retention", "forever").build()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("enrich.dedup.retention");
  }

  @Test
  void shouldRefuseANamesOverlapOutsideItsRangeAndSayWhichKey() {
    assertThatThrownBy(
            () ->
                DedupSettings.from(
                    Config.builder().set("enrich.dedup.story-names-overlap", "0").build()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("enrich.dedup.story-names-overlap");
    assertThatThrownBy(
            () ->
                DedupSettings.from(
                    Config.builder().set("enrich.dedup.story-names-decay", "1s").build()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("enrich.dedup.story-names-decay");
  }
}
