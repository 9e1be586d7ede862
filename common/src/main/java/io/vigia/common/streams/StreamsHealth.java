package io.vigia.common.streams;

import io.vigia.common.health.StageHealth;
import org.apache.kafka.streams.KafkaStreams;

/** A Kafka Streams stage's health from the state of its {@link KafkaStreams}. */
public final class StreamsHealth {
  private StreamsHealth() {}

  /**
   * Up while running or rebalancing (a rebalance moves work, it does not stop it), starting before
   * {@code start()}, down once Streams stopped or failed: it does not come back without a restart.
   */
  public static StageHealth of(String stage, KafkaStreams.State state) {
    return switch (state) {
      case RUNNING, REBALANCING -> StageHealth.up(stage);
      case CREATED -> StageHealth.starting(stage, "not started");
      case PENDING_SHUTDOWN, NOT_RUNNING ->
          StageHealth.down(stage, "Kafka Streams stopped (" + state + ")");
      case PENDING_ERROR, ERROR ->
          StageHealth.down(
              stage, "Kafka Streams failed (" + state + "); see the log, restart the service");
    };
  }
}
