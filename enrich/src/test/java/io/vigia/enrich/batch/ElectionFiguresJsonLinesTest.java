package io.vigia.enrich.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.dedup.DedupSettings;
import io.vigia.schemas.Entity;
import io.vigia.schemas.Figure;
import io.vigia.schemas.Relevance;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code vigia enrich --input} shows the election-wide conflicts as the topology does. */
class ElectionFiguresJsonLinesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String Y2024 = "event:2024-presidential-election";

  /**
   * Each article's figure is the vote share its title names, in the voice after the colon; {@code
   * acrossStories} is the profile's {@code conflicts: {across-stories}}.
   */
  private static ArticleAnalyzer analyzer(boolean acrossStories) {
    return new ArticleAnalyzer(
        (title, body, lang) -> List.<Entity>of(),
        (a, e) -> new Relevance(true, 1.0, List.of()),
        (a, e) -> List.of(),
        (a, e) -> {
          String[] parts = a.getTitle().split(":");
          return List.of(
              Figure.newBuilder()
                  .setQuantity("vote-share")
                  .setSubject("vigia:person/candidato")
                  .setValue(Double.parseDouble(parts[1]))
                  .setAttributedTo(parts[0])
                  .setElection(Y2024)
                  .setText(parts[1])
                  .setStart(0)
                  .setEnd(2)
                  .build());
        },
        acrossStories);
  }

  private static String line(String id, String title, String text, String publishedAt)
      throws Exception {
    return JSON.writeValueAsString(
        JSON.createObjectNode()
            .put("id", id)
            .put("url", "https://" + id + ".example/" + id)
            .put("title", title)
            .put("text", text)
            .put("publishedAt", publishedAt));
  }

  private static List<JsonNode> run(String... lines) throws Exception {
    return run(true, lines);
  }

  private static List<JsonNode> run(boolean acrossStories, String... lines) throws Exception {
    StringWriter out = new StringWriter();
    new JsonLinesEnrichment(analyzer(acrossStories), "test", DedupSettings.defaults())
        .run(new BufferedReader(new StringReader(String.join("\n", lines))), out);
    List<JsonNode> result = new ArrayList<>();
    for (String l : out.toString().split("\n")) {
      result.add(JSON.readTree(l));
    }
    return result;
  }

  @Test
  void shouldShowTheElectionsConflictOnTheLaterArticleOfAnotherStory() throws Exception {
    List<JsonNode> out = twoStoriesDaysApart(true, "Comando de campaña:0.31");

    assertThat(out.get(0).path("dedup").path("story").asText())
        .isNotEqualTo(out.get(1).path("dedup").path("story").asText());
    assertThat(out.get(0).path("figureConflicts")).isEmpty();
    assertThat(out.get(1).path("figureConflicts")).hasSize(1);
    assertThat(out.get(1).path("figureConflicts").get(0).path("election").asText())
        .isEqualTo(Y2024);
  }

  @Test
  void shouldNotFlagOneSourcesRevision() throws Exception {
    List<JsonNode> out = twoStoriesDaysApart(true, "CNE:0.5195");

    assertThat(out.get(1).path("figureConflicts")).isEmpty();
  }

  @Test
  void shouldKeepConflictsWithinTheStoryWhenTheProfileSaysSo() throws Exception {
    List<JsonNode> out = twoStoriesDaysApart(false, "Comando de campaña:0.31");

    assertThat(out.get(0).path("dedup").path("story").asText())
        .isNotEqualTo(out.get(1).path("dedup").path("story").asText());
    assertThat(out.get(1).path("figureConflicts")).isEmpty();
  }

  /** The council's bulletin, then four days later another story whose claim is {@code claim}. */
  private List<JsonNode> twoStoriesDaysApart(boolean acrossStories, String claim) throws Exception {
    return run(
        acrossStories,
        line(
            "lanterna",
            "CNE:0.512",
            "El consejo electoral leyó su boletín en la madrugada ante la prensa.",
            "2024-07-29T06:00:00Z"),
        line(
            "brisa",
            claim,
            "La coalición publicó en su portal las actas escaneadas por sus testigos.",
            "2024-08-02T18:00:00Z"));
  }
}
