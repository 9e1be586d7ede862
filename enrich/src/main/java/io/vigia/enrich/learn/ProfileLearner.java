package io.vigia.enrich.learn;

import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.ArticleAnalyzers;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.entities.KnowledgeBase;
import io.vigia.enrich.relevance.RelevanceRules;
import io.vigia.enrich.stance.OutletLeans;
import io.vigia.enrich.stance.StanceCues;
import io.vigia.enrich.stance.StanceFeatures;
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
          OutletLeans.FILE,
          "README.md");

  private static final Pattern VERSION = Pattern.compile("(?m)^version:[ \\t]*(\\d+)[ \\t]*$");
  private static final Pattern THRESHOLD = Pattern.compile("(?m)^threshold:[ \\t]*[0-9.]+.*$");

  private final String ref;
  private final WatchProfile profile;
  private final int folds;
  private final Clock clock;
  private final boolean lexical;
  private final ExampleWeighting weighting;

  /** Whether the new version learns where outlets lean ({@link OutletLeans}). */
  private final boolean outlets;

  public ProfileLearner(String profileRef, int folds, Clock clock) {
    this(profileRef, folds, clock, null);
  }

  public ProfileLearner(String profileRef, int folds, Clock clock, Boolean lexical) {
    this(profileRef, folds, clock, lexical, ExampleWeighting.none());
  }

  /**
   * @param lexical whether the retrained stance model is offered a lexical part (cross-validation
   *     then takes it or not); null: as the profile's current model was trained
   * @param weighting how the examples count against the profile's own training data
   */
  public ProfileLearner(
      String profileRef, int folds, Clock clock, Boolean lexical, ExampleWeighting weighting) {
    this(profileRef, folds, clock, lexical, weighting, false);
  }

  /**
   * @param outlets whether the new version learns where the examples' outlets lean, at a strength
   *     cross-validation chooses (0 when it does not help on the examples)
   */
  public ProfileLearner(
      String profileRef,
      int folds,
      Clock clock,
      Boolean lexical,
      ExampleWeighting weighting,
      boolean outlets) {
    this.outlets = outlets;
    this.weighting = weighting;
    this.ref = profileRef;
    this.profile = WatchProfile.load(profileRef);
    this.folds = folds;
    this.clock = clock;
    this.lexical =
        lexical != null
            ? lexical
            : profile
                .readTree(ArticleAnalyzers.STANCE_MODEL)
                .map(n -> n.path("hyperParameters").path("lexical").asBoolean(false))
                .orElse(false);
  }

  /**
   * What learning would change: the current version and the new one measured on the examples (the
   * first set: everything learned from; then the corrections alone, when there are examples too),
   * and what the knowledge base learns from the entity corrections.
   *
   * @param corrections what was read from the corrections, or null when none were read
   */
  public record Report(
      String profile,
      int fromVersion,
      List<BeforeAfter> measured,
      String corrections,
      AliasLearner.Plan entities) {
    public Report {
      measured = List.copyOf(measured);
    }

    /** A report on examples alone. */
    public Report(
        String profile,
        int fromVersion,
        int examples,
        List<StanceLearner.Comparison> stance,
        RelevanceCalibration.Result relevance) {
      this(
          profile,
          fromVersion,
          List.of(new BeforeAfter("the examples", examples, stance, relevance)),
          null,
          AliasLearner.Plan.none());
    }

    public int toVersion() {
      return fromVersion + 1;
    }

    /** Everything learned from, measured: the set whose threshold the new version gets. */
    public BeforeAfter all() {
      return measured.get(0);
    }

    public RelevanceCalibration.Result relevance() {
      return all().relevance();
    }

    public boolean worse() {
      return measured.stream().anyMatch(BeforeAfter::worse);
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
              all().examples()));
      if (corrections != null) {
        b.append("  ").append(corrections).append('\n');
      }
      measured.forEach(m -> b.append(m.text(folds)));
      b.append(entities.text());
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
    return evaluate(added, CorrectionLessons.none(), null);
  }

  /**
   * Measures the current profile and a retrained one on the {@code examples} and the analysts'
   * {@code corrections} together, and (when there are both) on the corrections alone, with the
   * examples then always in the training data; plans what the knowledge base learns from the entity
   * corrections. Writes nothing.
   *
   * @param correctionsRead the line saying what was read from the corrections, or null
   */
  public Report evaluate(
      List<LabelledExample> examples, CorrectionLessons corrections, String correctionsRead) {
    List<LabelledExample> all = LabelledExamples.merge(examples, corrections.examples());
    List<BeforeAfter> measured = new ArrayList<>();
    boolean both = !examples.isEmpty() && !corrections.examples().isEmpty();
    measured.add(
        measure(
            both
                ? "the examples and corrections"
                : examples.isEmpty() ? "the corrections" : "the examples",
            base(),
            all));
    if (both) {
      measured.add(
          measure(
              "the corrections", LabelledExamples.merge(base(), examples), corrections.examples()));
    }
    AliasLearner.Plan entities =
        AliasLearner.plan(
            KnowledgeBase.fromProfile(profile), corrections.mentions(), corrections.removals());
    return new Report(profile.name(), version(), measured, correctionsRead, entities);
  }

  /** Before and after on {@code added}, a retrained version always learning from {@code train}. */
  private BeforeAfter measure(String on, List<LabelledExample> train, List<LabelledExample> added) {
    StanceCues cues = cues();
    ArticleAnalyzer current = ArticleAnalyzers.fromProfile(profile);
    StanceLearner learner = learner(cues);
    List<StanceLearner.Comparison> stance =
        learner.compare(ArticleAnalyzers.stanceScorer(profile, cues), train, added);
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
    return new BeforeAfter(on, added.size(), stance, relevance);
  }

  /**
   * Learns from {@code added} ({@code source} says where they came from, for the model's
   * provenance) and writes the new version into {@code out}, an absent or empty folder, unless it
   * scores worse on them and {@code force} is false.
   */
  public Outcome learn(
      List<LabelledExample> added, StanceModel.DataSource source, Path out, boolean force)
      throws IOException {
    return write(evaluate(added), added, List.of(source), out, force);
  }

  /**
   * Learns from the {@code examples} and the analysts' {@code corrections} ({@code sources} say
   * where each came from) and writes the new version into {@code out}, an absent or empty folder,
   * unless it scores worse and {@code force} is false.
   */
  public Outcome learn(
      List<LabelledExample> examples,
      CorrectionLessons corrections,
      String correctionsRead,
      List<StanceModel.DataSource> sources,
      Path out,
      boolean force)
      throws IOException {
    return write(
        evaluate(examples, corrections, correctionsRead),
        LabelledExamples.merge(examples, corrections.examples()),
        sources,
        out,
        force);
  }

  Outcome write(
      Report report,
      List<LabelledExample> added,
      StanceModel.DataSource source,
      Path out,
      boolean force)
      throws IOException {
    return write(report, added, List.of(source), out, force);
  }

  /** Writes the version {@code report} measured, or refuses it when it is worse and not forced. */
  Outcome write(
      Report report,
      List<LabelledExample> added,
      List<StanceModel.DataSource> sources,
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
    data.addAll(sources);
    StanceLearner.Learned learned = learner(cues()).learn(base(), added, data, clock.instant());
    StanceModel model = learned.model();
    if (learned.outlets() != null && !learned.outlets().isEmpty()) {
      Files.writeString(
          out.resolve(OutletLeans.FILE),
          LabelledExamples.JSON
                  .writerWithDefaultPrettyPrinter()
                  .writeValueAsString(learned.outlets().toJson())
              + "\n",
          StandardCharsets.UTF_8);
    }
    Files.writeString(
        out.resolve(ArticleAnalyzers.STANCE_MODEL),
        new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(model.toJson())
            + "\n",
        StandardCharsets.UTF_8);
    LabelledExamples.write(out.resolve(StanceLearner.EXAMPLES_FILE), all);
    EntityFiles.apply(out, report.entities());
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

  private StanceLearner learner(StanceCues cues) {
    return new StanceLearner(
        cues,
        folds,
        lexical,
        weighting,
        currentVoices(),
        outlets ? ArticleAnalyzers.outletLeans(profile) : null);
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

  /**
   * Whether the profile's model weighs whose words an article carries: learning retrains the
   * features the model has (adding the voice features is {@code vigia stance-train --voices}'s).
   */
  private boolean currentVoices() {
    return profile
        .readTree(ArticleAnalyzers.STANCE_MODEL)
        .map(
            n ->
                StanceModel.from(n, profile.name()).targets().values().stream()
                    .anyMatch(m -> m.features().stream().anyMatch(StanceFeatures::voice)))
        .orElse(false);
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
