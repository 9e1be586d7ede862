package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigia.enrich.stance.StanceCues;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigia stance-train --input FILE --out FILE}: calibrates and writes a usable stance.yaml.
 */
class StanceTrainCommandTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(oldErr);
  }

  @Test
  void shouldWriteACalibratedStanceFileAndReportItsCrossValidatedFigure(@TempDir Path tmp)
      throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      lines.add(
          "{\"title\":\"Vote "
              + i
              + "\",\"text\":\"The regime held a sham vote and jailed critics.\",\"label\":\"against\"}");
      lines.add(
          "{\"headline\":\"Voto "
              + i
              + "\",\"body\":\"Una victoria histórica del pueblo contra la injerencia.\",\"stance\":\"favor\"}");
      lines.add(
          "{\"title\":\"Date "
              + i
              + "\",\"text\":\"The council set the vote for July "
              + i
              + ".\",\"label\":\"neutral\"}");
    }
    Path input = tmp.resolve("labelled.jsonl");
    Files.write(input, lines);
    Path out = tmp.resolve("stance.yaml");

    int code =
        Vigia.execute(
            "stance-train", "--input", input.toString(), "--out", out.toString(), "--folds", "3");

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("12 examples")
        .contains("3-fold cross-validated 1.000");
    JsonNode written = new ObjectMapper(new YAMLFactory()).readTree(out.toFile());
    StanceCues cues = StanceCues.from(written, "written");
    assertThat(cues.targets())
        .extracting(StanceCues.Target::name)
        .contains("maduro-government", "opposition", "us-government");
    assertThat(
            written
                .path("targets")
                .path("maduro-government")
                .path("thresholds")
                .path("favor")
                .isNumber())
        .isTrue();
    assertThat(cues.attribution()).isNotEmpty();
  }

  @Test
  void shouldRefuseAnUnknownLabelNamingTheLine(@TempDir Path tmp) throws Exception {
    Path input = tmp.resolve("bad.jsonl");
    Files.write(input, List.of("{\"title\":\"t\",\"text\":\"x\",\"label\":\"maybe\"}"));
    int code = Vigia.execute("stance-train", "--input", input.toString());
    assertThat(code).isNotZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 1").contains("maybe");
  }
}
