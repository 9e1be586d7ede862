package io.vigia.enrich.learn;

import io.vigia.enrich.analysis.StanceScorer;
import io.vigia.enrich.stance.CueStanceScorer;
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

  /** A learner of the cue-family model alone. */
  public StanceLearner(StanceCues cues, int folds) {
    this(cues, folds, false);
  }

  /**
   * @param lexical whether to offer each model a lexical part (the examples' own words), which
   *     cross-validation inside the examples then takes or leaves off
   */
  public StanceLearner(StanceCues cues, int folds, boolean lexical) {
    this.cues = cues;
    this.scorer = new CueStanceScorer(cues);
    this.folds = folds;
    this.lexical = lexical;
  }

  /**
   * Before and after on the examples toward one target: macro-F1 then F1 of favor, against,
   * neutral.
   */
  public record Comparison(String target, int examples, double[] before, double[] after) {
    public boolean worse() {
      return after[0] < before[0] - 1e-9;
    }
  }

  /**
   * Trains a model for every target with enough labels ({@link #MIN_EXAMPLES}, two of each label).
   */
  public StanceModel train(
      List<LabelledExample> examples, List<StanceModel.DataSource> data, Instant now) {
    Map<String, StanceModel.TargetModel> targets = new LinkedHashMap<>();
    for (StanceCues.Target t : cues.targets()) {
      List<StanceTraining.Row> rows = rows(t.name(), examples);
      if (trainable(rows)) {
        targets.put(t.name(), StanceTraining.train(new StanceFeatures(t).names(), rows, folds));
      }
    }
    Map<String, Object> hp = new LinkedHashMap<>();
    hp.put("model", "multinomial logistic regression, L2 penalty, temperature-scaled");
    hp.put("l2Grid", StanceTraining.L2_GRID);
    hp.put("folds", folds);
    hp.put("seed", StanceTraining.SEED);
    hp.put("minExamples", MIN_EXAMPLES);
    hp.put("lexical", lexical);
    if (lexical) {
      hp.put("lexicalGrid", StanceTraining.LEXICAL_GRID);
      hp.put("lexicalMinDf", StanceLexicon.MIN_DF);
    }
    return new StanceModel(now.toString(), data, hp, targets);
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
      List<StanceTraining.Row> all = new ArrayList<>(always);
      all.addAll(rows);
      StanceLabel[] after;
      if (trainable(all) && rows.size() >= 2) {
        StanceModel.TargetModel m = StanceTraining.train(new StanceFeatures(t).names(), all, folds);
        double lexicalL2 = m.lexical() == null ? 0 : m.lexical().l2();
        after =
            StanceTraining.labels(
                StanceTraining.outOfFoldLogits(
                    rows, always, StanceTraining.folds(rows, folds), m.l2(), lexicalL2),
                1.0);
      } else {
        after = before; // not enough labels to train this target: it keeps its current rule
      }
      out.add(
          new Comparison(
              t.name(),
              labelled.size(),
              StanceTraining.macroF1(before, gold),
              StanceTraining.macroF1(after, gold)));
    }
    return out;
  }

  private List<StanceTraining.Row> rows(String target, List<LabelledExample> examples) {
    int t = index(target);
    StanceFeatures f = new StanceFeatures(cues.targets().get(t));
    List<StanceTraining.Row> rows = new ArrayList<>();
    for (LabelledExample e : examples) {
      StanceLabel l = e.stance().get(target);
      if (l != null) {
        CueStanceScorer.Reading r = scorer.read(e.title(), e.text(), lexical);
        rows.add(
            new StanceTraining.Row(
                f.of(r.tallies().get(t)),
                l,
                lexical ? StanceLexicon.terms(r.tokens(), r.channels()) : null));
      }
    }
    return rows;
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
