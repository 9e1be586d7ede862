package io.vigia.enrich.stance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {
  /** Three noisy clusters in two dimensions, one per class. */
  private static double[][] x;

  private static int[] y;

  static {
    Random r = new Random(7);
    x = new double[90][];
    y = new int[90];
    double[][] centres = {{2, 0}, {-2, 0}, {0, 2}};
    for (int i = 0; i < 90; i++) {
      y[i] = i % 3;
      x[i] =
          new double[] {
            centres[y[i]][0] + r.nextGaussian(),
            centres[y[i]][1] + r.nextGaussian(),
            r.nextGaussian()
          };
    }
  }

  @Test
  void shouldConvergeToASmallGradientWellBeforeTheIterationLimit() {
    SoftmaxRegression.Fit fit = SoftmaxRegression.fit(x, y, 3, 0.1);
    assertThat(fit.iterations()).isLessThan(SoftmaxRegression.MAX_ITERATIONS);
    int right = 0;
    for (int i = 0; i < x.length; i++) {
      right += StanceTraining.argmax(fit.logits(x[i])) == y[i] ? 1 : 0;
    }
    assertThat(right).isGreaterThan(75);
  }

  @Test
  void shouldShrinkTheWeightsAsThePenaltyGrows() {
    double weak = norm(SoftmaxRegression.fit(x, y, 3, 0.01).weights());
    double strong = norm(SoftmaxRegression.fit(x, y, 3, 3.0).weights());
    assertThat(strong).isLessThan(weak / 3);
  }

  @Test
  void shouldGiveANeverVaryingFeatureNoInfluence() {
    double[][] withConstant = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      withConstant[i] = new double[] {x[i][0], x[i][1], 5.0};
    }
    SoftmaxRegression.Fit fit = SoftmaxRegression.fit(withConstant, y, 3, 0.1);
    for (double[] w : fit.weights()) {
      assertThat(w[2]).isEqualTo(0.0);
    }
  }

  @Test
  void shouldMakeProbabilitiesThatSumToOneAndSharpenAsTemperatureFalls() {
    double[] warm = SoftmaxRegression.softmax(new double[] {1, 0, -1}, 2.0);
    double[] cold = SoftmaxRegression.softmax(new double[] {1, 0, -1}, 0.5);
    assertThat(warm[0] + warm[1] + warm[2])
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(cold[0]).isGreaterThan(warm[0]);
  }

  private static double norm(double[][] w) {
    double s = 0;
    for (double[] row : w) {
      for (double v : row) {
        s += v * v;
      }
    }
    return Math.sqrt(s);
  }
}
