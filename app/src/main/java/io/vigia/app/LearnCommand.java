package io.vigia.app;

import io.vigia.common.config.Config;
import io.vigia.enrich.learn.LabelledExample;
import io.vigia.enrich.learn.LabelledExamples;
import io.vigia.enrich.learn.ProfileLearner;
import io.vigia.enrich.stance.StanceModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigia learn}: the next version of the watch profile from labelled examples. Prints the
 * before/after report on the examples and writes the version, or exits non-zero when it would score
 * worse (unless {@code --force}).
 */
@Command(
    name = "learn",
    mixinStandardHelpOptions = true,
    description = {
      "Builds a new version of the watch profile from labelled examples: the stance model retrained with them added "
          + "to its training data, the relevance threshold recalibrated where they say on or off topic, version N+1.",
      "Examples: JSON lines {\"id\",\"url\",\"title\",\"text\",\"language\"?,\"publishedAt\"?,"
          + "\"stance\":{\"TARGET\":\"favor|against|neutral\"}?,\"relevant\":true|false?}.",
      "Prints macro-F1 (stance) and F1 (relevance) on the examples before (current profile) and after "
          + "(cross-validated); refuses, with exit code 3, a version that scores worse, unless --force."
    })
final class LearnCommand implements java.util.concurrent.Callable<Integer> {
  /** Exit code of a refused version: not a usage error, a verdict. */
  static final int WORSE = 3;

  @Mixin ConfigOptions options;

  @Option(
      names = "--examples",
      required = true,
      paramLabel = "FILE",
      description = "Labelled JSON lines.")
  Path examples;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Folder for the new version (default: DATA_DIR/profiles/NAME-vN+1); must be absent or empty.")
  Path out;

  @Option(
      names = "--force",
      description = "Write the new version even when it scores worse on the examples.")
  boolean force;

  @Option(
      names = "--folds",
      defaultValue = "5",
      description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--profile",
      paramLabel = "DIR",
      description = "The profile to learn from (default: the configured profile).")
  String profileRef;

  @Override
  public Integer call() {
    Config config = options.load();
    ProfileLearner learner =
        new ProfileLearner(
            profileRef != null ? profileRef : config.string("profile"), folds, Clock.systemUTC());
    List<LabelledExample> read;
    StanceModel.DataSource source;
    try {
      read = LabelledExamples.read(examples, "maduro-government");
      source =
          new StanceModel.DataSource(
              examples.toString(), LabelledExamples.sha256(examples), read.size(), "examples");
    } catch (NoSuchFileException e) {
      throw new ErrorHandler.UserError(
          "no such file: " + examples + " (--examples names a file of JSON lines)", e);
    } catch (IllegalArgumentException e) {
      throw new ErrorHandler.UserError(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + examples + ": " + e.getMessage(), e);
    }
    if (read.isEmpty()) {
      throw new ErrorHandler.UserError(examples + " holds no examples");
    }
    Path dir =
        out != null
            ? out
            : Path.of(
                config.string("data-dir"),
                "profiles",
                learner.name() + "-v" + (learner.version() + 1));
    ProfileLearner.Outcome outcome;
    try {
      outcome = learner.learn(read, source, dir, force);
    } catch (IllegalArgumentException e) {
      throw new ErrorHandler.UserError(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
    }
    System.out.print(outcome.report().text(folds));
    if (outcome instanceof ProfileLearner.Written w) {
      System.out.println(
          (w.report().worse()
                  ? "learn: scores worse on the examples; written anyway (--force): "
                  : "learn: wrote ")
              + "version "
              + w.report().toVersion()
              + " in "
              + w.dir());
      System.out.println(
          "learn: try it with `vigia enrich --input FILE --profile " + w.dir() + "`");
      return 0;
    }
    System.err.println(
        "vigia: learn: the new version scores worse than version "
            + outcome.report().fromVersion()
            + " on the examples (see WORSE above); nothing written. Check the labels, add examples, "
            + "or write it anyway with --force.");
    return WORSE;
  }
}
