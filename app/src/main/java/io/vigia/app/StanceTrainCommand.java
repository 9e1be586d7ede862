package io.vigia.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigia.common.config.Config;
import io.vigia.common.config.ConfigException;
import io.vigia.common.http.Json;
import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.stance.CueStanceScorer;
import io.vigia.enrich.stance.StanceCalibration;
import io.vigia.enrich.stance.StanceCues;
import io.vigia.schemas.StanceLabel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigia stance-train}: calibrates how a stance target's cues count (the weights of quoted,
 * reported, hedged, scare-quoted and headline cues) and its thresholds from labelled JSON lines,
 * and writes the profile's stance file with them, so users adapt stance to their own sources or to
 * a new target without touching code.
 */
@Command(
    name = "stance-train",
    mixinStandardHelpOptions = true,
    description = {
      "Calibrates how the stance cues of one target of the watch profile count (weights of quoted, reported, hedged, "
          + "scare-quoted and headline cues) and its thresholds from labelled examples, and writes the updated stance.yaml "
          + "(to --out, or stdout).",
      "Input: JSON lines {\"title\",\"text\",\"label\":\"favor|against|neutral\"} (\"headline\"/\"body\"/\"stance\" are read too).",
      "Prints the macro-F1 before, after (on the examples) and cross-validated (on held-out folds)."
    })
final class StanceTrainCommand implements Runnable {
  @Mixin ConfigOptions options;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "Labelled JSON lines.")
  Path input;

  @Option(
      names = "--target",
      defaultValue = "maduro-government",
      description = "Stance target to calibrate (default: ${DEFAULT-VALUE}).")
  String target;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to write the calibrated stance.yaml (default: stdout).")
  Path out;

  @Option(
      names = "--folds",
      defaultValue = "5",
      description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--thresholds-only",
      description = "Keep the profile's weights; calibrate the thresholds only.")
  boolean thresholdsOnly;

  @Override
  public void run() {
    Config config = options.load();
    WatchProfile profile = WatchProfile.load(config.string("profile"));
    JsonNode stanceFile =
        profile
            .readTree("stance.yaml")
            .orElseThrow(
                () ->
                    new ConfigException(
                        "Profile " + profile.name() + " has no stance.yaml to calibrate."));
    CueStanceScorer scorer =
        new CueStanceScorer(StanceCues.from(stanceFile, profile.name() + "/stance.yaml"));
    List<StanceCalibration.Example> examples = read(input);
    if (examples.size() < 6) {
      throw new ConfigException(
          "Only "
              + examples.size()
              + " labelled examples in "
              + input
              + ": give at least a few of each label.");
    }
    StanceCalibration.Result r =
        StanceCalibration.calibrate(scorer, target, examples, folds, thresholdsOnly);
    StanceCues fitted = r.cues();
    System.err.printf(
        Locale.ROOT,
        "stance-train %s: %d examples; macro-F1 before %.3f, fitted %.3f, %d-fold cross-validated %.3f; "
            + "thresholds favor %.2f against %.2f; weights attributed %.2f reported %.2f hedged %.2f scare %.2f headline %.2f%n",
        target,
        r.examples(),
        r.before(),
        r.fittedMacroF1(),
        folds,
        r.crossValidatedMacroF1(),
        r.favorThreshold(),
        r.againstThreshold(),
        fitted.attributed(),
        fitted.reported(),
        fitted.hedged(),
        fitted.scare(),
        fitted.headline());
    ObjectNode updated = stanceFile.deepCopy();
    updated.put("attributed", fitted.attributed());
    updated.put("reported", fitted.reported());
    updated.put("scare", fitted.scare());
    updated.put("hedged", fitted.hedged());
    updated.put("headline", fitted.headline());
    ObjectNode thresholds =
        ((ObjectNode) updated.path("targets").path(target)).putObject("thresholds");
    thresholds.put("favor", Math.round(r.favorThreshold() * 100) / 100.0);
    thresholds.put("against", Math.round(r.againstThreshold() * 100) / 100.0);
    try {
      String yaml =
          "# Calibrated by `vigia stance-train` on "
              + examples.size()
              + " examples of "
              + input.getFileName()
              + String.format(
                  Locale.ROOT, " (cross-validated macro-F1 %.3f).%n", r.crossValidatedMacroF1())
              + new ObjectMapper(new YAMLFactory()).writeValueAsString(updated);
      if (out == null) {
        System.out.print(yaml);
      } else {
        Files.writeString(out, yaml, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<StanceCalibration.Example> read(Path file) {
    List<StanceCalibration.Example> out = new ArrayList<>();
    try {
      int n = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode o = Json.MAPPER.readTree(line);
        String label = o.path("label").asText(o.path("stance").asText("")).toUpperCase(Locale.ROOT);
        StanceLabel l;
        try {
          l = StanceLabel.valueOf(label);
        } catch (IllegalArgumentException e) {
          throw new ConfigException(
              file
                  + " line "
                  + n
                  + ": label must be favor, against or neutral, was '"
                  + label.toLowerCase(Locale.ROOT)
                  + "'");
        }
        out.add(
            new StanceCalibration.Example(
                o.path("title").asText(o.path("headline").asText("")),
                o.path("text").asText(o.path("body").asText("")),
                l));
      }
    } catch (IOException e) {
      throw new ConfigException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    return out;
  }
}
