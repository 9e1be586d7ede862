package io.vigia.enrich.learn;

import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.ArticleAnalyzers;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.relevance.RelevanceRules;
import io.vigia.enrich.stance.StanceCues;
import io.vigia.enrich.stance.StanceModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds the next version of a watch profile from labelled examples ({@code vigia learn}, and the
 * analysts' corrections once they are turned into {@link LabelledExample}s): the stance model
 * retrained on the profile's own training examples plus the new ones, the relevance threshold
 * recalibrated where the examples say on or off topic, {@code version: N+1} in profile.yaml; every
 * other file copied as it is. Before writing, it measures the current profile and the new one on
 * the examples themselves (k-fold for the new one), and refuses a version that scores worse unless
 * forced.
 */
public final class ProfileLearner {
  /** Files a bundled profile may hold (a profile folder is copied whole). */
  private static final List<String> BUNDLED_FILES =
      List.of(
          "profile.yaml",
          "relevance.yaml",
          "entities.yaml",
          "stance.yaml",
          "figures.yaml",
          ArticleAnalyzers.STANCE_MODEL,
          StanceLearner.EXAMPLES_FILE,
          "README.md");

  private static final Pattern VERSION = Pattern.compile("(?m)^version:[ \\t]*(\\d+)[ \\t]*$");
  private static final Pattern THRESHOLD = Pattern.compile("(?m)^threshold:[ \\t]*[0-9.]+.*$");

  private final String ref;
  private final WatchProfile profile;
  private final int folds;
  private final Clock clock;

  public ProfileLearner(String profileRef, int folds, Clock clock) {
    this.ref = profileRef;
    this.profile = WatchProfile.load(profileRef);
    this.folds = folds;
    this.clock = clock;
  }

  /** What learning would change, measured on the added examples. */
  public record Report(
      String profile,
      int fromVersion,
      int examples,
      List<StanceLearner.Comparison> stance,
      RelevanceCalibration.Result relevance) {
    public int toVersion() {
      return fromVersion + 1;
    }

    public boolean worse() {
      return stance.stream().anyMatch(StanceLearner.Comparison::worse)
          || (relevance != null && relevance.worse());
    }

    /** The before/after table an analyst reads. */
    public String text(int folds) {
      StringBuilder b = new StringBuilder();
      b.append(
          String.format(
              Locale.ROOT,
              "learn %s: version %d -> %d, %d examples%n",
              profile,
              fromVersion,
              toVersion(),
              examples));
      for (StanceLearner.Comparison c : stance) {
        b.append(
            String.format(
                Locale.ROOT,
                "  stance %-18s %3d labelled  macro-F1 before %.3f (favor %.2f, against %.2f, neutral %.2f)"
                    + "  after %.3f (favor %.2f, against %.2f, neutral %.2f, %d-fold)%s%n",
                c.target(),
                c.examples(),
                c.before()[0],
                c.before()[1],
                c.before()[2],
                c.before()[3],
                c.after()[0],
                c.after()[1],
                c.after()[2],
                c.after()[3],
                folds,
                c.worse() ? "  WORSE" : ""));
      }
      if (relevance != null) {
        b.append(
            String.format(
                Locale.ROOT,
                "  relevance %3d labelled  threshold %.3f -> %.3f  F1 before %.3f (P %.2f, R %.2f)  after %.3f "
                    + "(P %.2f, R %.2f, %d-fold)%s%n",
                relevance.examples(),
                relevance.threshold(),
                relevance.newThreshold(),
                relevance.before()[0],
                relevance.before()[1],
                relevance.before()[2],
                relevance.after()[0],
                relevance.after()[1],
                relevance.after()[2],
                folds,
                relevance.worse() ? "  WORSE" : ""));
      } else {
        b.append(
            "  relevance: threshold kept (fewer than "
                + RelevanceCalibration.MIN_EACH
                + " examples marked on topic and off topic)\n");
      }
      return b.toString();
    }
  }

  /** The outcome of {@link #learn}: a new version written, or refused with the report. */
  public sealed interface Outcome permits Written, Refused {
    Report report();
  }

  public record Written(Path dir, Report report) implements Outcome {}

  public record Refused(Report report) implements Outcome {}

  public int version() {
    return profile.readTree("profile.yaml").map(n -> n.path("version").asInt(0)).orElse(0);
  }

  public String name() {
    return profile.name();
  }

  /** Measures the current profile and a retrained one on {@code added}; writes nothing. */
  public Report evaluate(List<LabelledExample> added) {
    StanceCues cues = cues();
    ArticleAnalyzer current = ArticleAnalyzers.fromProfile(profile);
    StanceLearner learner = new StanceLearner(cues, folds);
    List<StanceLearner.Comparison> stance =
        learner.compare(ArticleAnalyzers.stanceScorer(profile, cues), base(), added);
    List<LabelledExample> marked = added.stream().filter(e -> e.relevant() != null).toList();
    double[] scores = new double[marked.size()];
    boolean[] gold = new boolean[marked.size()];
    for (int i = 0; i < marked.size(); i++) {
      scores[i] = current.analyze(StanceLearner.raw(marked.get(i))).relevance().getScore();
      gold[i] = marked.get(i).relevant();
    }
    RelevanceCalibration.Result relevance =
        RelevanceCalibration.calibrate(scores, gold, relevanceThreshold(), folds);
    if (relevance != null && relevance.worse()) {
      // A threshold that does worse on held-out examples than the current one is not applied: the
      // version keeps the current threshold (and says so), and its stance can still be learned.
      relevance =
          new RelevanceCalibration.Result(
              relevance.examples(),
              relevance.threshold(),
              relevance.threshold(),
              relevance.before(),
              relevance.before());
    }
    return new Report(profile.name(), version(), added.size(), stance, relevance);
  }

  /**
   * Learns from {@code added} ({@code source} says where they came from, for the model's
   * provenance) and writes the new version into {@code out}, an absent or empty folder, unless it
   * scores worse on them and {@code force} is false.
   */
  public Outcome learn(
      List<LabelledExample> added, StanceModel.DataSource source, Path out, boolean force)
      throws IOException {
    return write(evaluate(added), added, source, out, force);
  }

  /** Writes the version {@code report} measured, or refuses it when it is worse and not forced. */
  Outcome write(
      Report report,
      List<LabelledExample> added,
      StanceModel.DataSource source,
      Path out,
      boolean force)
      throws IOException {
    if (report.worse() && !force) {
      return new Refused(report);
    }
    if (Files.exists(out)) {
      try (Stream<Path> s = Files.list(out)) {
        if (s.findAny().isPresent()) {
          throw new IllegalArgumentException(
              out + " is not empty: give a new folder for the new version");
        }
      }
    }
    copyProfile(out);
    List<LabelledExample> all = LabelledExamples.merge(base(), added);
    List<StanceModel.DataSource> data = new ArrayList<>(currentModelData());
    data.add(source);
    StanceModel model = new StanceLearner(cues(), folds).train(all, data, clock.instant());
    Files.writeString(
        out.resolve(ArticleAnalyzers.STANCE_MODEL),
        new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(model.toJson())
            + "\n",
        StandardCharsets.UTF_8);
    LabelledExamples.write(out.resolve(StanceLearner.EXAMPLES_FILE), all);
    Path profileFile = out.resolve("profile.yaml");
    Files.writeString(profileFile, withVersion(Files.readString(profileFile), report.toVersion()));
    Path relevanceFile = out.resolve("relevance.yaml");
    if (report.relevance() != null && Files.exists(relevanceFile)) {
      Files.writeString(
          relevanceFile,
          withThreshold(
              Files.readString(relevanceFile),
              report.relevance().newThreshold(),
              report.toVersion()));
    }
    return new Written(out, report);
  }

  static String withVersion(String yaml, int version) {
    Matcher m = VERSION.matcher(yaml);
    if (m.find()) {
      return m.replaceFirst("version: " + version);
    }
    Matcher name = Pattern.compile("(?m)^name:.*$").matcher(yaml);
    if (name.find()) {
      return yaml.substring(0, name.end()) + "\nversion: " + version + yaml.substring(name.end());
    }
    return "version: " + version + "\n" + yaml;
  }

  static String withThreshold(String yaml, double threshold, int version) {
    String line =
        String.format(
            Locale.ROOT,
            "threshold: %s   # recalibrated by vigia learn for version %d",
            threshold,
            version);
    Matcher m = THRESHOLD.matcher(yaml);
    return m.find() ? m.replaceFirst(Matcher.quoteReplacement(line)) : yaml + "\n" + line + "\n";
  }

  private StanceCues cues() {
    return profile
        .readTree("stance.yaml")
        .map(n -> StanceCues.from(n, profile.name() + "/stance.yaml"))
        .orElse(StanceCues.none());
  }

  private double relevanceThreshold() {
    return profile
        .readTree("relevance.yaml")
        .map(n -> RelevanceRules.from(n, profile.name() + "/relevance.yaml").threshold())
        .orElse(RelevanceRules.none().threshold());
  }

  /** The examples the current stance model was trained on. */
  private List<LabelledExample> base() {
    List<LabelledExample> out = new ArrayList<>();
    profile
        .open(StanceLearner.EXAMPLES_FILE)
        .ifPresent(
            in -> {
              try (InputStream s = in) {
                int n = 0;
                for (String line :
                    new String(s.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                  n++;
                  if (!line.isBlank()) {
                    out.add(
                        LabelledExample.fromJson(
                            LabelledExamples.JSON.readTree(line), "maduro-government"));
                  }
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return out;
  }

  private List<StanceModel.DataSource> currentModelData() {
    return profile
        .readTree(ArticleAnalyzers.STANCE_MODEL)
        .map(n -> StanceModel.from(n, profile.name()).data())
        .orElse(List.of());
  }

  private void copyProfile(Path out) throws IOException {
    Files.createDirectories(out);
    Path dir = Path.of(ref);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Path target = out.resolve(dir.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            Files.copy(p, target);
          }
        }
      }
      return;
    }
    List<String> files = new java.util.ArrayList<>(BUNDLED_FILES);
    // entities.yaml names the knowledge base's category files (entities/…): copy those too.
    profile
        .readTree("entities.yaml")
        .ifPresent(n -> n.path("include").forEach(inc -> files.add(inc.asText())));
    for (String f : files) {
      profile
          .open(f)
          .ifPresent(
              in -> {
                try (InputStream s = in) {
                  Files.createDirectories(out.resolve(f).getParent());
                  Files.copy(s, out.resolve(f));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
