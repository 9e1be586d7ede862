package io.vigia.enrich.stance;

import java.util.Arrays;

/**
 * Multinomial logistic regression with an L2 penalty, fitted by full-batch gradient descent on
 * standardised features. The problem is convex, and with tens to hundreds of articles and a few
 * dozen features a full pass costs microseconds, so plain descent to a small gradient is enough.
 * The penalty is what keeps a family seen in three articles from deciding alone: with so few
 * examples an unpenalised model memorises them.
 */
final class SoftmaxRegression {
  static final int MAX_ITERATIONS = 4000;
  static final double TOLERANCE = 1e-6;

  /** A fitted model on standardised features; {@code iterations} how many steps it took. */
  record Fit(double[] mean, double[] scale, double[][] weights, double[] bias, int iterations) {
    double[] logits(double[] raw) {
      double[] z = new double[raw.length];
      for (int j = 0; j < raw.length; j++) {
        z[j] = (raw[j] - mean[j]) / scale[j];
      }
      double[] out = new double[weights.length];
      for (int k = 0; k < weights.length; k++) {
        double s = bias[k];
        for (int j = 0; j < z.length; j++) {
          s += weights[k][j] * z[j];
        }
        out[k] = s;
      }
      return out;
    }
  }

  private SoftmaxRegression() {}

  /** Fits {@code classes} classes to rows {@code x} with labels {@code y} (0..classes-1). */
  static Fit fit(double[][] x, int[] y, int classes, double l2) {
    return fit(x, y, null, classes, l2);
  }

  /**
   * As {@link #fit(double[][], int[], int, double)}, each row counting {@code weight[i]} times
   * (null: once each) in the mean log-likelihood and in the standardisation; weights of 1 give the
   * unweighted fit exactly.
   */
  static Fit fit(double[][] x, int[] y, double[] weight, int classes, double l2) {
    int n = x.length;
    int d = n == 0 ? 0 : x[0].length;
    double[] w = weight != null ? weight : ones(n);
    double total = sum(w);
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i][j] * w[i] / total;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        scale[j] += (x[i][j] - mean[j]) * (x[i][j] - mean[j]) * w[i] / total;
      }
    }
    for (int j = 0; j < d; j++) {
      // A feature that never varies in training stays out (scale 1, centred values exactly 0).
      if (scale[j] < 1e-12) {
        scale[j] = 1;
        mean[j] = x[0][j];
      } else {
        scale[j] = Math.sqrt(scale[j]);
      }
    }
    double[][] z = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        z[i][j] = (x[i][j] - mean[j]) / scale[j];
      }
    }
    // The weights, one row per class, and the biases as one more row.
    double[][] start = new double[classes + 1][];
    for (int k = 0; k < classes; k++) {
      start[k] = new double[d];
    }
    start[classes] = new double[classes];
    GradientDescent.Objective objective =
        new GradientDescent.Objective() {
          @Override
          public double loss(double[][] wb) {
            return SoftmaxRegression.loss(
                z, y, w, total, Arrays.copyOf(wb, classes), wb[classes], l2);
          }

          @Override
          public void gradient(double[][] wb, double[][] into) {
            SoftmaxRegression.gradient(
                z,
                y,
                w,
                total,
                Arrays.copyOf(wb, classes),
                wb[classes],
                l2,
                Arrays.copyOf(into, classes),
                into[classes]);
          }
        };
    GradientDescent.Minimum min =
        GradientDescent.minimise(start, objective, 0.5, TOLERANCE, MAX_ITERATIONS);
    double[][] wb = min.weights();
    return new Fit(mean, scale, Arrays.copyOf(wb, classes), wb[classes], min.iterations());
  }

  /** Mean negative log-likelihood plus the penalty (l2 / 2 times the squared weights). */
  static double loss(double[][] z, int[] y, double[][] w, double[] b, double l2) {
    return loss(z, y, ones(z.length), z.length, w, b, l2);
  }

  /**
   * Weighted mean negative log-likelihood (row i counts {@code rw[i]} of {@code total}) plus the
   * penalty.
   */
  static double loss(
      double[][] z, int[] y, double[] rw, double total, double[][] w, double[] b, double l2) {
    double sum = 0;
    double[] p = new double[b.length];
    for (int i = 0; i < z.length; i++) {
      probabilities(z[i], w, b, p);
      sum -= rw[i] * Math.log(Math.max(p[y[i]], 1e-300));
    }
    return sum / Math.max(1, total) + l2 / 2 * squaredNorm(w);
  }

  static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  static double[] ones(int n) {
    double[] out = new double[n];
    Arrays.fill(out, 1.0);
    return out;
  }

  /** The sum of the squared weights: what the L2 penalty counts. */
  static double squaredNorm(double[][] w) {
    double sum = 0;
    for (double[] row : w) {
      for (double v : row) {
        sum += v * v;
      }
    }
    return sum;
  }

  private static void gradient(
      double[][] z,
      int[] y,
      double[] rw,
      double total,
      double[][] w,
      double[] b,
      double l2,
      double[][] gw,
      double[] gb) {
    int n = z.length;
    Arrays.fill(gb, 0);
    for (int k = 0; k < w.length; k++) {
      for (int j = 0; j < w[k].length; j++) {
        gw[k][j] = l2 * w[k][j];
      }
    }
    double[] p = new double[b.length];
    for (int i = 0; i < n; i++) {
      probabilities(z[i], w, b, p);
      for (int k = 0; k < b.length; k++) {
        double err = (p[k] - (y[i] == k ? 1 : 0)) * rw[i] / total;
        gb[k] += err;
        for (int j = 0; j < z[i].length; j++) {
          gw[k][j] += err * z[i][j];
        }
      }
    }
  }

  private static void probabilities(double[] z, double[][] w, double[] b, double[] out) {
    for (int k = 0; k < b.length; k++) {
      double s = b[k];
      for (int j = 0; j < z.length; j++) {
        s += w[k][j] * z[j];
      }
      out[k] = s;
    }
    softmax(out, 1.0);
  }

  /** In place: logits divided by {@code temperature}, to probabilities. */
  static double[] softmax(double[] logits, double temperature) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logits) {
      max = Math.max(max, v / temperature);
    }
    double sum = 0;
    for (int k = 0; k < logits.length; k++) {
      logits[k] = Math.exp(logits[k] / temperature - max);
      sum += logits[k];
    }
    for (int k = 0; k < logits.length; k++) {
      logits[k] /= sum;
    }
    return logits;
  }
}
