package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.app.testing.SearchClient;
import io.vigia.app.testing.StageProcess;
import io.vigia.broker.EmbeddedKafka;
import io.vigia.common.http.Json;
import io.vigia.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigia sink} as its own process, no ingest or alerts stage beside it: the dashboard's
 * recent alerts and source health come from the topics those stages write ({@code vigia.alerts},
 * {@code vigia.ingest.feed-state}), read-only.
 */
class SinkAloneIT {
  @TempDir Path tmp;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldServeRecentAlertsAndSourceHealthFromTheirTopics() throws Exception {
    try (EmbeddedKafka broker = new EmbeddedKafka(tmp.resolve("kafka"), 0).start()) {
      Path config =
          Files.writeString(
              tmp.resolve("vigia.yaml"),
              """
          feeds:
            - {url: "https://caribe.example/feed.xml", name: "Caribe Diario"}
          """);
      int port = SearchClient.freePort();
      try (StageProcess sink =
          StageProcess.start(
              "sink-alone",
              tmp.resolve("logs"),
              Map.of("VIGIA_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()),
              "384m",
              "sink",
              "--config",
              config.toString(),
              "--data",
              tmp.resolve("sink").toString(),
              "--port",
              String.valueOf(port))) {
        String base = "http://127.0.0.1:" + port;
        await(base + "/readyz", j -> j.path("ready").asBoolean(), Duration.ofSeconds(120), sink);
        assertThat(get(base + "/api/alerts").path("alerts")).isEmpty();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer =
            new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
          producer
              .send(
                  new ProducerRecord<>(
                      "vigia.alerts",
                      "cne-es",
                      "{\"id\": \"a1\", \"subscriptionId\": \"cne-es\", "
                          + "\"subscriptionName\": \"CNE en español\", \"matchedAt\": \"2026-01-01T12:00:00Z\", \"article\": {\"title\": \"El CNE\"}}"))
              .get();
          producer
              .send(
                  new ProducerRecord<>(
                      Topics.INGEST_FEED_STATE.name(),
                      "https://caribe.example/feed.xml",
                      "{\"poll\": {\"errorStreak\": 1, \"intervalMillis\": 60000}, \"status\": {\"state\": \"failing\", \"lastError\": \"HTTP 503\", "
                          + "\"lastPoll\": \"2026-01-01T12:00:00Z\", \"itemsSeen\": 3, \"articlesProduced\": 2}}"))
              .get();
        }
        JsonNode alerts =
            await(
                base + "/api/alerts",
                j -> j.path("alerts").size() == 1,
                Duration.ofSeconds(60),
                sink);
        assertThat(alerts.path("alerts").path(0).path("subscriptionName").asText())
            .isEqualTo("CNE en español");
        JsonNode sources =
            await(
                base + "/api/sources",
                j -> j.path("sources").size() == 1,
                Duration.ofSeconds(60),
                sink);
        assertThat(sources.path("sources").path(0).path("name").asText())
            .isEqualTo("Caribe Diario");
        assertThat(sources.path("sources").path(0).path("state").asText()).isEqualTo("failing");
        assertThat(sources.path("sources").path(0).path("lastError").asText())
            .isEqualTo("HTTP 503");
      }
    }
  }

  private JsonNode get(String url) throws Exception {
    return Json.MAPPER.readTree(
        http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  private JsonNode await(String url, Predicate<JsonNode> done, Duration timeout, StageProcess sink)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = get(url);
        if (done.test(last)) {
          return last;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      assertThat(sink.isAlive()).as("the sink process runs; log: " + sink.logTail(40)).isTrue();
      Thread.sleep(300);
    }
    throw new AssertionError(
        "not reached within "
            + timeout.toSeconds()
            + " s on "
            + url
            + "; last: "
            + last
            + "; log: "
            + sink.logTail(40));
  }
}
