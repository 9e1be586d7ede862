package io.vigia.app;

import io.vigia.alerts.AlertsService;
import io.vigia.alerts.AlertsSettings;
import io.vigia.app.reprocess.IndexVersions;
import io.vigia.app.reprocess.ReprocessApi;
import io.vigia.app.reprocess.Reprocessing;
import io.vigia.broker.EmbeddedKafka;
import io.vigia.common.config.Config;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.health.HealthReport;
import io.vigia.common.health.StageHealth;
import io.vigia.common.http.ApiKeys;
import io.vigia.common.http.HttpApi;
import io.vigia.common.http.Response;
import io.vigia.common.kafka.KafkaWait;
import io.vigia.common.metrics.Metrics;
import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.ArticleAnalyzers;
import io.vigia.enrich.EnrichService;
import io.vigia.enrich.EnrichSettings;
import io.vigia.ingest.IngestService;
import io.vigia.ingest.IngestSettings;
import io.vigia.ingest.extract.JsoupArticleExtractor;
import io.vigia.ingest.sources.RelevanceTally;
import io.vigia.ingest.sources.SourceHealth;
import io.vigia.sink.ArticleIndexes;
import io.vigia.sink.SinkService;
import io.vigia.sink.SinkSettings;
import io.vigia.sink.api.CorrectionsApi;
import io.vigia.sink.api.DashboardPage;
import io.vigia.sink.api.FigureApi;
import io.vigia.sink.api.SearchApi;
import io.vigia.sink.corrections.CorrectedIndex;
import io.vigia.sink.corrections.CorrectionLog;
import io.vigia.sink.corrections.CorrectionSet;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.lucene.LuceneIndexVersions;
import io.vigia.sink.opensearch.OpenSearchArticleIndex;
import io.vigia.sink.opensearch.OpenSearchIndexVersions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code vigia run} starts, in order, and stops in reverse: the HTTP port first (so a
 * taken port fails before anything else starts), the data folder lock, the broker, the topics, then
 * sink, enrich and ingest, each a service that would run the same way as its own process.
 */
final class Pipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private HttpApi http;
  private volatile ArticleIndex index;
  private IngestService ingest;
  private volatile EnrichService enrich;
  private SinkService sink;
  private AlertsService alerts;
  private Reprocessing reprocessing;
  private String bootstrapServers;
  private final HealthReport health = new HealthReport();
  private static final String STARTUP = "pipeline";
  private volatile StageHealth startup = StageHealth.starting(STARTUP, "starting its stages");

  static Pipeline start(Config config, boolean demo) {
    Pipeline p = new Pipeline();
    try {
      p.startAll(withInstanceId(config, Pipeline::hostName), demo);
      return p;
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
  }

  private void startAll(Config config, boolean demo) {
    WatchProfile profile = WatchProfile.load(config.string("profile"));
    http = new HttpApi();
    http.requireKeysForWrites(ApiKeys.from(config));
    // Until every route is mounted, an API call is asked to retry (503), not told it is unknown.
    http.starting();
    http.start(config.string("http.host"), config.integer("http.port", 0, 65535));
    started.push(http);
    // Health answers from the first moment, so /readyz can say what start-up waits for (an
    // external Kafka cluster that is away) instead of "not ready yet"; the stages join the report
    // as they start, and "pipeline" stays starting until all of them did.
    health.add(() -> startup);
    health.serve(http, this::healthDetails, Map.of());

    DataDir data = DataDir.open(Path.of(config.string("data-dir")));
    started.push(data);

    String bootstrap = config.string("kafka.bootstrap-servers");
    if (bootstrap.isBlank()) {
      EmbeddedKafka broker =
          new EmbeddedKafka(
              data.path().resolve("kafka"), config.integer("kafka.embedded-port", 0, 65535));
      started.push(broker);
      broker.start();
      bootstrap = broker.bootstrapServers();
      LOG.info("embedded Kafka broker on {}", bootstrap);
      EmbeddedAddress.write(data.path(), bootstrap);
    }
    bootstrapServers = bootstrap;
    KafkaSettings kafka =
        new KafkaSettings(
            bootstrap,
            config.integer("kafka.partitions", 1, 1024),
            (short) config.integer("kafka.replication-factor", 1, 7));
    // An external cluster may be away at start: wait for it (one log line per attempt) rather
    // than exit; HTTP already answers 503 to every call meanwhile.
    KafkaWait kafkaWait = KafkaWait.forCluster(kafka);
    health.add(kafkaWait);
    ServiceRunner.awaitKafka(kafkaWait, kafka);
    SharedTopics.prepare(kafka);

    IngestSettings ingestSettings = IngestSettings.from(config, profile);
    if (demo) {
      DemoSite site = DemoSite.startRemembering(data.path().resolve("demo-site.port"));
      started.push(site);
      ingestSettings = site.settingsFor(ingestSettings);
      LOG.info("demo site on {} with {} feeds", site.baseUrl(), ingestSettings.feeds().size());
    }

    CorrectedIndex corrected =
        new CorrectedIndex(ArticleIndexes.open(SinkSettings.from(config)), new CorrectionSet());
    index = corrected;
    started.push(index);
    CorrectionLog corrections = new CorrectionLog(kafka, corrected).start();
    started.push(corrections);
    corrections.awaitCaughtUp(Duration.ofSeconds(120)); // the first writes carry every correction
    sink =
        new SinkService(SinkSettings.from(config), kafka, index, ServiceRunner.diskGuard(config));
    started.push(sink);
    sink.start();
    new SearchApi(index).register(http);
    new FigureApi(index).register(http);
    new CorrectionsApi(index, corrections, ApiKeys.from(config), Set.copyOf(profile.targets()))
        .register(http);
    new DashboardPage().register(http);

    AlertsSettings alertsSettings = AlertsSettings.from(config);
    if (alertsSettings.enabled()) {
      alerts = new AlertsService(alertsSettings, kafka);
      started.push(alerts);
      alerts.start();
      alerts.register(http);
    }

    enrich =
        new EnrichService(
            EnrichSettings.from(config, profile), kafka, ArticleAnalyzers.fromProfile(profile));
    started.push(enrich);
    enrich.start();

    IndexVersions versions = indexVersions(corrected.backend(), config);
    if (versions != null) {
      // vigia reprocess runs here, beside the live stages, writing the next index version
      reprocessing =
          new Reprocessing(config, kafka, versions)
              .afterEachSwitchedWrite(
                  () -> {
                    try {
                      corrected.reapply(corrected.corrections().articleIds());
                    } catch (io.vigia.sink.index.IndexUnavailableException e) {
                      LOG.warn("corrections not yet put back over the new index version", e);
                    }
                  });
      started.push(reprocessing);
      ReprocessApi.register(http, reprocessing);
      reprocessing.resumeIfUnfinished();
    }

    ingest =
        new IngestService(
            ingestSettings, kafka, new JsoupArticleExtractor(), ServiceRunner.diskGuard(config));
    started.push(ingest);
    ingest.start();

    RelevanceTally tally = new RelevanceTally(kafka).start();
    started.push(tally);
    health.add(ingest).add(enrich).add(sink).add(corrections);
    if (alerts != null) {
      health.add(alerts);
    }
    health.add(tally);
    http.route(
        "GET",
        "/api/sources",
        r -> Response.json(Map.of("sources", SourceHealth.of(ingest.sources(), tally))));
    http.route(
        "GET",
        "/metrics",
        r -> Response.text(200, "text/plain; version=0.0.4", Metrics.registry().scrape()));
    startup = StageHealth.up(STARTUP);
    http.ready();
  }

  /** The versions behind the search alias that a reprocessing run can add to, per backend. */
  private IndexVersions indexVersions(ArticleIndex backend, Config config) {
    if (backend instanceof LuceneIndexVersions lucene) {
      return IndexVersions.lucene(lucene, SinkSettings.from(config).luceneDir());
    }
    if (backend instanceof OpenSearchArticleIndex openSearch) {
      OpenSearchIndexVersions cluster = new OpenSearchIndexVersions(openSearch.settings());
      started.push(cluster);
      return IndexVersions.openSearch(cluster);
    }
    return null;
  }

  /**
   * The configuration with an {@code instance-id} for static group membership (a restart after a
   * crash gets its partitions back at once), unless one is set. On the embedded broker the process
   * is alone (it locks the data folder that holds the broker), so a fixed name is safe. On a
   * cluster ({@code --bootstrap-servers}) other {@code vigia run} processes share the groups, and
   * two members with one instance id fence each other; the id is then derived from the host name
   * and the data folder: stable across restarts of this process, distinct for every other one (the
   * data folder is locked, so no two live processes share both).
   */
  static Config withInstanceId(Config config, java.util.function.Supplier<String> hostName) {
    if (!config.string("instance-id").isBlank()) {
      return config;
    }
    if (config.string("kafka.bootstrap-servers").isBlank()) {
      return config.with("instance-id", "embedded");
    }
    return config.with(
        "instance-id", derivedInstanceId(hostName.get(), Path.of(config.string("data-dir"))));
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "host";
    }
  }

  /** {@code run-HOST-HASH}: HASH names the absolute data folder. */
  static String derivedInstanceId(String host, Path dataDir) {
    String folder = dataDir.toAbsolutePath().normalize().toString();
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(folder.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String safeHost =
          host == null || host.isBlank() ? "host" : host.replaceAll("[^A-Za-z0-9.-]", "-");
      return "run-" + safeHost + "-" + java.util.HexFormat.of().formatHex(digest, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Figures beside the stages' states in {@code /healthz}. */
  private Map<String, Object> healthDetails() {
    Map<String, Object> h = new LinkedHashMap<>();
    if (enrich == null || index == null) {
      return h; // still starting: the stages' states say where
    }
    h.put("enrich", enrich.state().toString());
    try {
      h.put("indexed", index.count());
    } catch (RuntimeException e) {
      h.put("indexed", "unknown: " + e.getMessage()); // the engine is away; the sink says so
    }
    if (alerts != null) {
      h.putAll(alerts.healthDetails());
    }
    return h;
  }

  String httpUrl() {
    return "http://127.0.0.1:" + http.port();
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  /** The reprocessing runner, for tests that crash it. */
  Reprocessing reprocessing() {
    return reprocessing;
  }

  int httpPort() {
    return http.port();
  }

  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      AutoCloseable c = started.pop();
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("error while stopping {}", c.getClass().getSimpleName(), e);
      }
    }
  }
}
