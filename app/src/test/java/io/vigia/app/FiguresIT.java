package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.config.Config;
import io.vigia.schemas.ConflictingValue;
import io.vigia.schemas.Dedup;
import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Figure;
import io.vigia.schemas.FigureClaim;
import io.vigia.schemas.FigureConflict;
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
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures through the running pipeline ({@code vigia run}: embedded broker, sink, Lucene, the demo
 * site alongside): enriched records with figures and their story's conflict, as enrich writes them
 * to {@code vigia.articles.enriched}, are answered by {@code /api/stories/{id}} and {@code
 * /api/figures} without a key (reads are open when writes need one), and an analyst's detach takes
 * the article's figures out of its story's table and the conflict with them.
 */
class FiguresIT {
  private static final String KEY = "k-desk-0123456789";
  private static final String STORY = "it-story-turnout";
  private static final String ELECTION = "event:2030-it-election";

  @TempDir Path data;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldServeAStorysFiguresFromTheIndexAndDropADetachedArticlesOnes() throws Exception {
    Config config =
        Config.builder()
            .yaml("http:\n  port: 0\n  api-key: " + KEY + "\n")
            .set("data-dir", data.toString())
            .build();
    String official = SampleArticles.id("https://official.example/t");
    String opposition = SampleArticles.id("https://opposition.example/t");
    try (PipelineHandle p = PipelineHandle.start(config, true)) {
      try (KafkaProducer<String, EnrichedArticle> producer = producer(p.bootstrapServers())) {
        producer
            .send(
                record(article("https://official.example/t", "Caribe Diario", 0.4226, null, "10")))
            .get();
        producer
            .send(
                record(
                    article(
                        "https://opposition.example/t",
                        "Orinoco Times",
                        0.30,
                        conflict(official, opposition),
                        "14")))
            .get();
      }
      JsonNode story =
          p.await(
              "/api/stories/" + STORY,
              s -> s.path("articles").size() == 2,
              Duration.ofSeconds(120));
      JsonNode turnout = story.path("figures").get(0);
      assertThat(turnout.path("quantity").asText()).isEqualTo("turnout");
      assertThat(turnout.path("election").asText()).isEqualTo(ELECTION);
      assertThat(turnout.path("conflicting").asBoolean()).isTrue();
      assertThat(turnout.path("values")).hasSize(2);
      assertThat(turnout.path("values").get(0).path("sources").get(0).path("source").asText())
          .isEqualTo("Orinoco Times");
      assertThat(story.path("figureConflicts")).hasSize(1);

      String subject = URLEncoder.encode(ELECTION, StandardCharsets.UTF_8);
      JsonNode listed = p.get("/api/figures?conflicting=true&subject=" + subject);
      assertThat(listed.path("figures")).hasSize(2);
      assertThat(listed.path("figures").get(0).path("storyId").asText()).isEqualTo(STORY);
      assertThat(
              p.get("/api/figures?conflicting=true&election=" + subject)
                  .path("figures")
                  .findValuesAsText("election"))
          .containsExactly(ELECTION, ELECTION);
      assertThat(p.get("/api/figures?election=event%3A2029-other-election").path("figures"))
          .isEmpty();
      assertThat(p.get("/api/stories/it-no-such-story").path("error").asText())
          .contains("no story it-no-such-story");

      HttpResponse<String> detached =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(p.httpUrl() + "/api/articles/" + opposition + "/corrections"))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + KEY)
                  .POST(HttpRequest.BodyPublishers.ofString("{\"story\": {\"detach\": true}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(detached.statusCode()).as(detached.body()).isEqualTo(201);
      JsonNode after =
          p.await(
              "/api/stories/" + STORY, s -> s.path("articles").size() == 1, Duration.ofSeconds(60));
      assertThat(after.path("figures").get(0).path("values")).hasSize(1);
      assertThat(after.path("figures").get(0).path("conflicting").asBoolean()).isFalse();
      assertThat(after.path("figureConflicts")).isEmpty();
      assertThat(p.get("/api/figures?conflicting=true&subject=" + subject).path("figures"))
          .isEmpty();
    }
  }

  private static EnrichedArticle article(
      String url, String source, double turnout, FigureConflict conflict, String hour) {
    EnrichedArticle e =
        SampleArticles.enriched(
            SampleArticles.raw(url, source + " participación", "La participación fue alta.")
                .setSource(source)
                .setPublishedAt(Instant.parse("2030-01-01T" + hour + ":00:00Z"))
                .build());
    e.setDedup(
        Dedup.newBuilder()
            .setStatus(DedupStatus.ORIGINAL)
            .setStoryId(STORY)
            .setStorySources(2)
            .build());
    e.setFigures(
        List.of(
            Figure.newBuilder()
                .setQuantity("turnout")
                .setSubject(ELECTION)
                .setSubjectName("2030 election")
                .setElection(ELECTION)
                .setValue(turnout)
                .setPrecision(0.00005)
                .setText("participación")
                .setStart(3)
                .setEnd(16)
                .build()));
    e.setFigureConflicts(conflict == null ? List.of() : List.of(conflict));
    return e;
  }

  private static FigureConflict conflict(String official, String opposition) {
    return FigureConflict.newBuilder()
        .setQuantity("turnout")
        .setSubject(ELECTION)
        .setElection(ELECTION)
        .setValues(
            List.of(
                ConflictingValue.newBuilder()
                    .setValue(0.4226)
                    .setClaims(List.of(claim(official, "Caribe Diario")))
                    .build(),
                ConflictingValue.newBuilder()
                    .setValue(0.30)
                    .setClaims(List.of(claim(opposition, "Orinoco Times")))
                    .build()))
        .build();
  }

  private static FigureClaim claim(String article, String source) {
    return FigureClaim.newBuilder().setArticleId(article).setSource(source).build();
  }

  private static ProducerRecord<String, EnrichedArticle> record(EnrichedArticle e) {
    return new ProducerRecord<>(Topics.ENRICHED.name(), e.getArticle().getId(), e);
  }

  private static KafkaProducer<String, EnrichedArticle> producer(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return new KafkaProducer<>(
        props, Topics.ENRICHED.keySerde().serializer(), Topics.ENRICHED.valueSerde().serializer());
  }
}
