package io.vigia.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.http.Json;
import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Topics;
import io.vigia.schemas.testing.SampleArticles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertTopologyTest {
  @TempDir java.nio.file.Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, String> subscriptions;
  private TestInputTopic<String, byte[]> enriched;
  private TestOutputTopic<String, String> alerts;

  @BeforeEach
  void start() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-test");
    // Its own state folder: test JVMs of other builds on the machine use the same application id.
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(AlertTopology.build(Duration.ofDays(30)), p);
    subscriptions =
        driver.createInputTopic(
            Topics.ALERT_SUBSCRIPTIONS.name(), new StringSerializer(), new StringSerializer());
    enriched =
        driver.createInputTopic(
            Topics.ENRICHED.name(), new StringSerializer(), new ByteArraySerializer());
    alerts =
        driver.createOutputTopic(
            Topics.ALERTS.name(), new StringDeserializer(), new StringDeserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private void subscribe(String id, String query) {
    subscriptions.pipeInput(
        id, "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"query\":" + query + "}");
  }

  private void send(EnrichedArticle e) {
    enriched.pipeInput(
        e.getArticle().getId(),
        Topics.ENRICHED.valueSerde().serializer().serialize(Topics.ENRICHED.name(), e));
  }

  private static EnrichedArticle article(String url, String title, String lang) {
    return SampleArticles.enriched(
        SampleArticles.raw(url, title, "Texto de la nota.").setLanguage(lang).build());
  }

  private List<JsonNode> read() {
    return alerts.readValuesToList().stream()
        .map(
            v -> {
              try {
                return Json.MAPPER.readTree(v);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            })
        .toList();
  }

  @Test
  void shouldAlertOncePerSubscriptionAndArticleHoweverManyCopiesArrive() {
    subscribe("cne-es", "{\"q\":\"CNE\",\"language\":\"es\"}");
    EnrichedArticle original = article("https://a.example/1", "El CNE anuncia", "es");
    EnrichedArticle copy = article("https://b.example/copia", "El CNE anuncia (copia)", "es");
    copy.getDedup().setStatus(DedupStatus.DUPLICATE);
    copy.getDedup().setDuplicateOf(original.getArticle().getId());
    send(original);
    send(original); // a replay
    send(copy);
    send(article("https://a.example/2", "The CNE announces", "en"));
    send(article("https://a.example/3", "Otra cosa", "es"));
    List<JsonNode> out = read();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).path("subscriptionId").asText()).isEqualTo("cne-es");
    assertThat(out.get(0).path("article").path("id").asText())
        .isEqualTo(original.getArticle().getId());
    assertThat(out.get(0).path("kind").asText()).isEqualTo("article");
  }

  @Test
  void shouldStampAnAlertWithTheTimeItIsRaisedNotItsArticlesFetchTime() {
    subscribe("cne-es", "{\"q\":\"CNE\",\"language\":\"es\"}");
    EnrichedArticle old = article("https://a.example/viejo", "El CNE anuncia", "es");
    Instant fetched = Instant.parse("2024-07-01T00:00:00Z");
    Instant before = Instant.now();
    enriched.pipeInput(
        old.getArticle().getId(),
        Topics.ENRICHED.valueSerde().serializer().serialize(Topics.ENRICHED.name(), old),
        fetched);
    // The driver's wall clock started at its construction, before this test's clock reading.
    assertThat(alerts.readRecord().getRecordTime())
        .as("the topic's retention counts from the alert")
        .isAfter(before.minusSeconds(60))
        .isBeforeOrEqualTo(Instant.now());
  }

  @Test
  void shouldAlertEachSubscriptionSeparately() {
    subscribe("a", "{\"q\":\"CNE\"}");
    subscribe("b", "{\"language\":\"es\"}");
    send(article("https://a.example/1", "El CNE anuncia", "es"));
    assertThat(read())
        .extracting(j -> j.path("subscriptionId").asText())
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void shouldFireAStoryRuleOnceWhenTheThresholdIsCrossed() {
    subscribe("big-story", "{\"storySources\":3}");
    for (int sources = 1; sources <= 5; sources++) {
      EnrichedArticle e = article("https://s" + sources + ".example/x", "Nota " + sources, "es");
      e.getDedup().setStoryId("story-1");
      e.getDedup().setStorySources(sources);
      send(e);
    }
    List<JsonNode> out = read();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).path("kind").asText()).isEqualTo("story");
    assertThat(out.get(0).path("article").path("dedup").path("sources").asInt()).isEqualTo(3);
  }

  @Test
  void shouldFireAFigureConflictRuleOnceWhenTheStorysFirstConflictOfItsQuantityAppears() {
    subscribe("any-conflict", "{\"figureConflict\":true}");
    subscribe("turnout-conflict", "{\"figureConflict\":true,\"quantity\":\"turnout\"}");
    EnrichedArticle first = article("https://s1.example/x", "Participación del 41,8 %", "es");
    first.getDedup().setStoryId("story-1");
    send(first);
    assertThat(read()).as("one source: no conflict yet").isEmpty();

    EnrichedArticle second = article("https://s2.example/x", "18 gobernaciones", "es");
    second.getDedup().setStoryId("story-1");
    second.setFigureConflicts(List.of(conflict("governorships-won", 18, 20)));
    send(second);
    assertThat(read())
        .extracting(j -> j.path("subscriptionId").asText())
        .containsExactly("any-conflict");

    EnrichedArticle third = article("https://s3.example/x", "Participación del 42,26 %", "es");
    third.getDedup().setStoryId("story-1");
    third.setFigureConflicts(
        List.of(conflict("governorships-won", 18, 20), conflict("turnout", 0.418, 0.4226)));
    send(third);
    EnrichedArticle fourth = article("https://s4.example/x", "Más cifras", "es");
    fourth.getDedup().setStoryId("story-1");
    fourth.setFigureConflicts(third.getFigureConflicts());
    send(fourth);
    List<JsonNode> out = read();
    assertThat(out)
        .as("the turnout rule once, at its first turnout conflict; the other not again")
        .hasSize(1);
    assertThat(out.get(0).path("subscriptionId").asText()).isEqualTo("turnout-conflict");
    assertThat(out.get(0).path("kind").asText()).isEqualTo("story");
    assertThat(out.get(0).path("article").path("id").asText())
        .isEqualTo(third.getArticle().getId());

    EnrichedArticle otherStory = article("https://s5.example/y", "Otra historia", "es");
    otherStory.getDedup().setStoryId("story-2");
    otherStory.setFigureConflicts(List.of(conflict("turnout", 0.3, 0.5)));
    send(otherStory);
    assertThat(read())
        .extracting(j -> j.path("subscriptionId").asText())
        .as("another story fires again")
        .containsExactlyInAnyOrder("any-conflict", "turnout-conflict");
  }

  private static io.vigia.schemas.FigureConflict conflict(String quantity, double a, double b) {
    io.vigia.schemas.FigureClaim.Builder claim =
        io.vigia.schemas.FigureClaim.newBuilder().setArticleId("x").setText("");
    return io.vigia.schemas.FigureConflict.newBuilder()
        .setQuantity(quantity)
        .setSubject("2025 regional elections")
        .setValues(
            List.of(
                io.vigia.schemas.ConflictingValue.newBuilder()
                    .setValue(a)
                    .setClaims(List.of(claim.setSource("Diario Uno").build()))
                    .build(),
                io.vigia.schemas.ConflictingValue.newBuilder()
                    .setValue(b)
                    .setClaims(List.of(claim.setSource("Diario Dos").build()))
                    .build()))
        .build();
  }

  @Test
  void shouldStopAlertingOnceTheSubscriptionIsDeleted() {
    subscribe("a", "{\"q\":\"CNE\"}");
    send(article("https://a.example/1", "El CNE anuncia", "es"));
    subscriptions.pipeInput("a", (String) null);
    send(article("https://a.example/2", "El CNE otra vez", "es"));
    assertThat(read()).hasSize(1);
  }

  @Test
  void shouldSkipUnreadableRecordsAndKeepGoing() {
    subscribe("a", "{\"q\":\"CNE\"}");
    enriched.pipeInput("junk", new byte[] {1, 2, 3});
    send(article("https://a.example/1", "El CNE anuncia", "es"));
    assertThat(read()).hasSize(1);
  }

  @Test
  void shouldAlertOnlyOnWhatEnrichPublishedAfterTheSubscriptionWasCreated() {
    subscriptions.pipeInput(
        "since-noon",
        "{\"id\":\"since-noon\",\"name\":\"since noon\",\"query\":{\"q\":\"CNE\"},"
            + "\"createdAt\":\"2024-07-29T12:00:00Z\"}");
    EnrichedArticle before = article("https://a.example/old", "El CNE anunció", "es");
    before.setEnrichedAt(java.time.Instant.parse("2024-07-29T11:59:59Z"));
    EnrichedArticle after = article("https://a.example/new", "El CNE anuncia", "es");
    after.setEnrichedAt(java.time.Instant.parse("2024-07-29T12:00:01Z"));
    send(before); // the topic's history, read again from the start after a crash: never an alert
    send(after);
    assertThat(read())
        .extracting(j -> j.path("article").path("id").asText())
        .containsExactly(after.getArticle().getId());
  }
}
