package io.vigia.enrich.stance;

import io.vigia.schemas.StanceLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Calibrates how one target's cues are counted from labelled examples: the weights of the kinds of
 * occurrence (quoted, reported, hedged, scare quotes, headline) on a small grid, and for each the
 * thresholds between favor, neutral and against that maximise macro-F1. Every example is read once;
 * its per-kind cue totals are then rescored under each candidate. A k-fold cross-validated figure
 * (the whole search redone on k-1 folds, the held-out fold predicted) is reported next to the
 * fitted one, so users see how well the calibration carries to articles it has not seen. The cue
 * lexicon itself is not changed: that stays the analyst's, in the profile.
 */
public final class StanceCalibration {
  /** One labelled example. */
  public record Example(String title, String text, StanceLabel label) {}

  /**
   * Fitted thresholds and factors and what they achieve.
   *
   * @param cues the profile's cues with the fitted factors and the target's fitted thresholds
   */
  public record Result(
      double favorThreshold,
      double againstThreshold,
      StanceCues cues,
      double fittedMacroF1,
      double crossValidatedMacroF1,
      double before,
      int examples) {}

  private static final double[] ATTRIBUTED = {0, 0.1, 0.25, 0.5};
  private static final double[] REPORTED = {0.1, 0.3, 0.5, 1.0};
  private static final double[] HEDGED = {0, 0.5, 0.75, 1.0};
  private static final double[] SCARE = {1.0, 2.5, 4.0};
  private static final double[] HEADLINE = {1.0, 1.5, 2.0};

  private StanceCalibration() {}

  /**
   * Fits factors and thresholds ({@code thresholdsOnly}: thresholds only, the profile's factors
   * kept).
   */
  public static Result calibrate(
      CueStanceScorer scorer,
      String target,
      List<Example> examples,
      int folds,
      boolean thresholdsOnly) {
    int t = targetIndex(scorer, target);
    StanceCues base = scorer.cues();
    List<CueStanceScorer.Tally> tallies = new ArrayList<>(examples.size());
    StanceLabel[] gold = new StanceLabel[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      tallies.add(scorer.tally(examples.get(i).title(), examples.get(i).text()).get(t));
      gold[i] = examples.get(i).label();
    }
    List<StanceCues> candidates = thresholdsOnly ? List.of(base) : candidates(base);
    double[][] scores = new double[candidates.size()][examples.size()];
    for (int c = 0; c < candidates.size(); c++) {
      for (int i = 0; i < examples.size(); i++) {
        scores[c][i] = tallies.get(i).score(candidates.get(c));
      }
    }
    StanceCues.Target current = base.targets().get(t);
    double before =
        macroF1(
            scores[0],
            gold,
            all(examples.size()),
            current.favorThreshold(),
            current.againstThreshold());
    Fit fit = fit(scores, gold, all(examples.size()));

    // k-fold: fit on k-1 folds, predict the held-out one; macro-F1 over all held-out predictions.
    int k = Math.max(2, Math.min(folds, examples.size()));
    int[] fold = new int[examples.size()];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < fold.length; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new Random(42));
    for (int i = 0; i < order.size(); i++) {
      fold[order.get(i)] = i % k;
    }
    StanceLabel[] predicted = new StanceLabel[examples.size()];
    for (int f = 0; f < k; f++) {
      boolean[] train = new boolean[examples.size()];
      for (int i = 0; i < train.length; i++) {
        train[i] = fold[i] != f;
      }
      Fit th = fit(scores, gold, train);
      for (int i = 0; i < train.length; i++) {
        if (!train[i]) {
          predicted[i] = label(scores[th.candidate()][i], th.favor(), th.against());
        }
      }
    }
    StanceCues chosen = candidates.get(fit.candidate());
    List<StanceCues.Target> targets = new ArrayList<>(chosen.targets());
    targets.set(t, targets.get(t).withThresholds(fit.favor(), fit.against()));
    return new Result(
        fit.favor(),
        fit.against(),
        chosen.withTargets(targets),
        fit.f1(),
        macroF1(predicted, gold),
        before,
        examples.size());
  }

  /** Fits factors and thresholds with the default grid. */
  public static Result calibrate(
      CueStanceScorer scorer, String target, List<Example> examples, int folds) {
    return calibrate(scorer, target, examples, folds, false);
  }

  private record Fit(int candidate, double favor, double against, double f1) {}

  /** The profile's own factors first: on a tie they are kept. */
  private static List<StanceCues> candidates(StanceCues base) {
    List<StanceCues> out = new ArrayList<>();
    out.add(base);
    for (double a : ATTRIBUTED) {
      for (double r : REPORTED) {
        for (double h : HEDGED) {
          for (double s : SCARE) {
            for (double hl : HEADLINE) {
              out.add(base.withFactors(a, r, s, h, hl));
            }
          }
        }
      }
    }
    return out;
  }

  private static Fit fit(double[][] scores, StanceLabel[] gold, boolean[] use) {
    Fit best = null;
    for (int c = 0; c < scores.length; c++) {
      double[] th = best(scores[c], gold, use);
      double f = macroF1(scores[c], gold, use, th[0], th[1]);
      if (best == null || f > best.f1() + 1e-9) {
        best = new Fit(c, th[0], th[1], f);
      }
    }
    return best;
  }

  private static int targetIndex(CueStanceScorer scorer, String target) {
    List<StanceCues.Target> targets = scorer.cues().targets();
    for (int i = 0; i < targets.size(); i++) {
      if (targets.get(i).name().equals(target)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "no stance target '"
            + target
            + "' in the profile; it has "
            + targets.stream().map(StanceCues.Target::name).toList());
  }

  private static boolean[] all(int n) {
    boolean[] b = new boolean[n];
    java.util.Arrays.fill(b, true);
    return b;
  }

  private static double[] best(double[] scores, StanceLabel[] gold, boolean[] use) {
    double bestF = -1;
    double[] best = {1, 1};
    for (double fav = 0.05; fav <= 4.0; fav += 0.05) {
      for (double ag = 0.05; ag <= 4.0; ag += 0.05) {
        double f = macroF1(scores, gold, use, fav, ag);
        // Ties go to the wider neutral band: less eager to take sides on unseen articles.
        if (f > bestF + 1e-9 || (Math.abs(f - bestF) < 1e-9 && fav + ag > best[0] + best[1])) {
          bestF = f;
          best = new double[] {fav, ag};
        }
      }
    }
    return best;
  }

  static StanceLabel label(double score, double favor, double against) {
    return score >= favor
        ? StanceLabel.FAVOR
        : score <= -against ? StanceLabel.AGAINST : StanceLabel.NEUTRAL;
  }

  private static double macroF1(
      double[] scores, StanceLabel[] gold, boolean[] use, double favor, double against) {
    StanceLabel[] p = new StanceLabel[scores.length];
    StanceLabel[] g = new StanceLabel[scores.length];
    for (int i = 0; i < scores.length; i++) {
      if (use[i]) {
        p[i] = label(scores[i], favor, against);
        g[i] = gold[i];
      }
    }
    return macroF1(p, g);
  }

  /** Macro-F1 over the three labels; null entries are skipped. */
  static double macroF1(StanceLabel[] predicted, StanceLabel[] gold) {
    double sum = 0;
    for (StanceLabel l : StanceLabel.values()) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (int i = 0; i < gold.length; i++) {
        if (gold[i] == null) {
          continue;
        }
        if (predicted[i] == l && gold[i] == l) {
          tp++;
        } else if (predicted[i] == l) {
          fp++;
        } else if (gold[i] == l) {
          fn++;
        }
      }
      sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
    return sum / StanceLabel.values().length;
  }
}
