package io.vigia.enrich.stance;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LexicalRegressionTest {
  /** Six rows over four terms, with cue-model logits that leave some of them wrong. */
  private static final int[][] IDX = {{0, 1}, {1, 2}, {0, 3}, {2, 3}, {0}, {3}};

  private static final double[][] OFFSETS = {
    {0.5, 0, 0}, {0, 0.2, 0}, {0, 0, 0.3}, {0.1, 0, 0}, {0, 0, 0}, {0, 0.4, 0}
  };
  private static final int[] Y = {0, 1, 2, 1, 0, 2};

  @Test
  void shouldCountARowOfWeightThreeAsThreeCopiesOfIt() {
    int[][] idx = new int[IDX.length + 2][];
    double[][] offsets = new double[IDX.length + 2][];
    int[] y = new int[IDX.length + 2];
    double[] weight = new double[IDX.length];
    for (int i = 0; i < IDX.length; i++) {
      idx[i] = IDX[i];
      offsets[i] = OFFSETS[i];
      y[i] = Y[i];
      weight[i] = i == 3 ? 3 : 1;
    }
    for (int c = 0; c < 2; c++) {
      idx[IDX.length + c] = IDX[3];
      offsets[IDX.length + c] = OFFSETS[3];
      y[IDX.length + c] = Y[3];
    }
    double[][] copies = LexicalRegression.fit(idx, offsets, y, 4, 0.01);
    double[][] weighted = LexicalRegression.fit(IDX, OFFSETS, Y, weight, 4, 0.01);
    double[][] once = LexicalRegression.fit(IDX, OFFSETS, Y, 4, 0.01);
    for (int k = 0; k < 3; k++) {
      assertThat(weighted[k]).containsExactly(copies[k], Offset.offset(1e-3));
    }
    assertThat(Math.abs(once[1][2] - copies[1][2])).isGreaterThan(1e-2);
    double[][] ones = LexicalRegression.fit(IDX, OFFSETS, Y, SoftmaxRegression.ones(6), 4, 0.01);
    for (int k = 0; k < 3; k++) {
      assertThat(ones[k]).containsExactly(once[k]);
    }
  }
}
