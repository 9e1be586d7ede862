package io.vigia.app;

import io.vigia.common.config.Config;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.disk.DiskSpaceGuard;
import io.vigia.common.health.HealthReport;
import io.vigia.common.health.HealthReporting;
import io.vigia.common.http.HttpApi;
import io.vigia.common.http.Response;
import io.vigia.common.kafka.KafkaWait;
import io.vigia.common.metrics.Metrics;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Runs one stage as its own service on a Kafka cluster: topics created when missing, an HTTP server
 * with {@code /healthz} (alive), {@code /readyz} (ready for work) and {@code /metrics}, and a
 * graceful stop on SIGTERM that closes everything in reverse order.
 */
final class ServiceRunner implements AutoCloseable {
  /** How long one attempt to reach the cluster waits for an answer. */
  private static final java.time.Duration PROBE_TIMEOUT = java.time.Duration.ofSeconds(5);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  final Config config;
  final KafkaSettings kafka;
  final HttpApi http = new HttpApi();
  private volatile Supplier<Map<String, Object>> healthDetails = Map::of;
  private final HealthReport health = new HealthReport();

  ServiceRunner(Config config) {
    this.config = config;
    this.kafka = KafkaSettings.from(config);
  }

  /**
   * Binds the HTTP port, waits for the cluster to answer (health is served meanwhile) and creates
   * missing topics; call before starting the stage.
   */
  ServiceRunner start(String stage) {
    http.requireKeysForWrites(io.vigia.common.http.ApiKeys.from(config));
    // Health answers from now on; the stage's own API is mounted once it started: until then a
    // call to it is asked to retry (503 with Retry-After), not told the endpoint does not exist.
    http.starting();
    http.start(config.string("http.host"), config.integer("http.port", 0, 65535));
    started.push(http);
    health.serve(
        http,
        () -> {
          Map<String, Object> h = new LinkedHashMap<>();
          h.put("stage", stage);
          h.putAll(healthDetails.get());
          return h;
        },
        Map.of("stage", stage));
    http.route(
        "GET",
        "/metrics",
        r -> Response.text(200, "text/plain; version=0.0.4", Metrics.registry().scrape()));
    // Health answers before the cluster does: while it is away the process stays up and says so
    // (/readyz 503 naming the reason), then creates the topics and starts as normal.
    KafkaWait wait = report(KafkaWait.forCluster(kafka));
    awaitKafka(wait, kafka);
    SharedTopics.prepare(kafka);
    return this;
  }

  /** Waits until the cluster at {@code kafka} answers; a wrong setting still fails at once. */
  static void awaitKafka(KafkaWait wait, KafkaSettings kafka) {
    try {
      wait.await(KafkaWait.clusterProbe(kafka, PROBE_TIMEOUT));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("stopped while waiting for Kafka", e);
    }
  }

  /**
   * Adds what {@code /healthz} and {@code /readyz} report on (a service is ready once all of them
   * are).
   */
  <T extends HealthReporting> T report(T stage) {
    health.add(stage);
    return stage;
  }

  /** Extra figures for {@code /healthz}. */
  void healthDetails(Supplier<Map<String, Object>> details) {
    this.healthDetails = details;
  }

  /** The guard that pauses writing stages while the data folder's disk is nearly full. */
  static DiskSpaceGuard diskGuard(Config config) {
    return new DiskSpaceGuard(
        Path.of(config.string("data-dir")),
        (long) config.integer("data-dir-min-free-mb", 0, 1_000_000) * 1024 * 1024);
  }

  <T extends AutoCloseable> T track(T service) {
    started.push(service);
    return service;
  }

  /** Blocks until the process is asked to stop, then closes everything. */
  void awaitShutdown(String banner) {
    http.ready();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  close();
                  stop.countDown();
                },
                "vigia-shutdown"));
    System.out.println(banner + " (HTTP on port " + http.port() + ")");
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("vigia: error while stopping: " + e);
      }
    }
  }
}
