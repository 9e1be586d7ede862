package io.vigia.sink.api;

import static io.vigia.sink.figures.FigureFixtures.CNE_BULLETIN;
import static io.vigia.sink.figures.FigureFixtures.DETAINED_STORY;
import static io.vigia.sink.figures.FigureFixtures.OPPOSITION_TURNOUT;
import static io.vigia.sink.figures.FigureFixtures.TURNOUT_STORY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.http.HttpApi;
import io.vigia.common.http.Json;
import io.vigia.schemas.Correction;
import io.vigia.sink.corrections.CorrectedIndex;
import io.vigia.sink.corrections.CorrectionFixtures;
import io.vigia.sink.corrections.CorrectionOverlay;
import io.vigia.sink.corrections.CorrectionSet;
import io.vigia.sink.figures.FigureFixtures;
import io.vigia.sink.lucene.LuceneArticleIndex;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures endpoints over HTTP (loopback), against a Lucene index with corrections overlaid as
 * the sink runs it: what the sink indexed is all they read.
 */
class FigureApiTest {
  @TempDir Path dir;
  private CorrectedIndex index;
  private CorrectionSet corrections;
  private HttpApi http;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    corrections = new CorrectionSet();
    index = new CorrectedIndex(new LuceneArticleIndex(dir.resolve("index")), corrections);
    index.write(FigureFixtures.ALL);
    http = new HttpApi();
    new SearchApi(index).register(http);
    new FigureApi(index).register(http);
    http.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    http.close();
    index.close();
  }

  private record Answer(int status, JsonNode body) {}

  private Answer get(String pathAndQuery) throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + pathAndQuery))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), Json.MAPPER.readTree(r.body()));
  }

  private static JsonNode group(JsonNode story, String quantity) {
    for (JsonNode g : story.path("figures")) {
      if (g.path("quantity").asText().equals(quantity)) {
        return g;
      }
    }
    return null;
  }

  private static List<Double> values(JsonNode group) {
    List<Double> out = new ArrayList<>();
    group.path("values").forEach(v -> out.add(v.path("value").asDouble()));
    return out;
  }

  @Test
  void shouldAnswerAStoryWithItsArticlesFiguresSourcesAndConflicts() throws Exception {
    Answer a = get("/api/stories/" + TURNOUT_STORY);

    assertThat(a.status()).isEqualTo(200);
    JsonNode body = a.body();
    assertThat(body.path("story").path("story").asText()).isEqualTo(TURNOUT_STORY);
    assertThat(body.path("story").path("articles").asLong()).isEqualTo(3);
    assertThat(body.path("story").path("sources").asLong()).isEqualTo(3);
    assertThat(body.path("articles")).hasSize(3);
    assertThat(body.path("articles").get(0).path("dedup").path("story").asText())
        .isEqualTo(TURNOUT_STORY);
    JsonNode turnout = group(body, "turnout");
    assertThat(turnout.path("subject").asText()).isEqualTo(FigureFixtures.ELECTION);
    assertThat(turnout.path("election").asText()).isEqualTo(FigureFixtures.ELECTION);
    assertThat(turnout.path("conflicting").asBoolean()).isTrue();
    assertThat(values(turnout)).containsExactly(0.30, 0.4226);
    JsonNode official = turnout.path("values").get(1);
    assertThat(official.path("conflicting").asBoolean()).isTrue();
    assertThat(official.path("sources")).hasSize(2);
    assertThat(official.path("sources").get(0).path("article").asText())
        .isEqualTo(CNE_BULLETIN.id());
    assertThat(official.path("sources").get(0).path("source").asText()).isEqualTo("Caribe Diario");
    assertThat(official.path("sources").get(0).path("attributedTo").asText())
        .isEqualTo("vigia:org/cne");
    assertThat(group(body, "governorships-won").path("conflicting").asBoolean()).isFalse();
    assertThat(group(body, "states-won-by-votes").path("conflicting").asBoolean()).isFalse();
    assertThat(body.path("figureConflicts")).hasSize(1);
    assertThat(body.path("figureConflicts").get(0).path("election").asText())
        .isEqualTo(FigureFixtures.ELECTION);
  }

  @Test
  void shouldAnswerAnUnknownStoryWith404AndAJsonErrorThatSaysWhereStoriesAre() throws Exception {
    Answer a = get("/api/stories/no-such-story");
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.body().path("error").asText())
        .contains("no story no-such-story")
        .contains("/api/stories");
  }

  @Test
  void shouldListFiguresAcrossStoriesByEveryFilter() throws Exception {
    JsonNode all = get("/api/figures").body();
    assertThat(all.path("figures")).hasSize(5);
    assertThat(all.path("figures").get(0).path("storyId").asText())
        .as("the story most recently stating a figure first")
        .isEqualTo(DETAINED_STORY);

    JsonNode conflicting = get("/api/figures?conflicting=true").body().path("figures");
    assertThat(conflicting).hasSize(2);
    conflicting.forEach(
        f -> {
          assertThat(f.path("quantity").asText()).isEqualTo("turnout");
          assertThat(f.path("storyId").asText()).isEqualTo(TURNOUT_STORY);
          assertThat(f.path("conflicting").asBoolean()).isTrue();
        });
    assertThat(get("/api/figures?conflicting=false").body().path("figures")).hasSize(3);

    JsonNode detained = get("/api/figures?quantity=detained").body().path("figures");
    assertThat(detained).hasSize(1);
    assertThat(detained.get(0).path("value").asDouble()).isEqualTo(1200);
    assertThat(detained.get(0).path("max").asDouble()).isEqualTo(1500);
    assertThat(detained.get(0).path("approximate").asBoolean()).isTrue();
    assertThat(detained.get(0).path("sources").get(0).path("attributedTo").asText())
        .isEqualTo("Foro Penal");
    assertThat(detained.get(0).has("election")).as("listed, as null").isTrue();
    assertThat(detained.get(0).path("election").isNull()).isTrue();

    String election = URLEncoder.encode(FigureFixtures.ELECTION, StandardCharsets.UTF_8);
    JsonNode ofElection = get("/api/figures?election=" + election).body().path("figures");
    assertThat(ofElection).as("every figure but the detainees").hasSize(4);
    ofElection.forEach(
        f -> assertThat(f.path("election").asText()).isEqualTo(FigureFixtures.ELECTION));
    assertThat(get("/api/figures?quantity=detained&election=" + election).body().path("figures"))
        .isEmpty();
    assertThat(get("/api/figures?election=event%3A2021-regional-elections").body().path("figures"))
        .isEmpty();

    index.write(List.of(FigureFixtures.MADURO_SHARE));
    assertThat(get("/api/figures?subject=Q57413").body().path("figures"))
        .as("an opaque id finds the subject that names it after a slash")
        .singleElement()
        .satisfies(f -> assertThat(f.path("subject").asText()).isEqualTo(FigureFixtures.MADURO));
    assertThat(get("/api/figures?subject=Q5741").body().path("figures")).isEmpty();

    String psuv = URLEncoder.encode(FigureFixtures.PSUV, StandardCharsets.UTF_8);
    assertThat(get("/api/figures?subject=" + psuv).body().path("figures")).hasSize(2);
    assertThat(
            get("/api/figures?quantity=governorships-won&subject=" + psuv).body().path("figures"))
        .singleElement()
        .satisfies(f -> assertThat(f.path("total").asDouble()).isEqualTo(23));

    JsonNode late = get("/api/figures?since=2024-07-29T13:00:00Z").body().path("figures");
    assertThat(late)
        .as("only statements since then: the opposition's turnout and the detainees")
        .hasSize(2);
    assertThat(get("/api/figures?size=1").body().path("figures")).hasSize(1);
  }

  @Test
  void shouldRefuseABadParameterWith400AndAFix() throws Exception {
    Answer bad = get("/api/figures?conflicting=maybe");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("error").asText()).contains("'conflicting' must be true");
    Answer unknown = get("/api/figures?quantities=turnout");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().path("error").asText()).contains("unknown parameter 'quantities'");
  }

  @Test
  void shouldTakeADetachedArticlesFiguresOutOfItsStorysTable() throws Exception {
    Correction detach =
        CorrectionFixtures.correction(OPPOSITION_TURNOUT.id(), "{\"story\": {\"detach\": true}}");
    corrections.put(OPPOSITION_TURNOUT.id(), detach.getField(), detach);
    index.reapply(Set.of(OPPOSITION_TURNOUT.id()));

    JsonNode story = get("/api/stories/" + TURNOUT_STORY).body();
    JsonNode turnout = group(story, "turnout");
    assertThat(values(turnout)).containsExactly(0.4226);
    assertThat(turnout.path("conflicting").asBoolean()).isFalse();
    assertThat(story.path("figureConflicts")).isEmpty();
    assertThat(get("/api/figures?conflicting=true").body().path("figures")).isEmpty();

    String detached = CorrectionOverlay.DETACHED_STORY + OPPOSITION_TURNOUT.id();
    JsonNode own =
        get("/api/stories/" + URLEncoder.encode(detached, StandardCharsets.UTF_8)).body();
    assertThat(values(group(own, "turnout"))).containsExactly(0.30);
    assertThat(group(own, "turnout").path("conflicting").asBoolean()).isFalse();
  }
}
