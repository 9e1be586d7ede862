package io.vigia.enrich.stance;

import io.vigia.enrich.analysis.StanceScorer;
import io.vigia.schemas.Entity;
import io.vigia.schemas.Evidence;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Stance;
import io.vigia.schemas.StanceLabel;
import java.util.ArrayList;
import java.util.List;

/**
 * Stance from the profile's learned model: the cues are found and counted as by {@link
 * CueStanceScorer} (same evidence), then each target with a model gets the label of highest
 * calibrated probability, that probability as its {@code confidence} and P(favor) − P(against) as
 * its score. A target the model does not cover keeps the cue rule (thresholds on the cue score) and
 * has no confidence: nothing labelled says how often that rule is right. Where analysts labelled
 * articles of the same outlet, the model's probabilities are moved toward that outlet's lean
 * ({@link OutletLeans}) before the label is taken.
 */
public final class LearnedStanceScorer implements StanceScorer {
  private final CueStanceScorer cues;
  private final List<StanceFeatures> features = new ArrayList<>();
  private final List<StanceModel.TargetModel> models = new ArrayList<>();

  /** Whether a model has a lexical part, which reads the words by channel. */
  private final boolean lexical;

  /** Whether a model weighs whose words the article carries ({@link StanceVoices}). */
  private final boolean voices;

  private final OutletLeans leans;

  public LearnedStanceScorer(StanceCues stanceCues, StanceModel model, String source) {
    this(stanceCues, model, OutletLeans.none(), source);
  }

  public LearnedStanceScorer(
      StanceCues stanceCues, StanceModel model, OutletLeans leans, String source) {
    this.leans = leans;
    this.cues = new CueStanceScorer(stanceCues);
    for (String name : model.targets().keySet()) {
      if (stanceCues.targets().stream().noneMatch(t -> t.name().equals(name))) {
        throw new IllegalArgumentException(
            source
                + ": a model for target '"
                + name
                + "', which stance.yaml does not have; "
                + "retrain with `vigia stance-train` or add the target");
      }
    }
    for (StanceCues.Target target : stanceCues.targets()) {
      StanceModel.TargetModel m = model.targets().get(target.name());
      // The model says whether it weighs whose words an article carries (trained with --voices or
      // not), and is read with the features it was trained on.
      boolean voices = m != null && m.features().stream().anyMatch(StanceFeatures::voice);
      if (voices && target.voices().isEmpty()) {
        throw new IllegalArgumentException(
            source
                + ": the model of '"
                + target.name()
                + "' weighs whose words an article carries, but stance.yaml names no speakers "
                + "for it (voices:): add them back or retrain it with `vigia stance-train` "
                + "without --voices");
      }
      StanceFeatures f = new StanceFeatures(target, voices);
      if (m != null && !m.features().equals(f.names())) {
        throw new IllegalArgumentException(
            source
                + ": the model of '"
                + target.name()
                + "' was trained on other features than "
                + "stance.yaml now gives (families added, removed or renamed): retrain it with "
                + "`vigia stance-train`");
      }
      features.add(f);
      models.add(m);
    }
    this.lexical = models.stream().anyMatch(m -> m != null && m.lexical() != null);
    this.voices =
        models.stream()
            .anyMatch(m -> m != null && m.features().stream().anyMatch(StanceFeatures::voice));
  }

  @Override
  public List<Stance> score(RawArticle article, List<Entity> entities) {
    CueStanceScorer.Reading reading =
        cues.read(article.getTitle(), article.getText(), lexical, voices);
    List<CueStanceScorer.Tally> tallies = reading.tallies();
    List<Stance> out = new ArrayList<>(tallies.size());
    for (int t = 0; t < tallies.size(); t++) {
      StanceCues.Target target = cues.cues().targets().get(t);
      CueStanceScorer.Tally tally = tallies.get(t);
      StanceModel.TargetModel m = models.get(t);
      if (m == null) {
        double s = tally.score();
        StanceLabel label =
            s >= target.favorThreshold()
                ? StanceLabel.FAVOR
                : s <= -target.againstThreshold() ? StanceLabel.AGAINST : StanceLabel.NEUTRAL;
        out.add(new Stance(target.name(), label, round(s), null, tally.evidence()));
        continue;
      }
      String url = outletUrl(article);
      int[] labelled = leans.labelled(target.name(), url);
      double[] p = m.probabilities(features.get(t).of(tally), reading.tokens(), reading.channels());
      List<Evidence> evidence = tally.evidence();
      if (labelled != null) {
        p = OutletLeans.apply(p, labelled, leans.strength(target.name()));
        evidence = new ArrayList<>(evidence);
        evidence.add(outletEvidence(url, labelled, leans.strength(target.name())));
      }
      int best = StanceTraining.argmax(p);
      out.add(
          new Stance(
              target.name(),
              StanceModel.CLASSES.get(best),
              round(p[0] - p[1]),
              round(p[best]),
              evidence));
    }
    return out;
  }

  /**
   * What an analyst sees of the outlet's part in the judgement: no span of the text (start and end
   * 0), the outlet and how its labelled articles went, the strength it was weighed at.
   */
  private static Evidence outletEvidence(String url, int[] labelled, double strength) {
    return new Evidence(
        String.format(
            java.util.Locale.ROOT,
            "%s: labelled %d favor, %d against, %d neutral",
            OutletLeans.outletOf(url),
            labelled[0],
            labelled[1],
            labelled[2]),
        0,
        0,
        "outlet-lean",
        strength,
        false);
  }

  /** The address an article's outlet is read from: as analysts' corrections record it. */
  private static String outletUrl(RawArticle article) {
    CharSequence canonical = article.getCanonicalUrl();
    return canonical != null && !canonical.toString().isBlank()
        ? canonical.toString()
        : article.getUrl().toString();
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
