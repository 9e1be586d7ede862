package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigia learn} and {@code vigia enrich --input F --profile DIR}: the command-line contract.
 */
class LearnCommandTest {
  @org.junit.jupiter.api.extension.RegisterExtension
  final ConsoleCapture console = new ConsoleCapture();

  private final ByteArrayOutputStream out = console.out;
  private final ByteArrayOutputStream err = console.err;

  @Test
  void shouldWriteTheNextVersionAndEnrichWithIt(@TempDir Path tmp) throws Exception {
    Path examples = tmp.resolve("examples.jsonl");
    Files.write(examples, LabelledLines.lines(0, 5));
    Path v1 = tmp.resolve("v1");

    int code =
        Vigia.execute(
            "learn",
            "--examples",
            examples.toString(),
            "--out",
            v1.toString(),
            "--folds",
            "3",
            "--force",
            "--data",
            tmp.resolve("data").toString());

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(printed).contains("version 1 -> 2").contains("macro-F1 before").contains("3-fold");
    assertThat(printed)
        .as("no broker configured or recorded: the examples alone, and it says so")
        .contains("corrections: none read");
    assertThat(Files.readString(v1.resolve("profile.yaml"))).contains("\nversion: 2\n");
    assertThat(v1.resolve("stance-model.json")).exists();
    // Outlets are learned by default: the examples' outlet is kept, its strength reported.
    assertThat(printed).contains("outlets' lean x");
    assertThat(Files.readString(v1.resolve("stance-outlets.json"))).contains("\"ex.example\"");

    out.reset();
    Path article = tmp.resolve("article.jsonl");
    Files.writeString(
        article,
        "{\"id\":\"a\",\"url\":\"https://wire.example/a\",\"title\":\"El régimen de Maduro y el fraude\","
            + "\"text\":\"El Consejo Nacional Electoral de Venezuela proclamó a Nicolás Maduro sin publicar las actas "
            + "de la elección presidencial. La oposición denuncia fraude y represión en Caracas.\",\"language\":\"es\"}\n");
    code = Vigia.execute("enrich", "--input", article.toString(), "--profile", v1.toString());
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    JsonNode first =
        new ObjectMapper()
            .readTree(out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
    assertThat(first.get("relevance").get("relevant").asBoolean()).isTrue();
    JsonNode stance = first.get("stance").get(0);
    assertThat(stance.get("target").asText()).isEqualTo("maduro-government");
    assertThat(stance.get("confidence").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void shouldRefuseAnOccupiedFolderAndAMissingFile(@TempDir Path tmp) throws Exception {
    Path examples = tmp.resolve("examples.jsonl");
    Files.write(examples, LabelledLines.lines(0, 2));
    Files.createDirectories(tmp.resolve("busy"));
    Files.writeString(tmp.resolve("busy/file"), "x");
    int code =
        Vigia.execute(
            "learn",
            "--examples",
            examples.toString(),
            "--out",
            tmp.resolve("busy").toString(),
            "--force");
    assertThat(code).isEqualTo(ErrorHandler.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("not empty");
    code = Vigia.execute("learn", "--examples", tmp.resolve("nope.jsonl").toString());
    assertThat(code).isEqualTo(ErrorHandler.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
    code =
        Vigia.execute(
            "enrich", "--input", examples.toString(), "--profile", tmp.resolve("none").toString());
    assertThat(code).isNotZero();
  }

  @Test
  void shouldSayThereIsNothingToLearnFromWithoutExamplesOrABroker(@TempDir Path tmp) {
    int code = Vigia.execute("learn", "--data", tmp.toString());
    assertThat(code).isEqualTo(ErrorHandler.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("nothing to learn from: no --examples, and no Kafka to read the corrections from")
        .contains("--bootstrap-servers");

    err.reset();
    code = Vigia.execute("learn", "--no-corrections", "--data", tmp.toString());
    assertThat(code).isEqualTo(ErrorHandler.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--no-corrections and no --examples");
  }

  @Test
  void shouldRefuseAnExampleWeightOrClassBalanceItCannotUse(@TempDir Path tmp) {
    for (String[] bad :
        new String[][] {
          {"--example-weight", "0"},
          {"--example-weight", "heavy"},
          {"--class-balance", "maybe"}
        }) {
      err.reset();
      int code =
          Vigia.execute(
              "learn",
              "--no-corrections",
              "--data",
              tmp.toString(),
              "--examples",
              "x",
              bad[0],
              bad[1]);
      assertThat(code).isEqualTo(ErrorHandler.USAGE);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains(bad[0] + " " + bad[1]);
    }
  }
}
