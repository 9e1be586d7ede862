package io.vigia.enrich.learn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Recalibrates the relevance threshold from examples marked on or off topic: the threshold with the
 * best F1 of "relevant" over their scores (ties to the one nearest the current threshold, so a few
 * examples move it as little as they can). Before and after are measured on the examples: before
 * with the current threshold, after k-fold (each fold judged by a threshold chosen on the others).
 */
public final class RelevanceCalibration {
  /** The least examples of each kind (on topic, off topic) to move the threshold. */
  public static final int MIN_EACH = 3;

  /** F1, precision and recall of "relevant" before and after; the threshold chosen on all. */
  public record Result(
      int examples, double threshold, double newThreshold, double[] before, double[] after) {
    public boolean worse() {
      return after[0] < before[0] - 1e-9;
    }
  }

  private RelevanceCalibration() {}

  /** Null when the examples hold too few of either kind to say anything. */
  public static Result calibrate(double[] scores, boolean[] relevant, double current, int folds) {
    int on = 0;
    for (boolean r : relevant) {
      on += r ? 1 : 0;
    }
    if (on < MIN_EACH || relevant.length - on < MIN_EACH) {
      return null;
    }
    boolean[] all = new boolean[scores.length];
    java.util.Arrays.fill(all, true);
    double chosen = choose(scores, relevant, all, current);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(42));
    order.sort((a, b) -> Boolean.compare(relevant[a], relevant[b]));
    int k = Math.max(2, Math.min(folds, scores.length));
    int[] fold = new int[scores.length];
    for (int i = 0; i < order.size(); i++) {
      fold[order.get(i)] = i % k;
    }
    boolean[] predicted = new boolean[scores.length];
    for (int f = 0; f < k; f++) {
      boolean[] train = new boolean[scores.length];
      for (int i = 0; i < scores.length; i++) {
        train[i] = fold[i] != f;
      }
      double t = choose(scores, relevant, train, current);
      for (int i = 0; i < scores.length; i++) {
        if (fold[i] == f) {
          predicted[i] = scores[i] >= t;
        }
      }
    }
    boolean[] before = new boolean[scores.length];
    for (int i = 0; i < scores.length; i++) {
      before[i] = scores[i] >= current;
    }
    return new Result(
        scores.length, current, chosen, f1(before, relevant), f1(predicted, relevant));
  }

  private static double choose(double[] scores, boolean[] relevant, boolean[] use, double current) {
    TreeSet<Double> values = new TreeSet<>();
    for (int i = 0; i < scores.length; i++) {
      if (use[i]) {
        values.add(scores[i]);
      }
    }
    List<Double> candidates = new ArrayList<>();
    candidates.add(current);
    Double previous = null;
    for (double v : values) {
      candidates.add(previous == null ? v : (previous + v) / 2); // between two scores seen
      previous = v;
    }
    double best = current;
    double bestF = -1;
    for (double t : candidates) {
      boolean[] p = new boolean[scores.length];
      int n = 0;
      boolean[] gold = new boolean[scores.length];
      for (int i = 0; i < scores.length; i++) {
        if (use[i]) {
          p[n] = scores[i] >= t;
          gold[n++] = relevant[i];
        }
      }
      double f = f1(java.util.Arrays.copyOf(p, n), java.util.Arrays.copyOf(gold, n))[0];
      if (f > bestF + 1e-9
          || (Math.abs(f - bestF) < 1e-9 && Math.abs(t - current) < Math.abs(best - current))) {
        bestF = f;
        best = t;
      }
    }
    return Math.round(best * 1000) / 1000.0;
  }

  static double[] f1(boolean[] predicted, boolean[] gold) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < gold.length; i++) {
      if (predicted[i] && gold[i]) {
        tp++;
      } else if (predicted[i]) {
        fp++;
      } else if (gold[i]) {
        fn++;
      }
    }
    double p = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    double r = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    return new double[] {tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn), p, r};
  }
}
