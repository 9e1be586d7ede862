package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigia.enrich.learn.LabelledExamples;
import io.vigia.enrich.stance.StanceModel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigia stance-train --input FILE --out DIR}: trains and writes a model with provenance. */
class StanceTrainCommandTest {
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  private final ByteArrayOutputStream err = console.err;

  /** The model {@code vigia stance-train} wrote into {@code out}. */
  private static StanceModel written(Path out) throws Exception {
    JsonNode json = new ObjectMapper().readTree(out.resolve("stance-model.json").toFile());
    return StanceModel.from(json, "written");
  }

  @Test
  void shouldWriteAModelWithItsProvenanceAndReportItsCrossValidatedFigure(@TempDir Path tmp)
      throws Exception {
    Path input = tmp.resolve("labelled.jsonl");
    Files.write(input, LabelledLines.lines(0, 6));
    Path dev = tmp.resolve("dev.jsonl");
    Files.write(dev, LabelledLines.lines(100, 2));
    Path out = tmp.resolve("profile");

    int code =
        Vigia.execute(
            "stance-train",
            "--input",
            input.toString(),
            "--development",
            dev.toString(),
            "--out",
            out.toString(),
            "--folds",
            "3");

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("maduro-government: 24 examples")
        .contains("3-fold cross-validated macro-F1")
        .contains("reliability");
    StanceModel model = written(out);
    assertThat(model.data())
        .containsExactly(
            new StanceModel.DataSource(
                input.toString(), LabelledExamples.sha256(input), 18, "training"),
            new StanceModel.DataSource(
                dev.toString(), LabelledExamples.sha256(dev), 6, "development"));
    assertThat(model.targets()).containsOnlyKeys("maduro-government");
    assertThat(model.hyperParameters()).containsKeys("l2Grid", "folds", "seed");
    assertThat(Files.readAllLines(out.resolve("stance-examples.jsonl"))).hasSize(24);
    assertThat(model.targets().get("maduro-government").features())
        .as("voice features only with --voices")
        .noneMatch(f -> f.startsWith("voice:"));
  }

  @Test
  void shouldGiveTheModelTheVoiceFeaturesWhenAskedFor(@TempDir Path tmp) throws Exception {
    Path input = tmp.resolve("labelled.jsonl");
    Files.write(input, LabelledLines.lines(0, 6));
    Path out = tmp.resolve("profile");

    int code =
        Vigia.execute(
            "stance-train",
            "--input",
            input.toString(),
            "--out",
            out.toString(),
            "--folds",
            "3",
            "--voices");

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    StanceModel model = written(out);
    assertThat(model.targets().get("maduro-government").features())
        .contains("voice:favor", "voice:against", "voice:other", "voice:both");
    assertThat(model.hyperParameters()).containsEntry("voices", true);
  }

  @Test
  void shouldRefuseAnUnknownLabelNamingTheLine(@TempDir Path tmp) throws Exception {
    Path input = tmp.resolve("bad.jsonl");
    Files.write(
        input, List.of("{\"id\":\"a\",\"title\":\"t\",\"text\":\"x\",\"label\":\"maybe\"}"));
    int code = Vigia.execute("stance-train", "--input", input.toString(), "--out", tmp.toString());
    assertThat(code).isNotZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 1").contains("maybe");
  }

  @Test
  void shouldRefuseToWriteIntoTheBundledProfile(@TempDir Path tmp) throws Exception {
    Path input = tmp.resolve("labelled.jsonl");
    Files.write(input, LabelledLines.lines(0, 6));
    int code = Vigia.execute("stance-train", "--input", input.toString());
    assertThat(code).isNotZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out");
  }
}
