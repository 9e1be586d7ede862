package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.config.Config;
import io.vigia.common.http.Json;
import io.vigia.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline in one process, on a real embedded broker: a loopback site serves a feed and
 * pages; the articles become searchable through the HTTP API; a restart over the same data folder
 * fetches nothing twice and indexes nothing twice. An IT because it starts Kafka.
 */
class PipelineIT {
  @TempDir Path data;
  private DemoSite site;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void startSite() {
    site = DemoSite.start("/fixture-site");
  }

  @AfterEach
  void stopSite() {
    site.close();
  }

  private Config config() {
    return Config.builder()
        .yaml(
            """
        feeds:
          - url: %s/feeds/politica.xml
            name: Fixture Noticias
        ingest:
          allow-private-addresses: true
          poll-interval: 1s
          max-poll-interval: 1s
          host-delay: 0s
        http:
          port: 0
        """
                .formatted(site.baseUrl()))
        .set("data-dir", data.toString())
        .build();
  }

  @Test
  void shouldMakeFeedArticlesSearchableOnceAndKeepThemOnceAcrossARestart() throws Exception {
    try (Pipeline p = Pipeline.start(config(), false)) {
      JsonNode all = await(p, "/api/articles?size=50", j -> j.path("total").asLong() >= 2);
      assertThat(all.path("total").asLong()).isEqualTo(2);
      List<String> langs = new ArrayList<>();
      all.path("articles").forEach(a -> langs.add(a.path("language").asText()));
      assertThat(langs).containsExactlyInAnyOrder("es", "en");
      JsonNode first = all.path("articles").get(0);
      for (String field :
          List.of("id", "url", "title", "language", "publishedAt", "source", "text")) {
        assertThat(first.has(field)).as(field).isTrue();
      }
      assertThat(get(p, "/api/articles?q=consejo").path("total").asLong()).isEqualTo(1);
      String id = get(p, "/api/articles?q=observers").path("articles").get(0).path("id").asText();
      assertThat(get(p, "/api/articles/" + id).path("text").asText())
          .contains("preliminary report");
      assertThat(site.requests("/pages/uno.html"))
          .as("two links with different tracking, one fetch")
          .isEqualTo(1);
      assertThat(site.requests("/private/borrador.html"))
          .as("robots.txt disallows /private/")
          .isZero();
      assertThat(get(p, "/api/sources").path("sources").get(0).path("lastError").asText())
          .contains("robots.txt");
      JsonNode stats = get(p, "/api/stats?target=maduro-government");
      assertThat(stats.path("total").asLong()).isEqualTo(2);
      assertThat(stats.path("perDay").size()).isPositive();
      assertThat(stats.path("topEntities").toString())
          .as("entities are linked in the running pipeline")
          .contains("Caracas");
      assertThat(get(p, "/api/stories").path("stories").size()).isBetween(1, 2);
      assertThat(get(p, "/api/articles?entity=Q1533").path("total").asLong())
          .as("filter by entity id")
          .isEqualTo(1);
      assertEveryStageMetered(p);
    }

    try (Pipeline p = Pipeline.start(config(), false)) {
      int feedPolls = site.requests("/feeds/politica.xml");
      // Let ingest poll the feed a few more times after the restart.
      awaitTrue(() -> site.requests("/feeds/politica.xml") >= feedPolls + 3);
      assertThat(site.requests("/pages/uno.html")).as("nothing fetched twice").isEqualTo(1);
      assertThat(site.requests("/pages/two.html")).isEqualTo(1);
      assertNothingIndexedTwice(p, 2);
      assertThat(rawRecordKeys(p.bootstrapServers())).hasSize(2);
    }
  }

  @Test
  void shouldServeTheDemoAtTheSameAddressesAfterARestartSoNothingIsIndexedTwice() throws Exception {
    Config demo =
        Config.builder()
            .yaml(
                """
        http:
          port: 0
        """)
            .set("data-dir", data.toString())
            .build();
    Set<String> feedsBefore;
    try (Pipeline p = Pipeline.start(demo, true)) {
      await(p, "/api/articles?size=50", j -> j.path("total").asLong() >= 12);
      feedsBefore = feedUrls(get(p, "/api/sources"));
    }
    java.time.Instant restart = java.time.Instant.now();
    try (Pipeline p = Pipeline.start(demo, true)) {
      JsonNode sources =
          await(p, "/api/sources", j -> feedUrls(j).size() == 3 && polledSince(j, restart));
      assertThat(feedUrls(sources))
          .as("the demo feeds, at the addresses of the first run")
          .isEqualTo(feedsBefore);
      Thread.sleep(3_000); // what a second poll would fetch lands in the index within this
      assertNothingIndexedTwice(p, 12);
    }
  }

  /**
   * Counted over the whole index: the default search hides duplicates, so a page indexed again
   * under another id (a duplicate of itself by content hash) would not show in its total.
   */
  private void assertNothingIndexedTwice(Pipeline p, int expected) throws Exception {
    JsonNode all = get(p, "/api/articles?size=100&duplicates=true");
    assertThat(all.path("total").asLong())
        .as("nothing indexed twice, duplicates included")
        .isEqualTo(expected);
    assertThat(get(p, "/healthz").path("indexed").asLong())
        .as("documents in the index")
        .isEqualTo(expected);
    Set<String> urls = new HashSet<>();
    all.path("articles")
        .forEach(
            a ->
                assertThat(urls.add(a.path("url").asText()))
                    .as("one document per URL: %s", a.path("url"))
                    .isTrue());
  }

  /** {@code /metrics} of the run (Prometheus text) carries each stage's series with what it did. */
  private void assertEveryStageMetered(Pipeline p) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(p.httpUrl() + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    String m = r.body();
    // The registry is the JVM's, shared with earlier runs in this test JVM: at least this run's
    // counts.
    for (String series :
        List.of(
            "vigia_ingest_articles_fetched_total",
            "vigia_ingest_articles_produced_total",
            "vigia_enrich_articles_in_total",
            "vigia_enrich_articles_out_total{destination=\"enriched\"}",
            "vigia_sink_articles_in_total",
            "vigia_sink_articles_indexed_total",
            "vigia_freshness_fetched_to_searchable_seconds_count",
            "vigia_freshness_enriched_to_searchable_seconds_bucket{le=\"+Inf\"}",
            "vigia_freshness_published_to_fetched_seconds_count")) {
      assertThat(value(m, series)).as(series).isGreaterThanOrEqualTo(2);
    }
    assertThat(value(m, "vigia_enrich_dedup_decisions_total{reason=\"none\",status=\"original\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(m, "vigia_enrich_stories_total{story=\"new\"}")).isGreaterThanOrEqualTo(1);
    assertThat(value(m, "vigia_enrich_dedup_articles_held"))
        .as("the on-topic articles the dedup state holds")
        .isGreaterThanOrEqualTo(1);
    assertThat(value(m, "vigia_sink_write_seconds_count")).isGreaterThanOrEqualTo(1);
    assertThat(m)
        .contains("vigia_freshness_published_to_searchable_recent_seconds{quantile=\"0.99\"}")
        .contains("vigia_ingest_feeds_polled_total{outcome=\"ok\"}")
        .contains("jvm_memory_used_bytes")
        .contains("jvm_gc_")
        .contains("process_cpu_usage")
        .contains("kafka_consumer_coordinator_")
        // Per-topic series (records_lag) appear at the Kafka binder's next refresh, up to a minute
        // in.
        .as("Kafka's deprecated underscored twins would double every sum over topics")
        .doesNotContain("topic=\"vigia_");
    assertThat(value(m, "vigia_metrics_registration_failures_total"))
        .as("no meter refused by the registry")
        .isZero();
  }

  private static double value(String metrics, String series) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(series + " "))
        .findFirst()
        .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .orElseThrow(() -> new AssertionError("no series " + series + " in /metrics"));
  }

  private static Set<String> feedUrls(JsonNode sources) {
    Set<String> urls = new HashSet<>();
    sources.path("sources").forEach(s -> urls.add(s.path("url").asText()));
    return urls;
  }

  private static boolean polledSince(JsonNode sources, java.time.Instant since) {
    for (JsonNode s : sources.path("sources")) {
      if (s.path("lastPoll").isMissingNode()
          || s.path("lastPoll").isNull()
          || java.time.Instant.parse(s.path("lastPoll").asText()).isBefore(since)) {
        return false;
      }
    }
    return true;
  }

  /** Keys of every record in the raw topic: one per article if nothing was produced twice. */
  private static List<String> rawRecordKeys(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          c.partitionsFor(Topics.RAW.name()).stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      var end = c.endOffsets(parts);
      long deadline = System.currentTimeMillis() + 30_000;
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))
          && System.currentTimeMillis() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
      }
    }
    Set<String> distinct = new HashSet<>(keys);
    assertThat(distinct).hasSameSizeAs(keys);
    return keys;
  }

  private JsonNode get(Pipeline p, String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(p.httpUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return Json.MAPPER.readTree(r.body());
  }

  private JsonNode await(Pipeline p, String path, Predicate<JsonNode> done) throws Exception {
    long deadline = System.currentTimeMillis() + 90_000;
    JsonNode last = null;
    while (System.currentTimeMillis() < deadline) {
      last = get(p, path);
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("not reached within 90 s; last answer: " + last);
  }

  private static void awaitTrue(java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!done.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not reached within 60 s");
      }
      Thread.sleep(200);
    }
  }
}
