package io.vigia.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.common.config.KafkaSettings;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnrichServicePropertiesTest {
  private static final EnrichSettings SETTINGS =
      new EnrichSettings("vigia-enrich", Path.of("streams"), "test");
  private static final KafkaSettings KAFKA = new KafkaSettings("localhost:9092", 3, (short) 1);

  @Test
  void shouldKeepTheLivePipelinesLatencySettings() {
    Properties live = EnrichService.streamsProperties(SETTINGS, KAFKA);
    assertThat(live.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(200);
    assertThat(live.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isNull();
    assertThat(live.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isNull();
    assertThat(live.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
  }

  @Test
  void shouldLoadInBulkWithLongerCommitsAndTwoThreadsUnderExactlyOnce() {
    Properties bulk = EnrichService.streamsProperties(SETTINGS, KAFKA, true);
    assertThat(bulk.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
        .isEqualTo(EnrichService.BULK_COMMIT_INTERVAL_MS)
        .isEqualTo(1000);
    assertThat(bulk.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(2);
    assertThat(bulk.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG))
        .isEqualTo(2 * 10L * 1024 * 1024);
    assertThat(bulk.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(bulk.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("vigia-enrich");
  }
}
