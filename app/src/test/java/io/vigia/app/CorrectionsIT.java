package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.config.Config;
import io.vigia.common.http.Json;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Stance;
import io.vigia.schemas.StanceLabel;
import io.vigia.schemas.Topics;
import io.vigia.schemas.testing.SampleArticles;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analysts' corrections end to end in {@code vigia run} (embedded broker, Lucene, the demo site): a
 * correction POSTed shows at once in the article, its search filters and {@code /api/stats}, with
 * the machine's judgement beside it; DELETE brings the machine's back; it needs the API key when
 * one is set and records the key's name; a newly enriched version of the article is corrected
 * again; and after a restart over the same data everything is still corrected.
 */
class CorrectionsIT {
  private static final String TARGET = "maduro-government";
  private static final String KEY = "k-alice-0123456789";

  @TempDir Path data;
  private final HttpClient http = HttpClient.newHttpClient();

  private Config config() {
    return Config.builder()
        .yaml("http:\n  port: 0\n  api-keys: {alice: " + KEY + "}\n")
        .set("data-dir", data.toString())
        .build();
  }

  @Test
  void shouldShowACorrectionAtOnceAndKeepItThroughReEnrichmentAndRestarts() throws Exception {
    String id;
    String machineLabel;
    String corrected;
    try (PipelineHandle p = PipelineHandle.start(config(), true)) {
      p.awaitStableTotal(Duration.ofSeconds(180));
      JsonNode withStance =
          p.get("/api/articles?size=100").path("articles").findParents("target").stream()
              .filter(s -> s.path("target").asText().equals(TARGET))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError("no demo article has a stance toward " + TARGET));
      id = articleWith(p, withStance);
      machineLabel =
          p.get("/api/articles/" + id).path("stance").findParents("target").stream()
              .filter(s -> s.path("target").asText().equals(TARGET))
              .findFirst()
              .orElseThrow()
              .path("label")
              .asText();
      corrected = machineLabel.equals("against") ? "favor" : "against";
      long correctedBefore = labelled(p, corrected);
      long statsBefore = statsCount(p, corrected);
      String body =
          "{\"stance\": {\"target\": \""
              + TARGET
              + "\", \"label\": \""
              + corrected
              + "\"}, \"note\": \"irony\"}";

      assertThat(post(p, id, body, null).statusCode()).as("no key").isEqualTo(401);
      assertThat(post(p, id, body, "wrong").statusCode()).as("wrong key").isEqualTo(401);
      assertThat(
              post(
                      p,
                      id,
                      "{\"stance\": {\"target\": \"" + TARGET + "\", \"label\": \"maybe\"}}",
                      KEY)
                  .statusCode())
          .as("bad label")
          .isEqualTo(400);

      HttpResponse<String> created = post(p, id, body, KEY);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      JsonNode answer = Json.MAPPER.readTree(created.body());
      assertThat(answer.path("visible").asBoolean()).isTrue();
      assertThat(answer.path("correction").path("by").asText()).isEqualTo("alice");
      assertThat(answer.path("correction").path("field").asText()).isEqualTo("stance:" + TARGET);

      // At once, without waiting: the article, the filter and the stats use the corrected label.
      assertCorrected(p, id, corrected, machineLabel);
      assertThat(labelled(p, corrected)).isEqualTo(correctedBefore + 1);
      assertThat(idsLabelled(p, corrected)).contains(id);
      assertThat(idsLabelled(p, machineLabel)).doesNotContain(id);
      assertThat(statsCount(p, corrected)).isEqualTo(statsBefore + 1);

      // Off topic: out of the default search, listed with relevant=false; taken back: in again.
      long total = p.get("/api/articles?size=0").path("total").asLong();
      assertThat(post(p, id, "{\"relevant\": false}", KEY).statusCode()).isEqualTo(201);
      assertThat(p.get("/api/articles?size=0").path("total").asLong()).isEqualTo(total - 1);
      assertThat(ids(p.get("/api/articles?relevant=false"))).containsExactly(id);
      assertThat(p.get("/api/articles/" + id + "/corrections").path("corrections")).hasSize(2);
      HttpResponse<String> deleted = delete(p, id, "relevant", KEY);
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
      assertThat(p.get("/api/articles?size=0").path("total").asLong()).isEqualTo(total);
      assertThat(delete(p, id, "relevant", KEY).statusCode())
          .as("already taken back")
          .isEqualTo(404);
      assertThat(delete(p, id, "stance:" + TARGET, null).statusCode()).as("no key").isEqualTo(401);

      // A new enrichment of the article (what a reprocessing writes) is corrected again.
      try (KafkaProducer<String, EnrichedArticle> producer = producer(p.bootstrapServers())) {
        producer
            .send(new ProducerRecord<>(Topics.ENRICHED.name(), id, reEnriched(id, machineLabel)))
            .get();
      }
      p.await(
          "/api/articles/" + id,
          a -> a.path("enrichmentVersion").asInt() == 99,
          Duration.ofSeconds(60));
      assertCorrected(p, id, corrected, machineLabel);
    }

    // Restarted over the same data: the corrections are read back from their topic.
    try (PipelineHandle p = PipelineHandle.start(config(), true)) {
      p.await("/api/articles?size=0", a -> a.path("total").asLong() > 0, Duration.ofSeconds(120));
      assertCorrected(p, id, corrected, machineLabel);
      assertThat(idsLabelled(p, corrected)).contains(id);
      assertThat(p.get("/api/articles/" + id + "/corrections").path("corrections")).hasSize(1);

      HttpResponse<String> back =
          delete(p, id, URLEncoder.encode("stance:" + TARGET, StandardCharsets.UTF_8), KEY);
      assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
      JsonNode stance = stanceOf(p.get("/api/articles/" + id));
      assertThat(stance.path("label").asText()).isEqualTo(machineLabel);
      assertThat(stance.has("corrected")).isFalse();
      assertThat(idsLabelled(p, machineLabel)).contains(id);
    }
  }

  private void assertCorrected(PipelineHandle p, String id, String label, String machine)
      throws Exception {
    JsonNode article = p.get("/api/articles/" + id);
    assertThat(article.path("corrected").asBoolean()).as("%s", article).isTrue();
    JsonNode stance = stanceOf(article);
    assertThat(stance.path("label").asText()).isEqualTo(label);
    assertThat(stance.path("corrected").asBoolean()).isTrue();
    assertThat(stance.path("machine").path("label").asText()).isEqualTo(machine);
  }

  private static JsonNode stanceOf(JsonNode article) {
    for (JsonNode s : article.path("stance")) {
      if (s.path("target").asText().equals(TARGET)) {
        return s;
      }
    }
    throw new AssertionError("no stance toward " + TARGET + " in " + article);
  }

  /** The id of the listed article whose stance entry is {@code stance}. */
  private static String articleWith(PipelineHandle p, JsonNode stance) throws Exception {
    for (JsonNode a : p.get("/api/articles?size=100").path("articles")) {
      for (JsonNode s : a.path("stance")) {
        if (s.equals(stance)) {
          return a.path("id").asText();
        }
      }
    }
    throw new AssertionError("not found");
  }

  private static long labelled(PipelineHandle p, String label) throws Exception {
    return p.get("/api/articles?size=0&stance=" + TARGET + ":" + label).path("total").asLong();
  }

  private static List<String> idsLabelled(PipelineHandle p, String label) throws Exception {
    return ids(p.get("/api/articles?size=100&stance=" + TARGET + ":" + label));
  }

  private static List<String> ids(JsonNode answer) {
    List<String> ids = new java.util.ArrayList<>();
    answer.path("articles").forEach(a -> ids.add(a.path("id").asText()));
    return ids;
  }

  private static long statsCount(PipelineHandle p, String label) throws Exception {
    long n = 0;
    for (JsonNode d : p.get("/api/stats?target=" + TARGET).path("perDay")) {
      n += d.path(label).asLong();
    }
    return n;
  }

  /** The article enriched again (version 99) with the machine's label: what reprocessing writes. */
  private EnrichedArticle reEnriched(String id, String machineLabel) {
    EnrichedArticle e =
        SampleArticles.enriched(
            SampleArticles.raw(
                    "https://reprocessed.example/" + id, "Reprocesado", "El CNE y Maduro.")
                .setId(id)
                .build());
    e.setEnrichmentVersion(99);
    e.setStance(
        List.of(
            Stance.newBuilder()
                .setTarget(TARGET)
                .setLabel(StanceLabel.valueOf(machineLabel.toUpperCase(java.util.Locale.ROOT)))
                .setScore(0.5)
                .setEvidence(List.of())
                .build()));
    return e;
  }

  private static KafkaProducer<String, EnrichedArticle> producer(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return new KafkaProducer<>(
        props, Topics.ENRICHED.keySerde().serializer(), Topics.ENRICHED.valueSerde().serializer());
  }

  private HttpResponse<String> post(PipelineHandle p, String id, String body, String key)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(p.httpUrl() + "/api/articles/" + id + "/corrections"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> delete(PipelineHandle p, String id, String field, String key)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create(p.httpUrl() + "/api/articles/" + id + "/corrections/" + field))
            .DELETE();
    if (key != null) {
      b.header("X-Api-Key", key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
