package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigia enrich --input FILE}: the command-line contract. */
class EnrichCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @org.junit.jupiter.api.extension.RegisterExtension
  final ConsoleCapture console = new ConsoleCapture();

  private final ByteArrayOutputStream out = console.out;
  private final ByteArrayOutputStream err = console.err;

  @Test
  void shouldPrintOneVerdictPerInputLineWithRepeatsMarkedDuplicate(@TempDir Path tmp)
      throws Exception {
    String body =
        "El Consejo Nacional Electoral fijó el 28 de julio como fecha de la elección presidencial. "
            + "Los candidatos podrán inscribirse entre el 21 y el 25 de marzo, según el cronograma leído en Caracas.";
    Path input = tmp.resolve("in.jsonl");
    Files.write(
        input,
        List.of(
            "{\"id\":\"a\",\"url\":\"https://wire.example/cne?utm_source=x\",\"title\":\"CNE\",\"text\":\""
                + body
                + "\",\"language\":\"es\",\"publishedAt\":\"2024-03-05T11:00:00-04:00\"}",
            "{\"id\":\"b\",\"url\":\"https://wire.example/cne\",\"title\":\"CNE (feed 2)\",\"text\":\""
                + body
                + "\"}",
            "{\"id\":\"c\",\"url\":\"https://mirror.example/x\",\"title\":\"Copia\",\"text\":\""
                + body.toUpperCase()
                + "\"}"));
    int code = Vigia.execute("enrich", "--input", input.toString());
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    List<JsonNode> lines =
        out.toString(StandardCharsets.UTF_8)
            .lines()
            .map(
                l -> {
                  try {
                    return JSON.readTree(l);
                  } catch (Exception e) {
                    throw new AssertionError("not JSON: " + l, e);
                  }
                })
            .toList();
    assertThat(lines).extracting(n -> n.get("id").asText()).containsExactly("a", "b", "c");
    assertThat(lines.get(0).get("dedup").get("status").asText()).isEqualTo("original");
    assertThat(lines.get(1).get("dedup").get("duplicateOf").asText()).isEqualTo("a");
    assertThat(lines.get(2).get("dedup").get("duplicateOf").asText()).isEqualTo("a");
    assertThat(lines.get(2).get("dedup").get("story").asText()).isEqualTo("a");
    assertThat(lines.get(2).get("dedup").get("sources").asInt()).isEqualTo(2);
    assertThat(lines.get(0).has("entities")).isTrue();
    assertThat(lines.get(0).has("stance")).isTrue();
    // the bundled profile is version 1; every verdict says which profile and enrichment judged it
    assertThat(lines).allSatisfy(l -> assertThat(l.get("profileVersion").asInt()).isEqualTo(1));
    assertThat(lines)
        .allSatisfy(
            l ->
                assertThat(l.get("enrichmentVersion").asInt())
                    .isEqualTo(io.vigia.enrich.analysis.ArticleAnalyzer.ENRICHMENT_VERSION));
  }

  @Test
  void shouldExitWithUsageErrorForAMissingFile(@TempDir Path tmp) {
    int code = Vigia.execute("enrich", "--input", tmp.resolve("nope.jsonl").toString());
    assertThat(code).isEqualTo(ErrorHandler.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
  }
}
