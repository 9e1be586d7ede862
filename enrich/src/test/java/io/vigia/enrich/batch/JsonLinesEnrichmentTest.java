package io.vigia.enrich.batch;

import static io.vigia.enrich.dedup.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.dedup.DedupSettings;
import io.vigia.enrich.dedup.Fixtures;
import io.vigia.schemas.Entity;
import io.vigia.schemas.Evidence;
import io.vigia.schemas.Relevance;
import io.vigia.schemas.Stance;
import io.vigia.schemas.StanceLabel;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesEnrichmentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EN = text("timetable-en.txt");

  private static final ArticleAnalyzer ANALYZER =
      new ArticleAnalyzer(
          (title, body, lang) ->
              List.of(new Entity("Q1", "Consejo Nacional Electoral", "ORG", 2, 0, true)),
          (a, e) -> new Relevance(!a.getTitle().startsWith("OFF-TOPIC"), 0.8, List.of("CNE 0.8")),
          (a, e) ->
              List.of(
                  new Stance(
                      "maduro-government",
                      StanceLabel.AGAINST,
                      -0.4,
                      null,
                      List.of(new Evidence("rushed", 10, 16, "rushed", -0.4, false)))));

  private static String line(String id, String url, String title, String text, String publishedAt)
      throws Exception {
    ObjectNode o =
        JSON.createObjectNode().put("id", id).put("url", url).put("title", title).put("text", text);
    if (publishedAt != null) {
      o.put("publishedAt", publishedAt);
    }
    return JSON.writeValueAsString(o);
  }

  private static List<JsonNode> run(String... lines) throws Exception {
    StringWriter out = new StringWriter();
    new JsonLinesEnrichment(ANALYZER, "test", DedupSettings.defaults())
        .run(new BufferedReader(new StringReader(String.join("\n", lines))), out);
    List<JsonNode> result = new ArrayList<>();
    for (String l : out.toString().split("\n")) {
      result.add(JSON.readTree(l));
    }
    return result;
  }

  @Test
  void shouldWriteOneVerdictLinePerArticleInOrder() throws Exception {
    List<JsonNode> out =
        run(
            line(
                "a",
                "https://wire.example/en/cne",
                "CNE sets the date",
                EN,
                "2024-03-05T11:00:00-04:00"),
            line(
                "b",
                "https://republisher.example/p/1",
                "Copy",
                Fixtures.syndicated(EN),
                "2024-03-05T16:00:00-04:00"),
            line(
                "c",
                "https://wire.example/en/update-1-cne",
                "UPDATE 1",
                Fixtures.updated(EN),
                "2024-03-05T18:00:00-04:00"));
    assertThat(out).extracting(n -> n.get("id").asText()).containsExactly("a", "b", "c");
    JsonNode a = out.get(0).get("dedup");
    assertThat(a.get("status").asText()).isEqualTo("original");
    assertThat(a.get("duplicateOf").isNull()).isTrue();
    assertThat(a.get("story").asText()).isEqualTo("a");
    assertThat(a.get("sources").asInt()).isEqualTo(1);
    JsonNode b = out.get(1).get("dedup");
    assertThat(b.get("status").asText()).isEqualTo("duplicate");
    assertThat(b.get("duplicateOf").asText()).isEqualTo("a");
    assertThat(b.get("sources").asInt()).isEqualTo(2);
    JsonNode c = out.get(2).get("dedup");
    assertThat(c.get("status").asText()).isEqualTo("duplicate");
    assertThat(c.get("update").asBoolean()).isTrue();
    assertThat(c.get("duplicateOf").asText()).isEqualTo("a");
  }

  @Test
  void shouldMapEntitiesStanceAndRelevanceFromTheAnalysis() throws Exception {
    JsonNode o = run(line("a", "https://wire.example/en/cne", "CNE", EN, null)).get(0);
    assertThat(o.get("entities").get(0).get("id").asText()).isEqualTo("Q1");
    assertThat(o.get("entities").get(0).get("mentions").asInt()).isEqualTo(2);
    assertThat(o.get("entities").get(0).get("linked").asBoolean()).isTrue();
    JsonNode stance = o.get("stance").get(0);
    assertThat(stance.get("target").asText()).isEqualTo("maduro-government");
    assertThat(stance.get("label").asText()).isEqualTo("against");
    assertThat(stance.get("evidence").get(0).get("cue").asText()).isEqualTo("rushed");
    assertThat(o.get("relevance").get("relevant").asBoolean()).isTrue();
    assertThat(o.get("relevance").get("reasons").get(0).asText()).isEqualTo("CNE 0.8");
  }

  @Test
  void shouldLeaveIrrelevantArticlesOutOfTheDedupState() throws Exception {
    List<JsonNode> out =
        run(
            line("x", "https://offtopic.example/x", "OFF-TOPIC", EN, "2024-03-05T11:00:00Z"),
            line("a", "https://wire.example/en/cne", "CNE", EN, "2024-03-05T12:00:00Z"));
    assertThat(out.get(0).get("relevance").get("relevant").asBoolean()).isFalse();
    assertThat(out.get(0).get("dedup").get("status").asText()).isEqualTo("original");
    assertThat(out.get(1).get("dedup").get("status").asText()).isEqualTo("original");
  }

  @Test
  void shouldNameTheLineOfAnArticleWithoutAUrl() {
    assertThatThrownBy(() -> run("{\"id\":\"a\",\"text\":\"t\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("url");
  }
}
