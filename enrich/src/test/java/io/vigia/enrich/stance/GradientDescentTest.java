package io.vigia.enrich.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GradientDescentTest {
  /** (a - 3)^2 + 10 (b + 1)^2 over rows of different lengths: minimum at a = 3, b = -1. */
  private static final GradientDescent.Objective BOWL =
      new GradientDescent.Objective() {
        @Override
        public double loss(double[][] w) {
          return Math.pow(w[0][0] - 3, 2) + 10 * Math.pow(w[1][0] + 1, 2);
        }

        @Override
        public void gradient(double[][] w, double[][] into) {
          into[0][0] = 2 * (w[0][0] - 3);
          into[1][0] = 20 * (w[1][0] + 1);
        }
      };

  @Test
  void shouldReachTheMinimumWithoutTouchingTheStart() {
    double[][] start = {{0}, {0}};
    GradientDescent.Minimum min = GradientDescent.minimise(start, BOWL, 1.0, 1e-8, 10_000);
    assertThat(min.weights()[0][0]).isCloseTo(3, within(1e-6));
    assertThat(min.weights()[1][0]).isCloseTo(-1, within(1e-6));
    assertThat(min.iterations()).isPositive().isLessThan(10_000);
    assertThat(start[0][0]).isZero();
  }

  @Test
  void shouldStopAtTheMaximumOfIterations() {
    GradientDescent.Minimum min =
        GradientDescent.minimise(new double[][] {{0}, {0}}, BOWL, 1.0, 1e-8, 3);
    assertThat(min.iterations()).isEqualTo(3);
    assertThat(BOWL.loss(min.weights())).isLessThan(BOWL.loss(new double[][] {{0}, {0}}));
  }

  @Test
  void shouldStopAtOnceWhenTheStartIsTheMinimum() {
    GradientDescent.Minimum min =
        GradientDescent.minimise(new double[][] {{3}, {-1}}, BOWL, 1.0, 1e-8, 100);
    assertThat(min.iterations()).isZero();
  }
}
