package io.vigia.common.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.common.health.StageHealth;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class StreamsHealthTest {
  @Test
  void shouldBeUpWhileRunningOrRebalancing() {
    assertThat(StreamsHealth.of("enrich", KafkaStreams.State.RUNNING))
        .isEqualTo(StageHealth.up("enrich"));
    assertThat(StreamsHealth.of("enrich", KafkaStreams.State.REBALANCING))
        .isEqualTo(StageHealth.up("enrich"));
  }

  @Test
  void shouldBeStartingBeforeStart() {
    assertThat(StreamsHealth.of("alerts", KafkaStreams.State.CREATED))
        .isEqualTo(StageHealth.starting("alerts", "not started"));
  }

  @Test
  void shouldBeDownOnceStreamsStoppedOrFailedSayingWhich() {
    assertThat(StreamsHealth.of("enrich", KafkaStreams.State.NOT_RUNNING))
        .isEqualTo(StageHealth.down("enrich", "Kafka Streams stopped (NOT_RUNNING)"));
    StageHealth failed = StreamsHealth.of("enrich", KafkaStreams.State.ERROR);
    assertThat(failed.alive()).isFalse();
    assertThat(failed.reason()).startsWith("Kafka Streams failed (ERROR)").contains("restart");
  }
}
