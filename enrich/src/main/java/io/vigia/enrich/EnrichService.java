package io.vigia.enrich;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.health.HealthReporting;
import io.vigia.common.health.StageHealth;
import io.vigia.common.metrics.Metrics;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.dedup.DedupRocksDbConfig;
import io.vigia.enrich.topology.EnrichTopology;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enrichment topology with exactly-once processing; several instances share partitions.
 */
public final class EnrichService implements AutoCloseable, HealthReporting {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

  private final KafkaStreams streams;

  public EnrichService(EnrichSettings settings, KafkaSettings kafka, ArticleAnalyzer analyzer) {
    Properties p = streamsProperties(settings, kafka);
    this.streams =
        new KafkaStreams(
            EnrichTopology.build(analyzer, settings.profileName(), settings.dedup()), p);
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("enrich stream thread failed; replacing it", e);
          return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler
              .StreamThreadExceptionResponse.REPLACE_THREAD;
        });
  }

  static Properties streamsProperties(EnrichSettings settings, KafkaSettings kafka) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
    p.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, DedupRocksDbConfig.class);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 16 * 1024 * 1024);
    if (!settings.instanceId().isBlank()) {
      // Static membership: a restarted instance gets its tasks back without waiting for the
      // session timeout of the member it replaces.
      p.put(
          StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
          settings.instanceId() + "-enrich");
    }
    return p;
  }

  public void start() {
    new KafkaStreamsMetrics(streams).bindTo(Metrics.registry()); // lag, rates, task state
    streams.start();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** From the Streams state: up while running or rebalancing, down once Streams gave up. */
  @Override
  public StageHealth health() {
    return switch (streams.state()) {
      case RUNNING, REBALANCING -> StageHealth.up("enrich");
      case CREATED -> StageHealth.starting("enrich", "not started");
      case PENDING_SHUTDOWN, NOT_RUNNING ->
          StageHealth.down("enrich", "Kafka Streams stopped (" + streams.state() + ")");
      case PENDING_ERROR, ERROR ->
          StageHealth.down(
              "enrich",
              "Kafka Streams failed (" + streams.state() + "); see the log, restart the service");
    };
  }

  @Override
  public void close() {
    // Leave the group on a clean stop, so a restart (or the instance taking over) does not wait
    // for the session timeout before it gets the partitions back.
    streams.close(new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(30)).leaveGroup(true));
  }
}
