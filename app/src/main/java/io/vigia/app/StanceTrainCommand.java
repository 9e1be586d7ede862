package io.vigia.app;

import io.vigia.common.config.Config;
import io.vigia.common.config.ConfigException;
import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.ArticleAnalyzers;
import io.vigia.enrich.learn.ExampleWeighting;
import io.vigia.enrich.learn.LabelledExample;
import io.vigia.enrich.learn.LabelledExamples;
import io.vigia.enrich.learn.StanceLearner;
import io.vigia.enrich.stance.StanceCues;
import io.vigia.enrich.stance.StanceModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigia stance-train}: trains the profile's stance model (one regularised logistic
 * regression per target over its cue families) from labelled JSON lines, and writes it with its
 * training data's provenance and the examples themselves into a profile folder, so {@code vigia
 * learn} can retrain it later with more.
 */
@Command(
    name = "stance-train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains the stance model of the watch profile (per target: a regularised logistic regression over the cue "
          + "families of stance.yaml, attribution, headline and quotation features, with calibrated confidences) "
          + "from labelled examples, and writes stance-model.json and stance-examples.jsonl into a profile folder.",
      "Input: JSON lines {\"id\",\"title\",\"text\",\"stance\":{\"TARGET\":\"favor|against|neutral\"}} "
          + "(also \"stance\":\"LABEL\" or \"label\" toward --target; \"headline\"/\"body\" read too).",
      "Prints, per target, the k-fold cross-validated macro-F1 and a reliability table of the confidences."
    })
final class StanceTrainCommand implements Runnable {
  @Mixin ConfigOptions options;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "Labelled JSON lines (repeat for several files).")
  List<Path> inputs;

  @Option(
      names = "--development",
      paramLabel = "FILE",
      description =
          "Labelled JSON lines that were also used to develop the cues (recorded as such in the provenance).")
  List<Path> development = new ArrayList<>();

  @Option(
      names = "--target",
      defaultValue = "maduro-government",
      description =
          "Target of a bare \"stance\":\"LABEL\" or \"label\" (default: ${DEFAULT-VALUE}).")
  String target;

  @Option(
      names = "--profile",
      paramLabel = "DIR",
      description =
          "Profile whose stance.yaml gives the cue families (default: the configured profile).")
  String profileRef;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Profile folder to write the model into (default: the profile's own folder).")
  Path out;

  @Option(
      names = "--folds",
      defaultValue = "5",
      description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--lexical",
      negatable = true,
      defaultValue = "false",
      description =
          "Offer each model a lexical part: the articles' own words by channel (headline, own voice, "
              + "speech), with a vocabulary of words in at least two examples and a penalty chosen by "
              + "cross-validation, which may leave it off (default: ${DEFAULT-VALUE}).")
  boolean lexical;

  @Option(
      names = "--voices",
      negatable = true,
      defaultValue = "false",
      description =
          "Give each model the voice features: how many quotations and reported-speech sentences "
              + "go to each camp's speakers (voices: of stance.yaml) (default: ${DEFAULT-VALUE}).")
  boolean voices;

  @Override
  public void run() {
    Config config = options.load();
    String ref = profileRef != null ? profileRef : config.string("profile");
    WatchProfile profile = WatchProfile.load(ref);
    Path dir = out != null ? out : Files.isDirectory(Path.of(ref)) ? Path.of(ref) : null;
    if (dir == null) {
      throw new ConfigException(
          "Profile "
              + ref
              + " is bundled in the jar: give --out DIR, a profile folder to write the model into "
              + "(copy profiles/"
              + profile.name()
              + "/ there first).");
    }
    StanceCues cues =
        StanceCues.from(
            profile
                .readTree("stance.yaml")
                .orElseThrow(
                    () ->
                        new ConfigException(
                            "Profile "
                                + profile.name()
                                + " has no stance.yaml: the model needs its cue families.")),
            profile.name() + "/stance.yaml");
    List<LabelledExample> examples = new ArrayList<>();
    List<StanceModel.DataSource> data = new ArrayList<>();
    read(inputs, "training", examples, data);
    read(development, "development", examples, data);
    StanceLearner learner =
        new StanceLearner(cues, folds, lexical, ExampleWeighting.none(), voices);
    StanceModel model =
        learner.train(LabelledExamples.merge(List.of(), examples), data, Instant.now());
    if (model.targets().isEmpty()) {
      throw new ConfigException(
          "No target has enough labels to train (at least "
              + StanceLearner.MIN_EXAMPLES
              + " examples of a target, two of each label) in "
              + inputs
              + ".");
    }
    System.err.print(report(model));
    try {
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve(ArticleAnalyzers.STANCE_MODEL),
          StanceModelReport.JSON.writeValueAsString(model.toJson()) + "\n",
          StandardCharsets.UTF_8);
      LabelledExamples.write(
          dir.resolve(StanceLearner.EXAMPLES_FILE), LabelledExamples.merge(List.of(), examples));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the model into " + dir + ": " + e.getMessage(), e);
    }
    System.err.printf(
        Locale.ROOT,
        "stance-train: wrote %s and %s in %s%n",
        ArticleAnalyzers.STANCE_MODEL,
        StanceLearner.EXAMPLES_FILE,
        dir);
  }

  private void read(
      List<Path> files,
      String role,
      List<LabelledExample> into,
      List<StanceModel.DataSource> data) {
    for (Path f : files) {
      try {
        List<LabelledExample> read = LabelledExamples.read(f, target);
        into.addAll(read);
        data.add(
            new StanceModel.DataSource(
                f.toString(), LabelledExamples.sha256(f), read.size(), role));
      } catch (NoSuchFileException e) {
        throw new ErrorHandler.UserError("no such file: " + f, e);
      } catch (IllegalArgumentException e) {
        throw new ErrorHandler.UserError(e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
      }
    }
  }

  static String report(StanceModel model) {
    return StanceModelReport.of(model);
  }
}
