package io.vigia.common.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.common.config.KafkaSettings;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {
  private final KafkaSettings kafka = new KafkaSettings("broker:9092", 6, (short) 3);

  @Test
  void shouldRunExactlyOnceWithTheClustersReplicationAndTheStateFolder() {
    Properties p =
        StreamsProperties.exactlyOnce("vigia-enrich", kafka, Path.of("state"), "", "enrich");
    assertThat(p)
        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "vigia-enrich")
        .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
        .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
        .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200)
        .containsEntry(StreamsConfig.STATE_DIR_CONFIG, Path.of("state").toAbsolutePath().toString())
        .containsEntry("consumer.auto.offset.reset", "earliest")
        .doesNotContainKey("consumer.group.instance.id");
  }

  @Test
  void shouldNameAStaticMemberAfterTheInstanceAndTheStage() {
    Properties p =
        StreamsProperties.exactlyOnce("vigia-alerts", kafka, Path.of("s"), "node-1", "alerts");
    assertThat(p).containsEntry("consumer.group.instance.id", "node-1-alerts");
  }
}
