package io.vigia.enrich;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.health.HealthReporting;
import io.vigia.common.health.StageHealth;
import io.vigia.common.metrics.Metrics;
import io.vigia.common.streams.StreamsHealth;
import io.vigia.common.streams.StreamsProperties;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.dedup.DedupRocksDbConfig;
import io.vigia.enrich.topology.ArticleEnricher;
import io.vigia.enrich.topology.EnrichMeters;
import io.vigia.enrich.topology.EnrichOutputs;
import io.vigia.enrich.topology.EnrichTopology;
import java.time.Duration;
import java.util.Properties;
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

  /**
   * A bulk load commits once a second, not every 200 ms: fewer transactions, and the record cache
   * absorbs a second of rewrites of the same dedup keys (clock, story sources) before they reach
   * RocksDB and the changelog. Nobody waits on a single article of a run.
   */
  static final int BULK_COMMIT_INTERVAL_MS = 1000;

  /**
   * A bulk load runs two stream threads, so the analysis tasks (one per raw partition) and the one
   * dedup task can run on two cores side by side; the live pipeline's one thread keeps up with live
   * traffic.
   */
  static final int BULK_STREAM_THREADS = 2;

  /**
   * A bulk load's record cache, divided among its stream threads: 10 MB each, what the live
   * pipeline's one thread has (the default), so the dedup task's cache is as before. A larger one
   * (64 MB) was tried and not kept: every cache read and write is a lookup in a sorted map of byte
   * keys, and in its profile those lookups (not RocksDB) took a quarter of the CPU.
   */
  static final long BULK_CACHE_BYTES = BULK_STREAM_THREADS * 10L * 1024 * 1024;

  private final KafkaStreams streams;

  public EnrichService(EnrichSettings settings, KafkaSettings kafka, ArticleAnalyzer analyzer) {
    this(settings, kafka, analyzer, EnrichOutputs.LIVE);
  }

  /**
   * The topology writing to {@code outputs}: the live topics, or a reprocessing run's own (under
   * its own application id, so with its own offsets and fresh state stores).
   */
  public EnrichService(
      EnrichSettings settings,
      KafkaSettings kafka,
      ArticleAnalyzer analyzer,
      EnrichOutputs outputs) {
    this(settings, kafka, analyzer, outputs, new EnrichMeters(Metrics.registry()));
  }

  /** As above, counting into {@code meters} (a reprocessing run keeps its figures apart). */
  public EnrichService(
      EnrichSettings settings,
      KafkaSettings kafka,
      ArticleAnalyzer analyzer,
      EnrichOutputs outputs,
      EnrichMeters meters) {
    Properties p = streamsProperties(settings, kafka, !outputs.equals(EnrichOutputs.LIVE));
    this.streams =
        new KafkaStreams(
            EnrichTopology.build(
                new ArticleEnricher(analyzer, settings.profileName(), settings.profileVersion()),
                settings.dedup(),
                meters,
                outputs),
            p);
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("enrich stream thread failed; replacing it", e);
          return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler
              .StreamThreadExceptionResponse.REPLACE_THREAD;
        });
  }

  static Properties streamsProperties(EnrichSettings settings, KafkaSettings kafka) {
    return streamsProperties(settings, kafka, false);
  }

  /**
   * The live pipeline's settings, or with {@code bulkLoad} those of a reprocessing run (its own
   * application id), which reads a stored history as fast as it can rather than each new article as
   * soon as it comes: see {@link #BULK_COMMIT_INTERVAL_MS}, {@link #BULK_STREAM_THREADS}, {@link
   * #BULK_CACHE_BYTES}.
   */
  static Properties streamsProperties(
      EnrichSettings settings, KafkaSettings kafka, boolean bulkLoad) {
    Properties p =
        StreamsProperties.exactlyOnce(
            settings.applicationId(), kafka, settings.stateDir(), settings.instanceId(), "enrich");
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, DedupRocksDbConfig.class);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 16 * 1024 * 1024);
    if (bulkLoad) {
      p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, BULK_COMMIT_INTERVAL_MS);
      p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, BULK_STREAM_THREADS);
      p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, BULK_CACHE_BYTES);
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

  /**
   * Stops abruptly, for tests of resuming: the stream threads are told to stop at once (a later
   * service under the same application id picks up from the last committed transaction). A killed
   * process's threads and file locks die with it; here the threads end on their own, so this waits
   * (at most a minute, while the broker is still up) until they have, and a later service in the
   * same process finds the state directory free.
   */
  public void halt() {
    streams.close(Duration.ZERO);
    streams.close(Duration.ofSeconds(60));
  }

  /** From the Streams state: up while running or rebalancing, down once Streams gave up. */
  @Override
  public StageHealth health() {
    return StreamsHealth.of("enrich", streams.state());
  }

  @Override
  public void close() {
    // Leave the group on a clean stop, so a restart (or the instance taking over) does not wait
    // for the session timeout before it gets the partitions back.
    streams.close(new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(30)).leaveGroup(true));
  }
}
