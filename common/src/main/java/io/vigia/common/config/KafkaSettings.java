package io.vigia.common.config;

import java.util.Properties;

/** Where the Kafka cluster is and how topics are created there. */
public record KafkaSettings(String bootstrapServers, int partitions, short replicationFactor) {
  public KafkaSettings {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new ConfigException(
          "No Kafka to connect to: set kafka.bootstrap-servers (VIGIA_KAFKA_BOOTSTRAP_SERVERS) "
              + "or pass --bootstrap-servers host:port, or use `vigia run` for the embedded broker.");
    }
  }

  public static KafkaSettings from(Config c) {
    return new KafkaSettings(
        c.string("kafka.bootstrap-servers"),
        c.integer("kafka.partitions", 1, 1024),
        (short) c.integer("kafka.replication-factor", 1, 7));
  }

  /** Client properties every producer, consumer and admin starts from. */
  public Properties clientProperties() {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers);
    return p;
  }
}
