package io.vigia.enrich.stance;

import io.vigia.schemas.StanceLabel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the stance model of one target from labelled feature rows: the penalty chosen from a grid
 * by k-fold cross-validated macro-F1 (ties to the stronger penalty), the temperature that makes the
 * out-of-fold probabilities honest (least log-loss), and a reliability table of those out-of-fold
 * predictions. The figures it reports are out-of-fold; the penalty choice saw every fold, so they
 * lean slightly optimistic, which docs/stance.md says.
 */
public final class StanceTraining {
  /** Penalties tried, weakest first. */
  public static final double[] L2_GRID = {0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0};

  public static final long SEED = 42;
  private static final double[] BIN_EDGES = {0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001};

  private StanceTraining() {}

  /**
   * Penalties of the lexical part tried (weakest first); "off" (no lexical part) is always tried
   * too, and wins ties.
   */
  public static final double[] LEXICAL_GRID = {1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0};

  /**
   * One labelled row: its cue features, its label, for a model with a lexical part its terms
   * ({@link StanceLexicon#terms}; null trains no lexical part), and how many times it counts in the
   * fitted loss ({@code weight}, 1 unless {@code vigia learn} weights an analyst's examples).
   * Cross-validated figures and the temperature count every row once whatever its weight.
   */
  public record Row(double[] features, StanceLabel label, String[] terms, double weight) {
    public Row(double[] features, StanceLabel label) {
      this(features, label, null);
    }

    public Row(double[] features, StanceLabel label, String[] terms) {
      this(features, label, terms, 1.0);
    }

    public Row {
      if (!(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("a row's weight must be positive, not " + weight);
      }
    }

    /** The same row counting {@code w} times. */
    public Row weighted(double w) {
      return new Row(features, label, terms, w);
    }
  }

  /**
   * Trains on {@code rows} with {@code folds}-fold cross-validation: first the cue model's penalty,
   * then, when every row has its terms, the lexical part's penalty or none, whichever gives the
   * best cross-validated macro-F1 (ties to the stronger penalty, and to none); a lexical part is
   * only taken if its out-of-fold log-loss is no worse than without it either.
   */
  public static StanceModel.TargetModel train(List<String> features, List<Row> rows, int folds) {
    int[] fold = folds(rows, folds);
    double bestF1 = -1;
    double bestL2 = L2_GRID[L2_GRID.length - 1];
    double[][] bestLogits = null;
    for (double l2 : L2_GRID) {
      double[][] logits = outOfFoldLogits(rows, List.of(), fold, l2);
      double f1 = macroF1(labels(logits, 1.0), gold(rows))[0];
      if (f1 >= bestF1 - 1e-9) {
        bestF1 = f1;
        bestL2 = l2;
        bestLogits = logits;
      }
    }
    double lexicalL2 = 0;
    if (lexical(rows)) {
      double[][][] tried = outOfFold(rows, List.of(), fold, bestL2, LEXICAL_GRID);
      double offLoss = logLoss(bestLogits, rows, temperature(bestLogits, rows));
      for (int g = LEXICAL_GRID.length - 1; g >= 0; g--) {
        double[][] logits = tried[g + 1];
        double f1 = macroF1(labels(logits, 1.0), gold(rows))[0];
        double loss = logLoss(logits, rows, temperature(logits, rows));
        if (f1 > bestF1 + 1e-9 && loss <= offLoss + 1e-9) {
          bestF1 = f1;
          bestLogits = logits;
          lexicalL2 = LEXICAL_GRID[g];
        }
      }
    }
    double temperature = temperature(bestLogits, rows);
    SoftmaxRegression.Fit fit = fit(rows, bestL2);
    StanceLexicon lexicon = lexicalL2 > 0 ? lexicon(rows, fit, lexicalL2) : null;
    double[] f = macroF1(labels(bestLogits, 1.0), gold(rows));
    Map<String, Double> cv = new LinkedHashMap<>();
    cv.put("macroF1", f[0]);
    for (int k = 0; k < StanceModel.CLASSES.size(); k++) {
      cv.put(StanceModel.CLASSES.get(k).name().toLowerCase(java.util.Locale.ROOT), f[k + 1]);
    }
    cv.put("logLoss", logLoss(bestLogits, rows, temperature));
    return new StanceModel.TargetModel(
        features,
        fit.mean(),
        fit.scale(),
        fit.weights(),
        fit.bias(),
        temperature,
        bestL2,
        rows.size(),
        cv,
        reliability(bestLogits, rows, temperature),
        lexicon);
  }

  static boolean lexical(List<Row> rows) {
    return !rows.isEmpty() && rows.stream().allMatch(r -> r.terms() != null);
  }

  /** The lexical part fitted on {@code rows} over the cue model {@code fit}. */
  static StanceLexicon lexicon(List<Row> rows, SoftmaxRegression.Fit fit, double l2) {
    List<String> vocabulary =
        StanceLexicon.vocabulary(rows.stream().map(Row::terms).toList(), StanceLexicon.MIN_DF);
    return new StanceLexicon(vocabulary, fitLexical(rows, fit, vocabulary, l2), l2);
  }

  private static double[][] fitLexical(
      List<Row> rows, SoftmaxRegression.Fit fit, List<String> vocabulary, double l2) {
    Map<String, Integer> index = StanceLexicon.index(vocabulary);
    int[][] idx = new int[rows.size()][];
    double[][] offsets = new double[rows.size()][];
    int[] y = new int[rows.size()];
    double[] w = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      idx[i] = StanceLexicon.indices(rows.get(i).terms(), index);
      offsets[i] = fit.logits(rows.get(i).features());
      y[i] = StanceModel.CLASSES.indexOf(rows.get(i).label());
      w[i] = rows.get(i).weight();
    }
    return LexicalRegression.fit(idx, offsets, y, w, vocabulary.size(), l2);
  }

  /** Fits on every row (each counting its weight) with penalty {@code l2}. */
  static SoftmaxRegression.Fit fit(List<Row> rows, double l2) {
    double[][] x = new double[rows.size()][];
    int[] y = new int[rows.size()];
    double[] w = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      x[i] = rows.get(i).features();
      y[i] = StanceModel.CLASSES.indexOf(rows.get(i).label());
      w[i] = rows.get(i).weight();
    }
    return SoftmaxRegression.fit(x, y, w, StanceModel.CLASSES.size(), l2);
  }

  /**
   * Out-of-fold logits of {@code rows}: each fold predicted by a model fitted on the other folds
   * plus {@code always} (rows every fold trains on, e.g. the profile's earlier training data).
   */
  public static double[][] outOfFoldLogits(
      List<Row> rows, List<Row> always, int[] fold, double l2) {
    return outOfFold(rows, always, fold, l2, new double[0])[0];
  }

  /**
   * As {@link #outOfFoldLogits(List, List, int[], double)}, with a lexical part of penalty {@code
   * lexicalL2} (0: none) learnt, vocabulary included, from each fold's training rows only.
   */
  public static double[][] outOfFoldLogits(
      List<Row> rows, List<Row> always, int[] fold, double l2, double lexicalL2) {
    double[] grid = lexicalL2 > 0 ? new double[] {lexicalL2} : new double[0];
    double[][][] out = outOfFold(rows, always, fold, l2, grid);
    return out[out.length - 1];
  }

  /**
   * Out-of-fold logits without a lexical part ([0]) and with one of each penalty of {@code grid}
   * ([1..]): the cue model is fitted once per fold, the lexical parts over it.
   */
  static double[][][] outOfFold(
      List<Row> rows, List<Row> always, int[] fold, double l2, double[] grid) {
    int k = 0;
    for (int f : fold) {
      k = Math.max(k, f + 1);
    }
    double[][][] out = new double[1 + grid.length][rows.size()][];
    for (int f = 0; f < k; f++) {
      List<Row> train = new ArrayList<>(always);
      for (int i = 0; i < rows.size(); i++) {
        if (fold[i] != f) {
          train.add(rows.get(i));
        }
      }
      SoftmaxRegression.Fit fit = fit(train, l2);
      for (int i = 0; i < rows.size(); i++) {
        if (fold[i] == f) {
          out[0][i] = fit.logits(rows.get(i).features());
        }
      }
      if (grid.length == 0) {
        continue;
      }
      List<String> vocabulary =
          StanceLexicon.vocabulary(train.stream().map(Row::terms).toList(), StanceLexicon.MIN_DF);
      Map<String, Integer> index = StanceLexicon.index(vocabulary);
      for (int g = 0; g < grid.length; g++) {
        double[][] w = fitLexical(train, fit, vocabulary, grid[g]);
        for (int i = 0; i < rows.size(); i++) {
          if (fold[i] == f) {
            out[g + 1][i] =
                LexicalRegression.logits(
                    w, StanceLexicon.indices(rows.get(i).terms(), index), out[0][i]);
          }
        }
      }
    }
    return out;
  }

  /**
   * Fold of each row: shuffled with a fixed seed, then dealt label by label so folds stay balanced.
   */
  public static int[] folds(List<Row> rows, int folds) {
    int k = Math.max(2, Math.min(folds, rows.size()));
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(SEED));
    order.sort(java.util.Comparator.comparing(i -> rows.get(i).label()));
    int[] fold = new int[rows.size()];
    for (int i = 0; i < order.size(); i++) {
      fold[order.get(i)] = i % k;
    }
    return fold;
  }

  /** The temperature (0.25–4) under which the out-of-fold probabilities have the least log-loss. */
  static double temperature(double[][] logits, List<Row> rows) {
    double best = 1.0;
    double bestLoss = Double.MAX_VALUE;
    for (double t = 0.25; t <= 4.0001; t += 0.05) {
      double l = logLoss(logits, rows, t);
      if (l < bestLoss - 1e-12) {
        bestLoss = l;
        best = Math.round(t * 100) / 100.0;
      }
    }
    return best;
  }

  static double logLoss(double[][] logits, List<Row> rows, double temperature) {
    double sum = 0;
    for (int i = 0; i < rows.size(); i++) {
      double[] p = SoftmaxRegression.softmax(logits[i].clone(), temperature);
      sum -= Math.log(Math.max(1e-12, p[StanceModel.CLASSES.indexOf(rows.get(i).label())]));
    }
    return sum / Math.max(1, rows.size());
  }

  /**
   * Confidence bins of out-of-fold predictions: how often a label given with that confidence was
   * right.
   */
  static List<StanceModel.Bin> reliability(double[][] logits, List<Row> rows, double temperature) {
    int bins = BIN_EDGES.length - 1;
    int[] count = new int[bins];
    double[] conf = new double[bins];
    int[] right = new int[bins];
    for (int i = 0; i < rows.size(); i++) {
      double[] p = SoftmaxRegression.softmax(logits[i].clone(), temperature);
      int best = argmax(p);
      int b = 0;
      while (b < bins - 1 && p[best] >= BIN_EDGES[b + 1]) {
        b++;
      }
      count[b]++;
      conf[b] += p[best];
      right[b] += StanceModel.CLASSES.get(best) == rows.get(i).label() ? 1 : 0;
    }
    List<StanceModel.Bin> out = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      out.add(
          new StanceModel.Bin(
              BIN_EDGES[b],
              Math.min(1.0, BIN_EDGES[b + 1]),
              count[b],
              count[b] == 0 ? 0 : conf[b] / count[b],
              count[b] == 0 ? 0 : (double) right[b] / count[b]));
    }
    return out;
  }

  /** The index of the largest of {@code p} (the first, on a tie). */
  public static int argmax(double[] p) {
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }

  /** Probabilities of one row's logits at {@code temperature} (the logits are left as they are). */
  public static double[] probabilities(double[] logits, double temperature) {
    return SoftmaxRegression.softmax(logits.clone(), temperature);
  }

  /** The label of the largest logit of each row. */
  public static StanceLabel[] labels(double[][] logits, double temperature) {
    StanceLabel[] out = new StanceLabel[logits.length];
    for (int i = 0; i < logits.length; i++) {
      out[i] = StanceModel.CLASSES.get(argmax(logits[i]));
    }
    return out;
  }

  static StanceLabel[] gold(List<Row> rows) {
    return rows.stream().map(Row::label).toArray(StanceLabel[]::new);
  }

  /** Macro-F1 over the three labels, then the F1 of favor, against, neutral; null gold skipped. */
  public static double[] macroF1(StanceLabel[] predicted, StanceLabel[] gold) {
    double[] out = new double[1 + StanceModel.CLASSES.size()];
    for (int k = 0; k < StanceModel.CLASSES.size(); k++) {
      StanceLabel l = StanceModel.CLASSES.get(k);
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
      out[k + 1] = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
      out[0] += out[k + 1] / StanceModel.CLASSES.size();
    }
    return out;
  }
}
