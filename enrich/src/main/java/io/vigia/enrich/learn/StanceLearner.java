package io.vigia.enrich.learn;

import io.vigia.enrich.analysis.StanceScorer;
import io.vigia.enrich.stance.CueStanceScorer;
import io.vigia.enrich.stance.OutletLeans;
import io.vigia.enrich.stance.StanceCues;
import io.vigia.enrich.stance.StanceFeatures;
import io.vigia.enrich.stance.StanceLexicon;
import io.vigia.enrich.stance.StanceModel;
import io.vigia.enrich.stance.StanceTraining;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Stance;
import io.vigia.schemas.StanceLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Trains a profile's stance model from labelled examples, and compares a profile's current stance
 * with a retrained one on examples it has not seen (k-fold: each fold predicted by a model trained
 * on the profile's own training data plus the other folds). The API the learning commands, and the
 * analysts' corrections, go through.
 */
public final class StanceLearner {
  /** The least labelled examples of a target, of which at least two of each label, to train it. */
  public static final int MIN_EXAMPLES = 12;

  /** The file of a profile that holds the examples its stance model was trained on. */
  public static final String EXAMPLES_FILE = "stance-examples.jsonl";

  private final StanceCues cues;
  private final CueStanceScorer scorer;
  private final int folds;
  private final boolean lexical;
  private final ExampleWeighting weighting;
  private final boolean voices;

  /** Where outlets lean as the current version knows it; null: outlets are not learned. */
  private final OutletLeans outlets;

  /** A learner of the cue-family model alone. */
  public StanceLearner(StanceCues cues, int folds) {
    this(cues, folds, false);
  }

  /**
   * @param lexical whether to offer each model a lexical part (the examples' own words), which
   *     cross-validation inside the examples then takes or leaves off
   */
  public StanceLearner(StanceCues cues, int folds, boolean lexical) {
    this(cues, folds, lexical, ExampleWeighting.none());
  }

  /**
   * @param weighting how the added examples count against the profile's own training data
   */
  public StanceLearner(StanceCues cues, int folds, boolean lexical, ExampleWeighting weighting) {
    this(cues, folds, lexical, weighting, false);
  }

  /**
   * @param voices whether to give each model the voice features ({@link
   *     io.vigia.enrich.stance.StanceVoices}) of a target whose stance.yaml names its speakers
   */
  public StanceLearner(
      StanceCues cues, int folds, boolean lexical, ExampleWeighting weighting, boolean voices) {
    this(cues, folds, lexical, weighting, voices, null);
  }

  /**
   * @param outlets where outlets lean as the current version knows it, to which the examples'
   *     outlets are added and whose strength cross-validation chooses ({@link OutletLeanChoice});
   *     null: outlets are not learned
   */
  public StanceLearner(
      StanceCues cues,
      int folds,
      boolean lexical,
      ExampleWeighting weighting,
      boolean voices,
      OutletLeans outlets) {
    this.outlets = outlets;
    this.cues = cues;
    this.scorer = new CueStanceScorer(cues);
    this.folds = folds;
    this.lexical = lexical;
    this.weighting = weighting;
    this.voices = voices;
  }

  /**
   * Before and after on the examples toward one target: macro-F1 then F1 of favor, against,
   * neutral; {@code weighting} how the examples were weighted after (null: not retrained).
   */
  public record Comparison(
      String target, int examples, double[] before, double[] after, String weighting) {
    public Comparison(String target, int examples, double[] before, double[] after) {
      this(target, examples, before, after, null);
    }

    public boolean worse() {
      return after[0] < before[0] - 1e-9;
    }
  }

  /**
   * A target's model retrained on the profile's rows plus the added ones weighted {@code weight}
   * (labels balanced or not), with the out-of-fold labels of the added rows that chose it and the
   * macro-F1 of every weight tried.
   */
  record Choice(
      StanceModel.TargetModel model,
      double weight,
      boolean balanced,
      StanceLabel[] outOfFold,
      Map<Double, Double> tried,
      double[][] logits,
      int[] fold) {
    String text() {
      return String.format(
              java.util.Locale.ROOT,
              "examples weighted x%s%s",
              weight,
              balanced ? ", labels balanced" : "")
          + (tried.size() > 1 ? triedText("weight", tried) : "");
    }
  }

  /**
   * Retrains a target on {@code base} rows plus {@code added} ones weighted as {@link #weighting}
   * says; with several candidate weights, each is judged by the k-fold macro-F1 on the added rows
   * (each fold predicted by a model trained on {@code base} plus the other folds), ties to the
   * smaller weight. Null when the rows are too few to train.
   */
  Choice choose(
      List<String> features, List<StanceTraining.Row> base, List<StanceTraining.Row> added) {
    List<StanceTraining.Row> all = new ArrayList<>(base);
    all.addAll(added);
    if (!trainable(all) || added.size() < 2) {
      return null;
    }
    boolean balanced = weighting.balances(added);
    StanceLabel[] gold = added.stream().map(StanceTraining.Row::label).toArray(StanceLabel[]::new);
    int[] fold = StanceTraining.folds(added, folds);
    Choice best = null;
    double bestF1 = -1;
    Map<Double, Double> tried = new LinkedHashMap<>();
    for (double w : weighting.candidates(base.size(), added.size())) {
      List<StanceTraining.Row> weighted = ExampleWeighting.weigh(added, w, balanced);
      List<StanceTraining.Row> rows = new ArrayList<>(base);
      rows.addAll(weighted);
      StanceModel.TargetModel m = StanceTraining.train(features, rows, folds);
      double lexicalL2 = m.lexical() == null ? 0 : m.lexical().l2();
      double[][] logits = StanceTraining.outOfFoldLogits(weighted, base, fold, m.l2(), lexicalL2);
      StanceLabel[] oof = StanceTraining.labels(logits, 1.0);
      double f1 = StanceTraining.macroF1(oof, gold)[0];
      tried.put(w, f1);
      if (f1 > bestF1 + 1e-9) {
        bestF1 = f1;
        best = new Choice(m, w, balanced, oof, tried, logits, fold);
      }
    }
    return best;
  }

  /**
   * Trains a model for every target with enough labels ({@link #MIN_EXAMPLES}, two of each label).
   */
  public StanceModel train(
      List<LabelledExample> examples, List<StanceModel.DataSource> data, Instant now) {
    return train(examples, List.of(), data, now);
  }

  /**
   * As {@link #train(List, List, Instant)} on {@code base} (the profile's own training examples)
   * plus {@code added} (an analyst's, replacing a base example of the same id), the added ones
   * weighted as this learner's {@link ExampleWeighting} says; the weight taken per target is in the
   * model's hyper-parameters ({@code exampleWeights}).
   */
  public StanceModel train(
      List<LabelledExample> base,
      List<LabelledExample> added,
      List<StanceModel.DataSource> data,
      Instant now) {
    return learn(base, added, data, now).model();
  }

  /** What {@link #learn} gives: the model, and where outlets lean (null: not learned). */
  public record Learned(StanceModel model, OutletLeans outlets) {}

  /**
   * As {@link #train(List, List, List, Instant)}, and, when this learner learns outlets, where they
   * lean: the current version's labelled articles plus the added ones, each target at the strength
   * cross-validation chose on the added ones (the current strength when it is not retrained).
   */
  public Learned learn(
      List<LabelledExample> base,
      List<LabelledExample> added,
      List<StanceModel.DataSource> data,
      Instant now) {
    Set<String> addedIds = added.stream().map(LabelledExample::id).collect(Collectors.toSet());
    List<LabelledExample> all = LabelledExamples.merge(base, added);
    List<LabelledExample> rest = all.stream().filter(e -> !addedIds.contains(e.id())).toList();
    List<LabelledExample> mine = all.stream().filter(e -> addedIds.contains(e.id())).toList();
    Map<String, StanceModel.TargetModel> targets = new LinkedHashMap<>();
    Map<String, Object> weights = new LinkedHashMap<>();
    Map<String, Double> strengths =
        outlets == null ? Map.of() : new LinkedHashMap<>(outlets.strengths());
    for (StanceCues.Target t : cues.targets()) {
      List<String> names = features(t).names();
      List<StanceTraining.Row> baseRows = rows(t.name(), rest);
      List<StanceTraining.Row> addedRows = rows(t.name(), mine);
      Choice c = addedRows.isEmpty() ? null : choose(names, baseRows, addedRows);
      OutletLeanChoice.Result lean = c == null ? null : lean(t.name(), c, mine, addedIds);
      if (lean != null) {
        strengths.put(t.name(), lean.strength());
      }
      if (c != null) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("examples", addedRows.size());
        w.put("weight", c.weight());
        w.put("labelsBalanced", c.balanced());
        w.put("crossValidatedMacroF1ByWeight", c.tried());
        weights.put(t.name(), w);
        addedRows = ExampleWeighting.weigh(addedRows, c.weight(), c.balanced());
      }
      // In the order of the merged examples, as the profile's examples file lists them.
      List<StanceTraining.Row> rows = new ArrayList<>();
      java.util.Iterator<StanceTraining.Row> b = baseRows.iterator();
      java.util.Iterator<StanceTraining.Row> a = addedRows.iterator();
      for (LabelledExample e : all) {
        if (e.stance().containsKey(t.name())) {
          rows.add(addedIds.contains(e.id()) ? a.next() : b.next());
        }
      }
      if (trainable(rows)) {
        targets.put(t.name(), StanceTraining.train(names, rows, folds));
      }
    }
    Map<String, Object> hp = new LinkedHashMap<>();
    hp.put("model", "multinomial logistic regression, L2 penalty, temperature-scaled");
    hp.put("l2Grid", StanceTraining.L2_GRID);
    hp.put("folds", folds);
    hp.put("seed", StanceTraining.SEED);
    hp.put("minExamples", MIN_EXAMPLES);
    hp.put("lexical", lexical);
    if (voices) {
      hp.put("voices", true);
    }
    if (lexical) {
      hp.put("lexicalGrid", StanceTraining.LEXICAL_GRID);
      hp.put("lexicalMinDf", StanceLexicon.MIN_DF);
    }
    if (!added.isEmpty()) {
      hp.put("exampleWeighting", weighting.describe());
      hp.put("exampleWeights", weights);
    }
    StanceModel model = new StanceModel(now.toString(), data, hp, targets);
    if (outlets == null) {
      return new Learned(model, null);
    }
    List<OutletLeans.Entry> entries = new ArrayList<>();
    outlets.entries().stream().filter(e -> !addedIds.contains(e.id())).forEach(entries::add);
    for (LabelledExample e : mine) {
      String outlet = OutletLeans.outletOf(e.url());
      if (outlet != null && !e.stance().isEmpty()) {
        entries.add(new OutletLeans.Entry(e.id(), outlet, e.stance()));
      }
    }
    return new Learned(model, new OutletLeans(strengths, entries));
  }

  /**
   * The outlet strength toward {@code target} chosen on the out-of-fold predictions of {@code c}
   * ({@link OutletLeanChoice}); null when this learner does not learn outlets.
   */
  private OutletLeanChoice.Result lean(
      String target, Choice c, List<LabelledExample> added, Set<String> addedIds) {
    if (outlets == null) {
      return null;
    }
    List<LabelledExample> labelled =
        added.stream().filter(e -> e.stance().containsKey(target)).toList();
    return OutletLeanChoice.choose(
        c.logits(),
        c.model().temperature(),
        labelled.stream().map(e -> e.stance().get(target)).toArray(StanceLabel[]::new),
        labelled.stream().map(e -> OutletLeans.outletOf(e.url())).toArray(String[]::new),
        c.fold(),
        outlets.counts(target, addedIds));
  }

  /**
   * For every target {@code added} labels: the {@code current} scorer's macro-F1 on them, and the
   * k-fold macro-F1 of a model trained on {@code base} plus the other folds of {@code added}.
   */
  public List<Comparison> compare(
      StanceScorer current, List<LabelledExample> base, List<LabelledExample> added) {
    Set<String> addedIds = added.stream().map(LabelledExample::id).collect(Collectors.toSet());
    List<LabelledExample> rest = base.stream().filter(e -> !addedIds.contains(e.id())).toList();
    List<Comparison> out = new ArrayList<>();
    for (StanceCues.Target t : cues.targets()) {
      List<LabelledExample> labelled =
          added.stream().filter(e -> e.stance().containsKey(t.name())).toList();
      if (labelled.isEmpty()) {
        continue;
      }
      StanceLabel[] gold =
          labelled.stream().map(e -> e.stance().get(t.name())).toArray(StanceLabel[]::new);
      StanceLabel[] before = new StanceLabel[labelled.size()];
      for (int i = 0; i < labelled.size(); i++) {
        before[i] = labelOf(current.score(raw(labelled.get(i)), List.of()), t.name());
      }
      List<StanceTraining.Row> rows = rows(t.name(), labelled);
      List<StanceTraining.Row> always = rows(t.name(), rest);
      Choice c = choose(features(t).names(), always, rows);
      OutletLeanChoice.Result lean = c == null ? null : lean(t.name(), c, added, addedIds);
      // Too few labels to train this target: it keeps its current rule.
      StanceLabel[] after = c == null ? before : lean == null ? c.outOfFold() : lean.outOfFold();
      out.add(
          new Comparison(
              t.name(),
              labelled.size(),
              StanceTraining.macroF1(before, gold),
              StanceTraining.macroF1(after, gold),
              c == null ? null : c.text() + (lean == null ? "" : leanText(lean))));
    }
    return out;
  }

  private static String leanText(OutletLeanChoice.Result lean) {
    return String.format(java.util.Locale.ROOT, "; outlets' lean x%s", lean.strength())
        + triedText("strength", lean.tried());
  }

  /** What cross-validation gave each candidate of a choice, for the report. */
  private static String triedText(String candidate, Map<Double, Double> tried) {
    return " (cross-validated macro-F1 by "
        + candidate
        + ": "
        + tried.entrySet().stream()
            .map(e -> String.format(java.util.Locale.ROOT, "x%s %.3f", e.getKey(), e.getValue()))
            .collect(Collectors.joining(", "))
        + ")";
  }

  private List<StanceTraining.Row> rows(String target, List<LabelledExample> examples) {
    int t = index(target);
    StanceFeatures f = features(cues.targets().get(t));
    List<StanceTraining.Row> rows = new ArrayList<>();
    for (LabelledExample e : examples) {
      StanceLabel l = e.stance().get(target);
      if (l != null) {
        CueStanceScorer.Reading r = scorer.read(e.title(), e.text(), lexical, voices);
        rows.add(
            new StanceTraining.Row(
                f.of(r.tallies().get(t)),
                l,
                lexical ? StanceLexicon.terms(r.tokens(), r.channels()) : null));
      }
    }
    return rows;
  }

  /** The features a model of {@code t} is trained on: with its voices only if asked for. */
  private StanceFeatures features(StanceCues.Target t) {
    return new StanceFeatures(t, voices && !t.voices().isEmpty());
  }

  private int index(String target) {
    for (int i = 0; i < cues.targets().size(); i++) {
      if (cues.targets().get(i).name().equals(target)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no stance target " + target);
  }

  static boolean trainable(List<StanceTraining.Row> rows) {
    if (rows.size() < MIN_EXAMPLES) {
      return false;
    }
    for (StanceLabel l : StanceModel.CLASSES) {
      if (rows.stream().filter(r -> r.label() == l).count() < 2) {
        return false;
      }
    }
    return true;
  }

  private static StanceLabel labelOf(List<Stance> stances, String target) {
    return stances.stream()
        .filter(s -> s.getTarget().equals(target))
        .map(Stance::getLabel)
        .findFirst()
        .orElse(StanceLabel.NEUTRAL);
  }

  /** The example as the raw article the analysers read. */
  static RawArticle raw(LabelledExample e) {
    String url = e.url() != null ? e.url() : "urn:vigia:example:" + e.id();
    return RawArticle.newBuilder()
        .setId(e.id())
        .setUrl(url)
        .setCanonicalUrl(url)
        .setSource("example")
        .setTitle(e.title())
        .setText(e.text())
        .setLanguage(e.language())
        .setFetchedAt(Instant.EPOCH)
        .setContentHash("")
        .build();
  }
}
