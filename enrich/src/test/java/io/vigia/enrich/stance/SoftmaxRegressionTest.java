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

  @Test
  void shouldCountARowOfWeightTwoAsTwoCopiesOfIt() {
    // Weighting the first ten rows twice is fitting them twice: same standardisation, same loss.
    double[][] copies = new double[x.length + 10][];
    int[] yc = new int[x.length + 10];
    double[] weight = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      copies[i] = x[i];
      yc[i] = y[i];
      weight[i] = i < 10 ? 2 : 1;
    }
    for (int i = 0; i < 10; i++) {
      copies[x.length + i] = x[i];
      yc[x.length + i] = y[i];
    }
    SoftmaxRegression.Fit twice = SoftmaxRegression.fit(copies, yc, 3, 0.1);
    SoftmaxRegression.Fit weighted = SoftmaxRegression.fit(x, y, weight, 3, 0.1);
    SoftmaxRegression.Fit once = SoftmaxRegression.fit(x, y, 3, 0.1);
    assertThat(weighted.mean())
        .containsExactly(twice.mean(), org.assertj.core.data.Offset.offset(1e-9));
    for (int k = 0; k < 3; k++) {
      assertThat(weighted.weights()[k])
          .containsExactly(twice.weights()[k], org.assertj.core.data.Offset.offset(1e-4));
    }
    assertThat(norm(once.weights()) - norm(twice.weights()))
        .isNotCloseTo(0, org.assertj.core.data.Offset.offset(1e-3));
    // Weights of 1 are the unweighted fit, bit for bit.
    SoftmaxRegression.Fit ones =
        SoftmaxRegression.fit(x, y, SoftmaxRegression.ones(x.length), 3, 0.1);
    for (int k = 0; k < 3; k++) {
      assertThat(ones.weights()[k]).containsExactly(once.weights()[k]);
    }
  }

  @Test
  void shouldLetHeavilyWeightedRowsMoveTheBoundary() {
    // Bundled rows: favor from +0.5 to +1.4, neutral around 0, against from -0.5 to -1.4 (ten
    // each). Added rows: neutral at about +0.6 and -0.6. Counted once, the added rows leave +0.6
    // favor; counted eight times, they make it neutral: the weight decides.
    java.util.List<StanceTraining.Row> base = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      base.add(
          new StanceTraining.Row(new double[] {0.5 + 0.1 * i}, io.vigia.schemas.StanceLabel.FAVOR));
      base.add(
          new StanceTraining.Row(
              new double[] {-0.3 + 0.06 * i}, io.vigia.schemas.StanceLabel.NEUTRAL));
      base.add(
          new StanceTraining.Row(
              new double[] {-0.5 - 0.1 * i}, io.vigia.schemas.StanceLabel.AGAINST));
    }
    java.util.List<StanceTraining.Row> added = new java.util.ArrayList<>();
    for (double x : new double[] {0.6, 0.62, -0.6, -0.62}) {
      added.add(new StanceTraining.Row(new double[] {x}, io.vigia.schemas.StanceLabel.NEUTRAL));
    }
    assertThat(label(base, added, 1)).isEqualTo(io.vigia.schemas.StanceLabel.FAVOR);
    assertThat(label(base, added, 8)).isEqualTo(io.vigia.schemas.StanceLabel.NEUTRAL);
  }

  private static io.vigia.schemas.StanceLabel label(
      java.util.List<StanceTraining.Row> base, java.util.List<StanceTraining.Row> added, double w) {
    java.util.List<StanceTraining.Row> rows = new java.util.ArrayList<>(base);
    added.forEach(r -> rows.add(r.weighted(w)));
    SoftmaxRegression.Fit fit = StanceTraining.fit(rows, 0.01);
    return StanceModel.CLASSES.get(StanceTraining.argmax(fit.logits(new double[] {0.6})));
  }
}
