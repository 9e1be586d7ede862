package io.vigia.enrich.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.enrich.stance.StanceCues;
import io.vigia.enrich.stance.StanceModel;
import io.vigia.enrich.stance.StanceTraining;
import io.vigia.schemas.StanceLabel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleWeightingTest {
  private static final List<String> FEATURES = List.of("x");

  /**
   * The profile's rows (one feature): favor from +0.5 to +1.4, neutral around 0, against from -0.5
   * to -1.4, ten each. The analyst's: four neutral at about +0.6 and -0.6, where the profile's data
   * says favor and against: their own sources write mildly and mean nothing by it.
   */
  private static List<StanceTraining.Row> base() {
    List<StanceTraining.Row> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(row(0.5 + 0.1 * i, StanceLabel.FAVOR));
      rows.add(row(-0.3 + 0.06 * i, StanceLabel.NEUTRAL));
      rows.add(row(-0.5 - 0.1 * i, StanceLabel.AGAINST));
    }
    return rows;
  }

  private static List<StanceTraining.Row> added() {
    return List.of(
        row(0.6, StanceLabel.NEUTRAL),
        row(0.62, StanceLabel.NEUTRAL),
        row(-0.6, StanceLabel.NEUTRAL),
        row(-0.62, StanceLabel.NEUTRAL));
  }

  private static StanceTraining.Row row(double x, StanceLabel label) {
    return new StanceTraining.Row(new double[] {x}, label);
  }

  private static StanceLabel label(StanceModel.TargetModel m, double x) {
    double[] p = m.probabilities(new double[] {x});
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      best = p[k] > p[best] ? k : best;
    }
    return StanceModel.CLASSES.get(best);
  }

  @Test
  void shouldWeighTheAnalystsExamplesMoreWhenCrossValidationInsideThemSaysSo() {
    StanceLearner plain = new StanceLearner(StanceCues.none(), 4, false, ExampleWeighting.none());
    StanceLearner.Choice once = plain.choose(FEATURES, base(), added());
    assertThat(once.weight()).isEqualTo(1.0);
    assertThat(label(once.model(), 0.6)).isEqualTo(StanceLabel.FAVOR);

    StanceLearner weighing =
        new StanceLearner(StanceCues.none(), 4, false, ExampleWeighting.chosen());
    StanceLearner.Choice chosen = weighing.choose(FEATURES, base(), added());
    assertThat(chosen.weight()).isGreaterThan(1.0);
    assertThat(chosen.tried()).containsKeys(1.0, 2.0, 4.0, 8.0, 7.5); // 7.5: 30 rows over 4
    assertThat(chosen.tried().get(chosen.weight())).isGreaterThan(chosen.tried().get(1.0));
    // The decision the weight flips: an article written like the analyst's, at +0.6.
    assertThat(label(chosen.model(), 0.6)).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(StanceTraining.macroF1(chosen.outOfFold(), gold(added()))[0])
        .isGreaterThan(StanceTraining.macroF1(once.outOfFold(), gold(added()))[0]);
  }

  @Test
  void shouldKeepWeightOneWhenTheExamplesAgreeWithTheProfilesData() {
    List<StanceTraining.Row> agreeing = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      agreeing.add(row(1.1 + 0.01 * i, StanceLabel.FAVOR));
      agreeing.add(row(-1.1 - 0.01 * i, StanceLabel.AGAINST));
      agreeing.add(row(0.01 * i, StanceLabel.NEUTRAL));
    }
    StanceLearner.Choice c =
        new StanceLearner(StanceCues.none(), 3, false, ExampleWeighting.chosen())
            .choose(FEATURES, base(), agreeing);
    // Every weight gets them all right: ties go to the smallest.
    assertThat(c.weight()).isEqualTo(1.0);
  }

  @Test
  void shouldBalanceSkewedLabelsSoThatEachLabelWeighsAlike() {
    List<StanceTraining.Row> skewed = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      skewed.add(row(i, StanceLabel.AGAINST));
    }
    skewed.add(row(0, StanceLabel.FAVOR));
    skewed.add(row(0, StanceLabel.NEUTRAL));
    skewed.add(row(1, StanceLabel.NEUTRAL));
    assertThat(ExampleWeighting.skewed(skewed)).isTrue();
    assertThat(ExampleWeighting.skewed(added())).isTrue(); // no favor, no against
    assertThat(ExampleWeighting.skewed(base())).isFalse();
    List<StanceTraining.Row> w = ExampleWeighting.weigh(skewed, 2, true);
    for (StanceLabel l : StanceModel.CLASSES) {
      double total =
          w.stream().filter(r -> r.label() == l).mapToDouble(StanceTraining.Row::weight).sum();
      assertThat(total).isCloseTo(2.0 * 9 / 3, org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(ExampleWeighting.weigh(skewed, 2, false)).allMatch(r -> r.weight() == 2.0);
    assertThat(new ExampleWeighting(4.0, ExampleWeighting.ClassBalance.AUTO).balances(skewed))
        .isTrue();
    assertThat(new ExampleWeighting(4.0, ExampleWeighting.ClassBalance.OFF).balances(skewed))
        .isFalse();
  }

  @Test
  void shouldTryOnlyAGivenWeightAndRefuseANonPositiveOne() {
    assertThat(new ExampleWeighting(4.0, ExampleWeighting.ClassBalance.OFF).candidates(98, 40))
        .containsExactly(4.0);
    assertThat(ExampleWeighting.chosen().candidates(98, 40))
        .containsExactly(1.0, 2.0, 4.0, 8.0, 2.45);
    assertThat(ExampleWeighting.chosen().candidates(20, 40)).containsExactly(1.0, 2.0, 4.0, 8.0);
    assertThatThrownBy(() -> new ExampleWeighting(0.0, ExampleWeighting.ClassBalance.OFF))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static StanceLabel[] gold(List<StanceTraining.Row> rows) {
    return rows.stream().map(StanceTraining.Row::label).toArray(StanceLabel[]::new);
  }
}
