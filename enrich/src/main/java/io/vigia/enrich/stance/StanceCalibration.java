package io.vigia.enrich.stance;

import io.vigia.schemas.StanceLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Calibrates the thresholds between favor, neutral and against for one target from labelled
 * examples: every example is tallied once with the profile's cues, then the thresholds that
 * maximise macro-F1 are searched on a grid. A k-fold cross-validated figure is reported next to
 * the fitted one, so users see how well the calibration carries to articles it has not seen.
 */
public final class StanceCalibration {
  /** One labelled example. */
  public record Example(String title, String text, StanceLabel label) {}

  /** Fitted thresholds and what they achieve. */
  public record Result(double favorThreshold, double againstThreshold, double fittedMacroF1, double crossValidatedMacroF1,
      double before, int examples) {}

  private StanceCalibration() {}

  public static Result calibrate(CueStanceScorer scorer, String target, List<Example> examples, int folds) {
    int t = targetIndex(scorer, target);
    double[] scores = new double[examples.size()];
    StanceLabel[] gold = new StanceLabel[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      scores[i] = scorer.tally(examples.get(i).title(), examples.get(i).text()).get(t).score();
      gold[i] = examples.get(i).label();
    }
    StanceCues.Target current = scorer.cues().targets().get(t);
    double before = macroF1(scores, gold, all(examples.size()), current.favorThreshold(), current.againstThreshold());
    double[] fit = best(scores, gold, all(examples.size()));
    double fitted = macroF1(scores, gold, all(examples.size()), fit[0], fit[1]);

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
      double[] th = best(scores, gold, train);
      for (int i = 0; i < train.length; i++) {
        if (!train[i]) {
          predicted[i] = label(scores[i], th[0], th[1]);
        }
      }
    }
    return new Result(fit[0], fit[1], fitted, macroF1(predicted, gold), before, examples.size());
  }

  private static int targetIndex(CueStanceScorer scorer, String target) {
    List<StanceCues.Target> targets = scorer.cues().targets();
    for (int i = 0; i < targets.size(); i++) {
      if (targets.get(i).name().equals(target)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no stance target '" + target + "' in the profile; it has "
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
    return score >= favor ? StanceLabel.FAVOR : score <= -against ? StanceLabel.AGAINST : StanceLabel.NEUTRAL;
  }

  private static double macroF1(double[] scores, StanceLabel[] gold, boolean[] use, double favor, double against) {
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
