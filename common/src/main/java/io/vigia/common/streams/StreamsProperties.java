package io.vigia.common.streams;

import io.vigia.common.config.KafkaSettings;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings every Streams stage of Vigía runs with. */
public final class StreamsProperties {
  private StreamsProperties() {}

  /**
   * Exactly-once (v2), topics replicated as {@code kafka} says, state in {@code stateDir}, a commit
   * every 200 ms (what a reader of the output waits for under exactly-once), reading a topic the
   * group never committed on from its beginning (a crash before the first commit loses nothing).
   * With an {@code instanceId}, static membership as {@code INSTANCE-stage}: a restarted instance
   * gets its tasks back without waiting for the session timeout of the member it replaces.
   */
  public static Properties exactlyOnce(
      String applicationId, KafkaSettings kafka, Path stateDir, String instanceId, String stage) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    if (instanceId != null && !instanceId.isBlank()) {
      p.put(
          StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
          instanceId + "-" + stage);
    }
    return p;
  }
}
