package io.vigia.app;

import io.vigia.broker.EmbeddedKafka;
import io.vigia.common.config.Config;
import io.vigia.common.config.KafkaSettings;
import io.vigia.enrich.learn.CorrectionLessons;
import io.vigia.enrich.learn.ExampleWeighting;
import io.vigia.enrich.learn.LabelledExample;
import io.vigia.enrich.learn.LabelledExamples;
import io.vigia.enrich.learn.ProfileLearner;
import io.vigia.enrich.learn.StoredCorrections;
import io.vigia.enrich.stance.StanceModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigia learn}: the next version of the watch profile from the analysts' corrections (read
 * from {@code vigia.corrections}, with their articles' text from {@code vigia.articles.raw}) and/or
 * a file of labelled examples. Prints the before/after report on what it learned from (the
 * corrections also on their own) and writes the version, or exits non-zero when it would score
 * worse (unless {@code --force}).
 */
@Command(
    name = "learn",
    mixinStandardHelpOptions = true,
    description = {
      "Builds a new version of the watch profile from the analysts' corrections and/or labelled examples: the "
          + "stance model retrained with them added to its training data, the relevance threshold recalibrated where "
          + "they say on or off topic, aliases added where an analyst linked a mention to an entity, version N+1.",
      "Corrections are read from vigia.corrections: on one machine from the broker `vigia run` keeps in the data folder, on a cluster with "
          + "--bootstrap-servers; --no-corrections learns from --examples alone.",
      "Examples: JSON lines {\"id\",\"url\",\"title\",\"text\",\"language\"?,\"publishedAt\"?,"
          + "\"stance\":{\"TARGET\":\"favor|against|neutral\"}?,\"relevant\":true|false?}.",
      "Prints macro-F1 (stance) and F1 (relevance) before (current profile) and after "
          + "(cross-validated), on everything learned from and on the corrections alone; refuses, with exit code 3, "
          + "a version that scores worse, unless --force."
    })
final class LearnCommand implements java.util.concurrent.Callable<Integer> {
  /** Exit code of a refused version: not a usage error, a verdict. */
  static final int WORSE = 3;

  /** How long to wait for a broker to answer before saying none does. */
  private static final Duration CONNECT = Duration.ofSeconds(15);

  @Mixin ConfigOptions options;

  @Option(
      names = "--examples",
      paramLabel = "FILE",
      description = "Labelled JSON lines, learned from with the corrections.")
  Path examples;

  @Option(
      names = "--no-corrections",
      description =
          "Do not read the analysts' corrections from Kafka: learn from --examples alone.")
  boolean noCorrections;

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

  @Option(
      names = "--lexical",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Offer the retrained stance model a lexical part (the examples' own words; cross-validation "
              + "inside the examples takes it or leaves it off); --no-lexical: the cue families alone "
              + "(default: ${DEFAULT-VALUE}; see docs/stance.md for how little it gains).")
  boolean lexical;

  @Option(
      names = "--outlets",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Learn where the examples' outlets lean (an outlet's articles tend to lean alike), at a "
              + "strength cross-validation inside the examples chooses (0 when it does not help); "
              + "kept in stance-outlets.json; --no-outlets: the text alone (default: ${DEFAULT-VALUE}; "
              + "see docs/stance.md).")
  boolean outlets;

  @Option(
      names = "--example-weight",
      paramLabel = "auto|N",
      defaultValue = "1",
      description =
          "How many times each example counts against the profile's own training data: a number, or "
              + "auto (chosen by cross-validation inside the examples among 1, 2, 4, 8 and the weight "
              + "that makes the examples weigh as much as the profile's data) (default: ${DEFAULT-VALUE}; "
              + "see docs/stance.md).")
  String exampleWeight;

  @Option(
      names = "--class-balance",
      paramLabel = "auto|on|off",
      defaultValue = "off",
      description =
          "Weight the examples so that each stance label weighs alike: auto when their labels are "
              + "skewed (default: ${DEFAULT-VALUE}).")
  String classBalance;

  private ExampleWeighting weighting() {
    Double w;
    if (exampleWeight.equalsIgnoreCase("auto")) {
      w = null;
    } else {
      try {
        w = Double.parseDouble(exampleWeight);
      } catch (NumberFormatException e) {
        throw new ErrorHandler.UserError(
            "--example-weight " + exampleWeight + ": give a positive number or auto", e);
      }
    }
    ExampleWeighting.ClassBalance balance;
    try {
      balance = ExampleWeighting.ClassBalance.valueOf(classBalance.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ErrorHandler.UserError(
          "--class-balance " + classBalance + ": give auto, on or off", e);
    }
    try {
      return new ExampleWeighting(w, balance);
    } catch (IllegalArgumentException e) {
      throw new ErrorHandler.UserError(
          "--example-weight " + exampleWeight + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Integer call() {
    Config config = options.load();
    if (examples == null && noCorrections) {
      throw new ErrorHandler.UserError(
          "nothing to learn from: --no-corrections and no --examples; give --examples FILE");
    }
    ProfileLearner learner =
        new ProfileLearner(
            profileRef != null ? profileRef : config.string("profile"),
            folds,
            Clock.systemUTC(),
            lexical,
            weighting(),
            outlets);
    List<StanceModel.DataSource> sources = new ArrayList<>();
    List<LabelledExample> read = examples == null ? List.of() : readExamples(sources);
    CorrectionLessons lessons = CorrectionLessons.none();
    String correctionsRead = null;
    if (!noCorrections) {
      Optional<Broker> broker = broker(config);
      if (broker.isEmpty()) {
        if (examples == null) {
          throw new ErrorHandler.UserError(
              "nothing to learn from: no --examples, and no Kafka to read the corrections from (no "
                  + "kafka.bootstrap-servers and no broker of `vigia run` in "
                  + Path.of(config.string("data-dir")).toAbsolutePath()
                  + "); fix: pass --bootstrap-servers HOST:PORT, or --data with the folder `vigia run` uses, "
                  + "or --examples FILE");
        }
        correctionsRead =
            "corrections: none read (no kafka.bootstrap-servers and no broker of `vigia run` in this data folder)";
      } else {
        try (Broker b = broker.get()) {
          lessons = corrections(config, b.bootstrap(), sources);
        }
        correctionsRead = lessons.summary();
      }
    }
    if (read.isEmpty()
        && lessons.examples().isEmpty()
        && lessons.mentions().isEmpty()
        && lessons.removals().isEmpty()) {
      throw new ErrorHandler.UserError(
          "nothing to learn from: "
              + (correctionsRead != null ? correctionsRead : "no corrections read")
              + (examples == null ? "" : ", and " + examples + " holds no examples")
              + "; correct some articles first (POST /api/articles/{id}/corrections or the dashboard), "
              + "or give --examples FILE");
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
      outcome = learner.learn(read, lessons, correctionsRead, sources, dir, force);
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
            + " (see WORSE above); nothing written. Check the labels, add examples, "
            + "or write it anyway with --force.");
    return WORSE;
  }

  private List<LabelledExample> readExamples(List<StanceModel.DataSource> sources) {
    try {
      List<LabelledExample> read = LabelledExamples.read(examples, "maduro-government");
      if (read.isEmpty()) {
        throw new ErrorHandler.UserError(examples + " holds no examples");
      }
      sources.add(
          new StanceModel.DataSource(
              examples.toString(), LabelledExamples.sha256(examples), read.size(), "examples"));
      return read;
    } catch (NoSuchFileException e) {
      throw new ErrorHandler.UserError(
          "no such file: " + examples + " (--examples names a file of JSON lines)", e);
    } catch (IllegalArgumentException e) {
      throw new ErrorHandler.UserError(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + examples + ": " + e.getMessage(), e);
    }
  }

  /**
   * A broker to read the corrections from, and what to close after: the embedded one this command
   * started, or nothing.
   */
  record Broker(String bootstrap, AutoCloseable started) implements AutoCloseable {
    @Override
    public void close() {
      if (started != null) {
        try {
          started.close();
        } catch (Exception e) {
          throw new IllegalStateException("cannot stop the embedded broker: " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * The broker to read the corrections from: the configured cluster; else, in the one-machine
   * default, the embedded broker whose log `vigia run` keeps in the data folder: the running `vigia
   * run`'s (the address it recorded), or, when none runs, that broker started here over the same
   * log for the reading, holding the folder's lock so that no `vigia run` starts on it meanwhile.
   * Empty when the data folder holds no broker.
   */
  private static Optional<Broker> broker(Config config) {
    String bootstrap = config.string("kafka.bootstrap-servers");
    if (!bootstrap.isBlank()) {
      return Optional.of(new Broker(bootstrap, null));
    }
    Path data = Path.of(config.string("data-dir"));
    if (!Files.isDirectory(data.resolve("kafka"))) {
      return Optional.empty();
    }
    DataDir locked;
    try {
      locked = DataDir.open(data);
    } catch (ErrorHandler.UserError inUse) {
      // A `vigia run` holds the folder: read from its broker.
      return Optional.of(
          new Broker(
              EmbeddedAddress.read(data)
                  .orElseThrow(
                      () ->
                          new ErrorHandler.UserError(
                              inUse.getMessage()
                                  + " It recorded no broker address; pass --bootstrap-servers HOST:PORT")),
              null));
    }
    EmbeddedKafka kafka = new EmbeddedKafka(data.resolve("kafka"), 0);
    try {
      kafka.start();
    } catch (RuntimeException e) {
      locked.close();
      throw new ErrorHandler.UserError(
          "cannot start the embedded broker of "
              + data.toAbsolutePath()
              + " to read the corrections ("
              + e.getMessage()
              + "); fix: start `vigia run` on it, or learn from --examples alone with --no-corrections",
          e);
    }
    return Optional.of(
        new Broker(
            kafka.bootstrapServers(),
            () -> {
              try (locked) {
                kafka.close();
              }
            }));
  }

  private static CorrectionLessons corrections(
      Config config, String bootstrap, List<StanceModel.DataSource> sources) {
    KafkaSettings kafka = KafkaSettings.from(config.with("kafka.bootstrap-servers", bootstrap));
    StoredCorrections.Read stored;
    try {
      stored = StoredCorrections.read(kafka, CONNECT);
    } catch (StoredCorrections.Unreachable e) {
      throw new ErrorHandler.UserError(
          "cannot read the corrections: "
              + e.getMessage()
              + "; fix: start `vigia run` (or the cluster) first, pass the right --bootstrap-servers, "
              + "or learn from --examples alone with --no-corrections",
          e);
    }
    CorrectionLessons lessons = CorrectionLessons.from(stored.corrections(), stored.articles());
    if (!lessons.examples().isEmpty()) {
      sources.add(
          new StanceModel.DataSource(
              "vigia.corrections",
              LabelledExamples.sha256(lessons.examples()),
              lessons.examples().size(),
              "corrections"));
    }
    if (stored.unreadable() > 0) {
      System.err.println(
          "vigia: learn: skipped "
              + stored.unreadable()
              + " records of vigia.corrections that are no corrections");
    }
    return lessons;
  }
}
