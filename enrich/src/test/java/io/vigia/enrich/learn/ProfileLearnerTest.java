package io.vigia.enrich.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.enrich.stance.StanceModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLearnerTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneOffset.UTC);
  private static final StanceModel.DataSource SOURCE =
      new StanceModel.DataSource("examples.jsonl", "00", 1, "examples");
  private static final List<LabelledExample> ADDED =
      List.of(
          new LabelledExample(
              "x1",
              null,
              "Sham vote",
              "The regime jailed political prisoners.",
              "en",
              null,
              Map.of("maduro-government", io.vigia.schemas.StanceLabel.AGAINST),
              null));

  private static ProfileLearner.Report report(double before, double after) {
    return report(0, before, after);
  }

  private static ProfileLearner.Report report(int version, double before, double after) {
    return new ProfileLearner.Report(
        "venezuela-elections",
        version,
        1,
        List.of(
            new StanceLearner.Comparison(
                "maduro-government",
                1,
                new double[] {before, 0, 0, 0},
                new double[] {after, 0, 0, 0})),
        null);
  }

  @Test
  void shouldRefuseAVersionThatScoresWorseAndWriteNothing(@TempDir Path tmp) throws Exception {
    ProfileLearner learner = new ProfileLearner("venezuela-elections", 3, CLOCK);
    Path out = tmp.resolve("v1");
    ProfileLearner.Outcome o = learner.write(report(0.9, 0.8), ADDED, SOURCE, out, false);
    assertThat(o).isInstanceOf(ProfileLearner.Refused.class);
    assertThat(o.report().text(3)).contains("WORSE");
    assertThat(out).doesNotExist();
  }

  @Test
  void shouldWriteTheNextVersionWhenForcedOrNotWorse(@TempDir Path tmp) throws Exception {
    ProfileLearner learner = new ProfileLearner("venezuela-elections", 3, CLOCK);
    Path out = tmp.resolve("v1");
    ProfileLearner.Outcome o = learner.write(report(0.9, 0.8), ADDED, SOURCE, out, true);
    assertThat(o).isInstanceOf(ProfileLearner.Written.class);
    assertThat(Files.readString(out.resolve("profile.yaml"))).contains("\nversion: 1\n");
    assertThat(new ProfileLearner(out.toString(), 3, CLOCK).version()).isEqualTo(1);
    StanceModel model =
        StanceModel.from(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("stance-model.json").toFile()),
            "v1");
    assertThat(model.data()).contains(SOURCE);
    assertThat(model.data()).anyMatch(d -> d.role().equals("training"));
    assertThat(Files.readAllLines(out.resolve(StanceLearner.EXAMPLES_FILE)))
        .anyMatch(l -> l.contains("\"x1\""));
    // Version 1 learns into version 2.
    ProfileLearner v1 = new ProfileLearner(out.toString(), 3, CLOCK);
    ProfileLearner.Outcome next =
        v1.write(report(v1.version(), 0.8, 0.8), ADDED, SOURCE, tmp.resolve("v2"), false);
    assertThat(next).isInstanceOf(ProfileLearner.Written.class);
    assertThat(Files.readString(tmp.resolve("v2/profile.yaml"))).contains("\nversion: 2\n");
  }

  @Test
  void shouldRecalibrateTheRelevanceThresholdTowardTheExamples() {
    double[] scores = {0.1, 0.2, 0.25, 0.3, 0.6, 0.7, 0.8, 0.9};
    boolean[] relevant = {false, false, false, false, true, true, true, true};
    RelevanceCalibration.Result r = RelevanceCalibration.calibrate(scores, relevant, 0.75, 2);
    assertThat(r.newThreshold()).isBetween(0.3, 0.6);
    assertThat(r.before()[0]).isLessThan(1.0);
    assertThat(r.after()[0]).isGreaterThanOrEqualTo(r.before()[0]);
    assertThat(RelevanceCalibration.calibrate(scores, new boolean[8], 0.5, 2))
        .as("no example on topic: nothing to calibrate on")
        .isNull();
  }

  /**
   * What learning adds is only the new labels: examples that say nothing about stance (here one off
   * topic, one on topic) must leave the retrained model exactly the bundled one, which {@code vigia
   * stance-train} fitted on the same stored examples. Guards the learned version's training data
   * (the profile's examples plus the new ones), hyper-parameters, feature extraction and label
   * mapping: an off-topic example read as neutral, or a lost base example, changes the weights.
   */
  @Test
  void shouldRetrainTheBundledModelExactlyWhenTheExamplesCarryNoStance(@TempDir Path tmp)
      throws Exception {
    ProfileLearner learner = new ProfileLearner("venezuela-elections", 5, CLOCK);
    List<LabelledExample> relevanceOnly =
        List.of(
            new LabelledExample(
                "off1",
                null,
                "Cheese truck robbed",
                "Police arrested three men.",
                "en",
                null,
                Map.of(),
                false),
            new LabelledExample(
                "on1",
                null,
                "CNE publishes results",
                "The council read its bulletin.",
                "es",
                null,
                Map.of(),
                true));
    Path out = tmp.resolve("v2");
    assertThat(learner.learn(relevanceOnly, SOURCE, out, true))
        .isInstanceOf(ProfileLearner.Written.class);
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    StanceModel.TargetModel bundled;
    try (var in =
        io.vigia.common.profile.WatchProfile.load("venezuela-elections")
            .open("stance-model.json")
            .orElseThrow()) {
      bundled = StanceModel.from(json.readTree(in), "bundled").targets().get("maduro-government");
    }
    StanceModel.TargetModel learned =
        StanceModel.from(json.readTree(out.resolve("stance-model.json").toFile()), "v2")
            .targets()
            .get("maduro-government");
    assertThat(learned.examples()).isEqualTo(bundled.examples());
    assertThat(learned.l2()).isEqualTo(bundled.l2());
    assertThat(learned.temperature()).isEqualTo(bundled.temperature());
    assertThat(learned.features()).isEqualTo(bundled.features());
    org.assertj.core.data.Offset<Double> close = org.assertj.core.data.Offset.offset(1e-5);
    assertThat(learned.bias()).containsExactly(bundled.bias(), close);
    for (int k = 0; k < bundled.weights().length; k++) {
      assertThat(learned.weights()[k]).containsExactly(bundled.weights()[k], close);
    }
  }
}
