package io.vigia.enrich.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.schemas.StanceLabel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutletLeanChoiceTest {
  private static final StanceLabel F = StanceLabel.FAVOR;
  private static final StanceLabel A = StanceLabel.AGAINST;
  private static final StanceLabel N = StanceLabel.NEUTRAL;

  /** Logits (favor, against, neutral) of a model unsure between neutral and the rest. */
  private static final double[] UNSURE = {0.0, 0.0, 0.3};

  @Test
  void shouldTakeTheOutletsLeanWhenTheOtherFoldsShowIt() {
    // Two outlets, each steady in its lean, the model unsure on all of them: each example sees
    // its outlet's other articles in the other folds only.
    StanceLabel[] gold = {F, F, F, F, A, A, A, A, N, N};
    String[] outlets = {
      "s.example",
      "s.example",
      "s.example",
      "s.example",
      "o.example",
      "o.example",
      "o.example",
      "o.example",
      null,
      null
    };
    int[] fold = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
    double[][] logits = new double[gold.length][];
    for (int i = 0; i < gold.length; i++) {
      logits[i] = UNSURE.clone();
    }
    OutletLeanChoice.Result r = OutletLeanChoice.choose(logits, 1.0, gold, outlets, fold, Map.of());
    assertThat(r.strength()).isGreaterThan(0);
    assertThat(r.outOfFold()).containsExactly(gold);
    assertThat(r.tried().get(0.0)).isLessThan(r.tried().get(r.strength()));
  }

  @Test
  void shouldNeverLetAnExampleSeeItsOwnLabel() {
    // Every outlet has one article: nothing in the other folds speaks for it, so no strength can
    // help and 0 stays.
    StanceLabel[] gold = {F, A, N, F, A, N};
    String[] outlets = {
      "a.example", "b.example", "c.example", "d.example", "e.example", "f.example"
    };
    int[] fold = {0, 1, 2, 0, 1, 2};
    double[][] logits = new double[gold.length][];
    for (int i = 0; i < gold.length; i++) {
      logits[i] = UNSURE.clone();
    }
    OutletLeanChoice.Result r = OutletLeanChoice.choose(logits, 1.0, gold, outlets, fold, Map.of());
    assertThat(r.strength()).isZero();
    assertThat(r.outOfFold()).containsOnly(N);
  }

  @Test
  void shouldKeepZeroWhenOutletsDoNotLeanOneWay() {
    // Each outlet's articles go both ways; the model is right on its own.
    StanceLabel[] gold = {F, A, F, A};
    String[] outlets = {"m.example", "m.example", "k.example", "k.example"};
    int[] fold = {0, 1, 0, 1};
    double[][] logits = {{1, 0, 0}, {0, 1, 0}, {1, 0, 0}, {0, 1, 0}};
    OutletLeanChoice.Result r = OutletLeanChoice.choose(logits, 1.0, gold, outlets, fold, Map.of());
    assertThat(r.strength()).isZero();
    assertThat(r.outOfFold()).containsExactly(gold);
  }

  @Test
  void shouldUseWhatEarlierVersionsKnewOfAnOutlet() {
    StanceLabel[] gold = {A, A};
    String[] outlets = {"o.example", "o.example"};
    int[] fold = {0, 0}; // the same fold: only the earlier version's labels speak for the outlet
    double[][] logits = {UNSURE.clone(), UNSURE.clone()};
    OutletLeanChoice.Result none =
        OutletLeanChoice.choose(logits, 1.0, gold, outlets, fold, Map.of());
    assertThat(none.strength()).isZero();
    OutletLeanChoice.Result earlier =
        OutletLeanChoice.choose(
            logits, 1.0, gold, outlets, fold, Map.of("o.example", new int[] {0, 3, 0}));
    assertThat(earlier.strength()).isGreaterThan(0);
    assertThat(earlier.outOfFold()).containsOnly(A);
  }
}
