package io.vigia.enrich.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.common.profile.WatchProfile;
import io.vigia.schemas.StanceLabel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StanceCalibrationTest {
  private final CueStanceScorer scorer =
      new CueStanceScorer(
          StanceCues.from(
              WatchProfile.load("venezuela-elections").readTree("stance.yaml").orElseThrow(),
              "bundled"));

  private static List<StanceCalibration.Example> examples() {
    List<StanceCalibration.Example> out = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      out.add(
          new StanceCalibration.Example(
              "t" + i,
              "The regime held a sham vote; the dictatorship jailed critics " + i + ".",
              StanceLabel.AGAINST));
      out.add(
          new StanceCalibration.Example(
              "t" + i,
              "Una victoria histórica del pueblo contra la injerencia imperialista " + i + ".",
              StanceLabel.FAVOR));
      out.add(
          new StanceCalibration.Example(
              "t" + i,
              "The council set the date of the vote for July " + i + ".",
              StanceLabel.NEUTRAL));
    }
    return out;
  }

  @Test
  void shouldFindThresholdsThatSeparateCleanlyLabelledExamples() {
    StanceCalibration.Result r =
        StanceCalibration.calibrate(scorer, "maduro-government", examples(), 3);
    assertThat(r.fittedMacroF1()).isEqualTo(1.0);
    assertThat(r.crossValidatedMacroF1()).isEqualTo(1.0);
    assertThat(r.favorThreshold()).isPositive();
    assertThat(r.examples()).isEqualTo(12);
  }

  @Test
  void shouldComputeMacroF1OverTheThreeLabels() {
    StanceLabel[] gold = {
      StanceLabel.FAVOR, StanceLabel.AGAINST, StanceLabel.NEUTRAL, StanceLabel.NEUTRAL
    };
    StanceLabel[] predicted = {
      StanceLabel.FAVOR, StanceLabel.NEUTRAL, StanceLabel.NEUTRAL, StanceLabel.NEUTRAL
    };
    // favor F1 1, against F1 0, neutral F1 2*2/(2*2+1) = 0.8
    assertThat(StanceCalibration.macroF1(predicted, gold))
        .isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void shouldNameTheTargetsWhenAskedForAnUnknownOne() {
    assertThatThrownBy(() -> StanceCalibration.calibrate(scorer, "nobody", examples(), 3))
        .hasMessageContaining("maduro-government");
  }

  @Test
  void shouldLearnThatQuotedCuesCountLessWhenNeutralReportsQuoteTheHarshWords() {
    CueStanceScorer naive = new CueStanceScorer(scorer.cues().withFactors(1.0, 1.0, 2.5, 0.5, 1.0));
    List<StanceCalibration.Example> examples = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      examples.add(
          new StanceCalibration.Example(
              "Vote " + i, "The regime held a sham vote and jailed critics.", StanceLabel.AGAINST));
      examples.add(
          new StanceCalibration.Example(
              "Vote " + i,
              "\u201CThe regime held a sham vote and jailed critics,\u201D the opposition leader told reporters.",
              StanceLabel.NEUTRAL));
      examples.add(
          new StanceCalibration.Example(
              "Voto " + i,
              "Una victoria histórica del pueblo contra la injerencia.",
              StanceLabel.FAVOR));
    }
    StanceCalibration.Result thresholdsOnly =
        StanceCalibration.calibrate(naive, "maduro-government", examples, 3, true);
    StanceCalibration.Result weights =
        StanceCalibration.calibrate(naive, "maduro-government", examples, 3, false);
    assertThat(thresholdsOnly.fittedMacroF1()).isLessThan(1.0);
    assertThat(weights.fittedMacroF1()).isEqualTo(1.0);
    assertThat(weights.cues().attributed()).isLessThan(1.0);
    assertThat(weights.cues().targets().get(0).favorThreshold())
        .isEqualTo(weights.favorThreshold());
  }
}
