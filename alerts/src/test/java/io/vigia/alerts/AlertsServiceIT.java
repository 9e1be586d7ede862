package io.vigia.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.broker.EmbeddedKafka;
import io.vigia.common.config.Config;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.http.HttpApi;
import io.vigia.common.http.Json;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.TopicCreator;
import io.vigia.schemas.Topics;
import io.vigia.schemas.testing.SampleArticles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts stage on an embedded broker, through its HTTP API: once {@code POST
 * /api/subscriptions} has answered, the matcher already holds the subscription, so an article
 * enriched right after is matched against it (no window where the API has it and the matcher does
 * not).
 */
class AlertsServiceIT {
  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void shouldMatchAnArticleProducedRightAfterThePostAnswered() throws Exception {
    try (EmbeddedKafka broker = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), 1, (short) 1);
      try (Admin admin = Admin.create(kafka.clientProperties())) {
        TopicCreator.ensure(admin, Topics.all(), 1, (short) 1);
      }
      Config config = Config.builder().set("data-dir", dir.resolve("data").toString()).build();
      try (AlertsService alerts = new AlertsService(AlertsSettings.from(config), kafka);
          HttpApi http = new HttpApi();
          KafkaProducer<String, byte[]> producer = producer(kafka);
          KafkaConsumer<String, String> out = alertsConsumer(kafka)) {
        alerts.start();
        alerts.register(http);
        http.start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + http.port();
        // Warm-up: the topology starts at the end of the enriched topic, so wait until it matches
        // at all.
        String probe = post(base, "probe", "sondeo");
        for (int i = 0; i < 60 && alertsFor(out, probe, Duration.ofMillis(500)).isEmpty(); i++) {
          send(producer, "sondeo " + i);
        }
        for (int round = 0; round < 5; round++) {
          String word = "palabra" + round;
          String id = post(base, "round-" + round, word);
          assertThat(
                  alerts.awaitMatcherSees(
                      id,
                      alerts.registry().get(id).orElseThrow().toStoredJson().toString(),
                      Duration.ZERO))
              .as("the matcher holds the subscription when the API answers")
              .isTrue();
          String article = send(producer, "El CNE y la " + word);
          List<JsonNode> fired = alertsFor(out, id, Duration.ofSeconds(30));
          assertThat(fired)
              .as("round " + round)
              .singleElement()
              .satisfies(a -> assertThat(a.path("article").path("id").asText()).isEqualTo(article));
        }
        HttpResponse<String> deleted =
            client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/subscriptions/round-0"))
                    .DELETE()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(alerts.awaitMatcherSees("round-0", null, Duration.ZERO))
            .as("gone from the matcher when DELETE answers")
            .isTrue();
      }
    }
  }

  @Test
  void shouldGuardSubscriptionsWithTheApiKeyAndRefuseAPrivateWebhook() throws Exception {
    try (EmbeddedKafka broker = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), 1, (short) 1);
      try (Admin admin = Admin.create(kafka.clientProperties())) {
        TopicCreator.ensure(admin, Topics.all(), 1, (short) 1);
      }
      Config config = Config.builder().set("data-dir", dir.resolve("data").toString()).build();
      try (AlertsService alerts = new AlertsService(AlertsSettings.from(config), kafka);
          HttpApi http = new HttpApi()) {
        alerts.start();
        alerts.register(http);
        http.requireKeyForWrites("the-api-key").start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + http.port();

        HttpResponse<String> loopback =
            send(
                base,
                "POST",
                "/api/subscriptions",
                "the-api-key",
                "{\"name\": \"local\", \"query\": {\"q\": \"CNE\"}, \"webhook\": {\"url\":"
                    + " \"http://127.0.0.1:9/hook\", \"secret\": \"a-long-secret\"}}");
        assertThat(loopback.statusCode()).as(loopback.body()).isEqualTo(400);
        assertThat(loopback.body()).contains("alerts.webhook.allow-private-addresses");

        // A public address given as a literal: nothing is resolved, nothing is delivered.
        HttpResponse<String> created =
            send(
                base,
                "POST",
                "/api/subscriptions",
                "the-api-key",
                "{\"id\": \"slack\", \"name\": \"slack\", \"query\": {\"q\": \"CNE\"},"
                    + " \"webhook\": {\"url\": \"https://93.184.215.14/services/T0/B1/hook-path-secret?token=t0ken\","
                    + " \"secret\": \"a-long-secret\"}, \"email\": {\"to\": [\"maria@example.org\"]}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        for (String path : List.of("/api/subscriptions", "/api/subscriptions/slack")) {
          assertThat(send(base, "GET", path, null, null).statusCode())
              .as("GET %s without the key", path)
              .isEqualTo(401);
          HttpResponse<String> read = send(base, "GET", path, "the-api-key", null);
          assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
          assertThat(read.body())
              .contains("\"origin\":\"https://93.184.215.14\"")
              .contains("m***@example.org")
              .doesNotContain("hook-path-secret")
              .doesNotContain("t0ken")
              .doesNotContain("maria@")
              .doesNotContain("a-long-secret");
        }
      }
    }
  }

  private HttpResponse<String> send(
      String base, String method, String path, String key, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String post(String base, String id, String word) throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/api/subscriptions"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"id\": \""
                            + id
                            + "\", \"name\": \""
                            + id
                            + "\", \"query\": {\"q\": \""
                            + word
                            + "\"}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return id;
  }

  private static String send(KafkaProducer<String, byte[]> producer, String title)
      throws Exception {
    EnrichedArticle e =
        SampleArticles.enriched(
            SampleArticles.raw(
                    "https://diario.example/" + UUID.randomUUID(), title, "Texto de la nota.")
                .build());
    e.setEnrichedAt(
        Instant
            .now()); // enriched now: a subscription fires only on what enrich publishes after its
    // creation
    producer
        .send(
            new ProducerRecord<>(
                Topics.ENRICHED.name(),
                e.getArticle().getId(),
                Topics.ENRICHED.valueSerde().serializer().serialize(Topics.ENRICHED.name(), e)))
        .get();
    return e.getArticle().getId();
  }

  private static List<JsonNode> alertsFor(
      KafkaConsumer<String, String> out, String subscription, Duration wait) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    long deadline = System.nanoTime() + wait.toNanos();
    while (found.isEmpty() && System.nanoTime() < deadline) {
      for (var r : out.poll(Duration.ofMillis(100))) {
        if (subscription.equals(r.key())) {
          found.add(Json.MAPPER.readTree(r.value()));
        }
      }
    }
    // anything more for it would be a repeat
    for (var r : out.poll(Duration.ofMillis(300))) {
      if (subscription.equals(r.key())) {
        found.add(Json.MAPPER.readTree(r.value()));
      }
    }
    return found;
  }

  private static KafkaProducer<String, byte[]> producer(KafkaSettings kafka) {
    Properties p = kafka.clientProperties();
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  private static KafkaConsumer<String, String> alertsConsumer(KafkaSettings kafka) {
    Properties p = kafka.clientProperties();
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, String> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    TopicPartition tp = new TopicPartition(Topics.ALERTS.name(), 0);
    c.assign(List.of(tp));
    c.seekToBeginning(List.of(tp));
    return c;
  }
}
