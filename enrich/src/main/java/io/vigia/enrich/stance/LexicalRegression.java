package io.vigia.enrich.stance;

/**
 * Fits the weights of a {@link StanceLexicon} on top of a fitted cue model: multinomial logistic
 * loss of (cue-model logits + lexical logits) with an L2 penalty on the lexical weights only, by
 * full-batch gradient descent ({@link GradientDescent}) over sparse rows (an article has a few
 * hundred terms of a vocabulary of thousands). No bias: the cue model has one. What the words add
 * is what the cue model, held fixed, leaves unexplained.
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
    return fit(idx, offsets, y, null, terms, l2);
  }

  /** As above, row i counting {@code weight[i]} times (null: once each) in the mean loss. */
  static double[][] fit(
      int[][] idx, double[][] offsets, int[] y, double[] weight, int terms, double l2) {
    double[] rw = weight != null ? weight : SoftmaxRegression.ones(idx.length);
    double sumOfWeights = SoftmaxRegression.sum(rw);
    int classes = offsets.length == 0 ? StanceModel.CLASSES.size() : offsets[0].length;
    GradientDescent.Objective objective =
        new GradientDescent.Objective() {
          @Override
          public double loss(double[][] w) {
            return LexicalRegression.loss(idx, offsets, y, rw, sumOfWeights, w, l2);
          }

          @Override
          public void gradient(double[][] w, double[][] into) {
            LexicalRegression.gradient(idx, offsets, y, rw, sumOfWeights, w, l2, into);
          }
        };
    return GradientDescent.minimise(
            new double[classes][terms], objective, 1.0, TOLERANCE, MAX_ITERATIONS)
        .weights();
  }

  static double[] logits(double[][] w, int[] idx, double[] offset) {
    double[] out = offset.clone();
    StanceLexicon.add(w, idx, out);
    return out;
  }

  private static double loss(
      int[][] idx,
      double[][] offsets,
      int[] y,
      double[] rw,
      double total,
      double[][] w,
      double l2) {
    double sum = 0;
    for (int i = 0; i < idx.length; i++) {
      double[] p = SoftmaxRegression.softmax(logits(w, idx[i], offsets[i]), 1.0);
      sum -= rw[i] * Math.log(Math.max(p[y[i]], 1e-300));
    }
    return sum / Math.max(1, total) + l2 / 2 * SoftmaxRegression.squaredNorm(w);
  }

  private static void gradient(
      int[][] idx,
      double[][] offsets,
      int[] y,
      double[] rw,
      double total,
      double[][] w,
      double l2,
      double[][] g) {
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
        double err = (p[k] - (y[i] == k ? 1 : 0)) * rw[i] / total * v;
        for (int j : idx[i]) {
          g[k][j] += err;
        }
      }
    }
  }
}
