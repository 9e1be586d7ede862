package io.vigia.enrich.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.schemas.Stance;
import io.vigia.schemas.StanceLabel;
import io.vigia.schemas.testing.SampleArticles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Features, training and calibration of the learned stance model. */
class LearnedStanceTest {
  private static final StanceCues CUES = BundledCues.CUES;
  private static final CueStanceScorer SCORER = BundledCues.SCORER;
  private static final StanceFeatures FEATURES = BundledCues.FEATURES;

  private static double feature(String title, String text, String name) {
    return FEATURES.of(SCORER.tally(title, text).get(0))[FEATURES.names().indexOf(name)];
  }

  @Test
  void shouldCountACueInTheOutletsOwnVoiceForItsFamilyAndAQuotedOneAsSpeech() {
    String own = "The regime jailed more students this week.";
    String quoted =
        "\u201CThis regime jails its critics every week,\u201D the opposition leader said.";
    assertThat(feature("t", own, "family:regime-and-dictatorship")).isGreaterThan(0);
    assertThat(feature("t", own, "speech:against")).isZero();
    assertThat(feature("t", quoted, "family:regime-and-dictatorship")).isZero();
    assertThat(feature("t", quoted, "speech:against")).isGreaterThan(0);
    assertThat(feature("t", quoted, "quotations")).isGreaterThan(0);
  }

  @Test
  void shouldCountReportedSpeechAndHeadlineCuesApart() {
    String reported = "The State Department denounced the repression, a spokesman said.";
    assertThat(feature("t", reported, "speech:against")).isGreaterThan(0);
    assertThat(feature("t", reported, "reported-share")).isGreaterThan(0);
    assertThat(
            feature(
                "Bloqueo criminal contra el pueblo", "El consejo fijó la fecha.", "headline:favor"))
        .isGreaterThan(0);
  }

  @Test
  void shouldGiveAScareQuotedOrHedgedCueToTheOtherSide() {
    assertThat(feature("El \u201Cfraude\u201D que nunca fue", "Nada.", "doubted:favor"))
        .isGreaterThan(0);
    assertThat(feature("t", "La oposición insiste en el supuesto fraude.", "doubted:favor"))
        .isGreaterThan(0);
  }

  @Test
  void shouldGiveMoreConfidenceToAnArticleWithMoreOfOneSidesFraming() {
    StanceModel.TargetModel m = StanceTraining.train(FEATURES.names(), rows(), 3);
    double[] weak = m.probabilities(FEATURES.of(SCORER.tally("t", AGAINST[0]).get(0)));
    double[] strong =
        m.probabilities(
            FEATURES.of(SCORER.tally("The regime's sham", AGAINST[0] + " " + AGAINST[1]).get(0)));
    assertThat(strong[1]).isGreaterThan(weak[1]);
    assertThat(m.temperature()).isPositive();
    assertThat(m.reliability().stream().mapToInt(StanceModel.Bin::count).sum())
        .isEqualTo(rows().size());
    // Out-of-fold log-loss under the fitted temperature is no worse than under none.
    assertThat(m.crossValidated().get("logLoss")).isLessThan(1.0986); // log 3: a uniform guess
  }

  @Test
  void shouldLabelWithAConfidenceAndRefuseAModelOfOtherFeatures() {
    StanceModel.TargetModel m = StanceTraining.train(FEATURES.names(), rows(), 3);
    StanceModel model = new StanceModel("now", List.of(), Map.of(), Map.of("maduro-government", m));
    LearnedStanceScorer scorer = new LearnedStanceScorer(CUES, model, "test");
    Stance s =
        scorer
            .score(
                SampleArticles.raw("https://x.example/a", "Sham vote", AGAINST[2]).build(),
                List.of())
            .get(0);
    assertThat(s.getLabel()).isEqualTo(StanceLabel.AGAINST);
    assertThat(s.getConfidence()).isBetween(0.34, 1.0);
    assertThat(s.getScore()).isNegative();
    Stance other =
        scorer
            .score(SampleArticles.raw("https://x.example/b", "t", AGAINST[2]).build(), List.of())
            .get(1);
    assertThat(other.getConfidence())
        .as("no model for the opposition: cue rule, no confidence")
        .isNull();

    StanceModel.TargetModel shorter =
        new StanceModel.TargetModel(
            m.features().subList(1, m.features().size()),
            new double[0],
            new double[0],
            new double[3][0],
            new double[3],
            1,
            1,
            0,
            Map.of(),
            List.of(),
            null);
    assertThatThrownBy(
            () ->
                new LearnedStanceScorer(
                    CUES,
                    new StanceModel(
                        "now", List.of(), Map.of(), Map.of("maduro-government", shorter)),
                    "m"))
        .hasMessageContaining("retrain");
  }

  @Test
  void shouldSurviveARoundTripThroughItsJsonFile() {
    StanceModel.TargetModel m = StanceTraining.train(FEATURES.names(), rows(), 3);
    StanceModel model =
        new StanceModel(
            "2026-12-06T00:00:00Z",
            List.of(new StanceModel.DataSource("train.jsonl", "ab12", 18, "training")),
            Map.of("folds", 3),
            Map.of("maduro-government", m));
    StanceModel back = StanceModel.from(model.toJson(), "round trip");
    assertThat(back.data()).isEqualTo(model.data());
    double[] x = FEATURES.of(SCORER.tally("t", AGAINST[0]).get(0));
    assertThat(back.targets().get("maduro-government").probabilities(x)[1])
        .isCloseTo(m.probabilities(x)[1], org.assertj.core.data.Offset.offset(1e-4));
  }

  static final String[] AGAINST = {
    "The regime jailed political prisoners after the vote.",
    "Repression and censorship grew as the dictatorship refused to publish the tally.",
    "The regime held a sham vote, jailed political prisoners and refused to publish results."
  };
  static final String[] FAVOR = {
    "El pueblo heroico defendió la soberanía frente al bloqueo criminal.",
    "Victoria del pueblo contra la injerencia imperial y la derecha fascista.",
    "La revolución bolivariana celebró la paz frente a la guerra económica."
  };
  static final String[] NEUTRAL = {
    "The electoral council set the timetable; registration opens in March.",
    "El consejo publicó el cronograma; la inscripción abre en marzo, dijo un vocero.",
    "Observers said turnout was 42 percent at polling stations, the bulletin showed."
  };

  static List<StanceTraining.Row> rows() {
    List<StanceTraining.Row> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        rows.add(row("Título " + j, AGAINST[(i + j) % 3], StanceLabel.AGAINST));
        rows.add(row("Título " + j, FAVOR[(i + j) % 3], StanceLabel.FAVOR));
        rows.add(row("Título " + j, NEUTRAL[(i + j) % 3], StanceLabel.NEUTRAL));
      }
    }
    return rows;
  }

  private static StanceTraining.Row row(String title, String text, StanceLabel label) {
    return new StanceTraining.Row(FEATURES.of(SCORER.tally(title, text).get(0)), label);
  }
}
