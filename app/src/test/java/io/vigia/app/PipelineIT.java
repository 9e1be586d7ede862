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
 * The whole pipeline in one process, on a real embedded broker: a loopback site serves a feed
 * and pages; the articles become searchable through the HTTP API; a restart over the same data
 * folder fetches nothing twice and indexes nothing twice. An IT because it starts Kafka.
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
    return Config.builder().yaml("""
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
        """.formatted(site.baseUrl())).set("data-dir", data.toString()).build();
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
      for (String field : List.of("id", "url", "title", "language", "publishedAt", "source", "text")) {
        assertThat(first.has(field)).as(field).isTrue();
      }
      assertThat(get(p, "/api/articles?q=consejo").path("total").asLong()).isEqualTo(1);
      String id = get(p, "/api/articles?q=observers").path("articles").get(0).path("id").asText();
      assertThat(get(p, "/api/articles/" + id).path("text").asText()).contains("preliminary report");
      assertThat(site.requests("/pages/uno.html")).as("two links with different tracking, one fetch").isEqualTo(1);
      assertThat(site.requests("/private/borrador.html")).as("robots.txt disallows /private/").isZero();
      assertThat(get(p, "/api/sources").path("sources").get(0).path("lastError").asText()).contains("robots.txt");
      JsonNode stats = get(p, "/api/stats?target=maduro-government");
      assertThat(stats.path("total").asLong()).isEqualTo(2);
      assertThat(stats.path("perDay").size()).isPositive();
      assertThat(stats.path("topEntities").toString()).as("entities are linked in the running pipeline").contains("Caracas");
      assertThat(get(p, "/api/stories").path("stories").size()).isBetween(1, 2);
      assertThat(get(p, "/api/articles?entity=Q1533").path("total").asLong()).as("filter by entity id").isEqualTo(1);
    }

    try (Pipeline p = Pipeline.start(config(), false)) {
      int feedPolls = site.requests("/feeds/politica.xml");
      // Let ingest poll the feed a few more times after the restart.
      awaitTrue(() -> site.requests("/feeds/politica.xml") >= feedPolls + 3);
      assertThat(site.requests("/pages/uno.html")).as("nothing fetched twice").isEqualTo(1);
      assertThat(site.requests("/pages/two.html")).isEqualTo(1);
      assertThat(get(p, "/api/articles?size=50").path("total").asLong()).as("nothing indexed twice").isEqualTo(2);
      assertThat(rawRecordKeys(p.bootstrapServers())).hasSize(2);
    }
  }

  @Test
  void shouldServeTheDemoAtTheSameAddressesAfterARestartSoNothingIsIndexedTwice() throws Exception {
    Config demo = Config.builder().yaml("""
        http:
          port: 0
        """).set("data-dir", data.toString()).build();
    Set<String> feedsBefore;
    try (Pipeline p = Pipeline.start(demo, true)) {
      await(p, "/api/articles?size=50", j -> j.path("total").asLong() >= 12);
      feedsBefore = feedUrls(get(p, "/api/sources"));
    }
    java.time.Instant restart = java.time.Instant.now();
    try (Pipeline p = Pipeline.start(demo, true)) {
      JsonNode sources = await(p, "/api/sources", j -> feedUrls(j).size() == 3 && polledSince(j, restart));
      assertThat(feedUrls(sources)).as("the demo feeds, at the addresses of the first run").isEqualTo(feedsBefore);
      Thread.sleep(3_000); // what a second poll would fetch lands in the index within this
      assertThat(get(p, "/api/articles?size=50").path("total").asLong()).as("nothing indexed twice").isEqualTo(12);
    }
  }

  private static Set<String> feedUrls(JsonNode sources) {
    Set<String> urls = new HashSet<>();
    sources.path("sources").forEach(s -> urls.add(s.path("url").asText()));
    return urls;
  }

  private static boolean polledSince(JsonNode sources, java.time.Instant since) {
    for (JsonNode s : sources.path("sources")) {
      if (s.path("lastPoll").isMissingNode() || s.path("lastPoll").isNull()
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
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = c.partitionsFor(Topics.RAW.name()).stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      var end = c.endOffsets(parts);
      long deadline = System.currentTimeMillis() + 30_000;
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
      }
    }
    Set<String> distinct = new HashSet<>(keys);
    assertThat(distinct).hasSameSizeAs(keys);
    return keys;
  }

  private JsonNode get(Pipeline p, String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(p.httpUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
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

  private static void awaitTrue(java.util.function.BooleanSupplier done) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!done.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not reached within 60 s");
      }
      Thread.sleep(200);
    }
  }
}
