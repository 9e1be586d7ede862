package io.vigia.enrich.stance;

/**
 * Fits the weights of a {@link StanceLexicon} on top of a fitted cue model: multinomial logistic
 * loss of (cue-model logits + lexical logits) with an L2 penalty on the lexical weights only, by
 * full-batch gradient descent with backtracking over sparse rows (an article has a few hundred
 * terms of a vocabulary of thousands). No bias: the cue model has one. What the words add is what
 * the cue model, held fixed, leaves unexplained.
 */
final class LexicalRegression {
  static final int MAX_ITERATIONS = 1500;
  static final double TOLERANCE = 1e-5;

  private LexicalRegression() {}

  /**
   * Weights [class][term] for rows of term indices {@code idx} (sorted, distinct) with labels
   * {@code y} and fixed cue-model logits {@code offsets}.
   */
  static double[][] fit(int[][] idx, double[][] offsets, int[] y, int terms, double l2) {
    int classes = offsets.length == 0 ? StanceModel.CLASSES.size() : offsets[0].length;
    double[][] w = new double[classes][terms];
    double[][] g = new double[classes][terms];
    double step = 1.0;
    double loss = loss(idx, offsets, y, w, l2);
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      gradient(idx, offsets, y, w, l2, g);
      double norm = 0;
      for (double[] row : g) {
        for (double v : row) {
          norm = Math.max(norm, Math.abs(v));
        }
      }
      if (norm < TOLERANCE) {
        break;
      }
      while (true) {
        double[][] w2 = new double[classes][terms];
        for (int k = 0; k < classes; k++) {
          for (int j = 0; j < terms; j++) {
            w2[k][j] = w[k][j] - step * g[k][j];
          }
        }
        double l = loss(idx, offsets, y, w2, l2);
        if (l <= loss || step < 1e-8) {
          w = w2;
          loss = l;
          step *= 1.2;
          break;
        }
        step /= 2;
      }
    }
    return w;
  }

  static double[] logits(double[][] w, int[] idx, double[] offset) {
    double[] out = offset.clone();
    StanceLexicon.add(w, idx, out);
    return out;
  }

  private static double loss(int[][] idx, double[][] offsets, int[] y, double[][] w, double l2) {
    double sum = 0;
    for (int i = 0; i < idx.length; i++) {
      double[] p = SoftmaxRegression.softmax(logits(w, idx[i], offsets[i]), 1.0);
      sum -= Math.log(Math.max(p[y[i]], 1e-300));
    }
    return sum / Math.max(1, idx.length) + l2 / 2 * SoftmaxRegression.squaredNorm(w);
  }

  private static void gradient(
      int[][] idx, double[][] offsets, int[] y, double[][] w, double l2, double[][] g) {
    int n = idx.length;
    for (int k = 0; k < w.length; k++) {
      for (int j = 0; j < w[k].length; j++) {
        g[k][j] = l2 * w[k][j];
      }
    }
    for (int i = 0; i < n; i++) {
      double[] p = SoftmaxRegression.softmax(logits(w, idx[i], offsets[i]), 1.0);
      double v = StanceLexicon.value(idx[i].length);
      for (int k = 0; k < w.length; k++) {
        double err = (p[k] - (y[i] == k ? 1 : 0)) / n * v;
        for (int j : idx[i]) {
          g[k][j] += err;
        }
      }
    }
  }
}
