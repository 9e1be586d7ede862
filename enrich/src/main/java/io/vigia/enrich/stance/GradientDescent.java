package io.vigia.enrich.stance;

/**
 * Full-batch gradient descent with a backtracking step, for the small convex losses the stance
 * model fits (the cue model's softmax regression and the lexical part on top of it): the step is
 * halved until the loss does not rise, then tried 1.2 times larger on the next iteration. It stops
 * when no gradient entry exceeds the tolerance or after the maximum of iterations.
 */
final class GradientDescent {
  /** A loss over weights held as rows, and its gradient, written into rows of the same shape. */
  interface Objective {
    double loss(double[][] weights);

    void gradient(double[][] weights, double[][] into);
  }

  /** The weights reached and how many iterations it took (the maximum when it did not converge). */
  record Minimum(double[][] weights, int iterations) {}

  private GradientDescent() {}

  /** Minimises {@code objective} from {@code start} (not modified). */
  static Minimum minimise(
      double[][] start,
      Objective objective,
      double firstStep,
      double tolerance,
      int maxIterations) {
    double[][] w = start;
    double[][] g = sameShape(start);
    double step = firstStep;
    double loss = objective.loss(w);
    int it = 0;
    for (; it < maxIterations; it++) {
      objective.gradient(w, g);
      if (maxAbs(g) < tolerance) {
        break;
      }
      while (true) {
        double[][] next = sameShape(w);
        for (int r = 0; r < w.length; r++) {
          for (int j = 0; j < w[r].length; j++) {
            next[r][j] = w[r][j] - step * g[r][j];
          }
        }
        double l = objective.loss(next);
        if (l <= loss || step < 1e-8) {
          w = next;
          loss = l;
          step *= 1.2;
          break;
        }
        step /= 2;
      }
    }
    return new Minimum(w, it);
  }

  private static double[][] sameShape(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      out[r] = new double[rows[r].length];
    }
    return out;
  }

  private static double maxAbs(double[][] rows) {
    double max = 0;
    for (double[] row : rows) {
      for (double v : row) {
        max = Math.max(max, Math.abs(v));
      }
    }
    return max;
  }
}
