package io.vigia.enrich.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.ArticleAnalyzers;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.stance.OutletLeans;
import io.vigia.enrich.stance.StanceModel;
import io.vigia.schemas.Stance;
import io.vigia.schemas.StanceLabel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A version that learns where outlets lean: what it writes, and what the analyser then does. */
class OutletLeansLearningTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);
  private static final StanceModel.DataSource SOURCE =
      new StanceModel.DataSource("examples.jsonl", "00", 1, "examples");
  private static final String TARGET = "maduro-government";

  private static LabelledExample example(String id, String url, String text, StanceLabel label) {
    return new LabelledExample(id, url, "Nota", text, "es", null, Map.of(TARGET, label), null);
  }

  private static ProfileLearner.Report notWorse() {
    return new ProfileLearner.Report(
        "venezuela-elections",
        0,
        1,
        List.of(
            new StanceLearner.Comparison(
                TARGET, 1, new double[] {0.8, 0, 0, 0}, new double[] {0.8, 0, 0, 0})),
        null);
  }

  private static OutletLeans leans(Path version) throws Exception {
    return OutletLeans.from(
        new ObjectMapper().readTree(version.resolve(OutletLeans.FILE).toFile()), "test");
  }

  @Test
  void shouldKeepTheExamplesOutletsAndCountAnArticleLearnedAgainOnce(@TempDir Path tmp)
      throws Exception {
    List<LabelledExample> added =
        List.of(
            example(
                "e1",
                "https://www.prensa-roja.example/a",
                "El consejo se reunió.",
                StanceLabel.FAVOR),
            example("e2", "urn:vigia:example:e2", "El consejo se reunió.", StanceLabel.NEUTRAL));
    Path v1 = tmp.resolve("v1");
    new ProfileLearner("venezuela-elections", 3, CLOCK, false, ExampleWeighting.none(), true)
        .write(notWorse(), added, SOURCE, v1, true);
    assertThat(leans(v1).entries())
        .containsExactly(
            new OutletLeans.Entry("e1", "prensa-roja.example", Map.of(TARGET, StanceLabel.FAVOR)));
    // Version 1 learns the same article again (its label changed) and a new one.
    List<LabelledExample> again =
        List.of(
            example(
                "e1",
                "https://prensa-roja.example/a",
                "El consejo se reunió.",
                StanceLabel.NEUTRAL),
            example(
                "e3", "https://prensa-roja.example/b", "El consejo se reunió.", StanceLabel.FAVOR));
    Path v2 = tmp.resolve("v2");
    new ProfileLearner(v1.toString(), 3, CLOCK, false, ExampleWeighting.none(), true)
        .write(notWorse(), again, SOURCE, v2, true);
    assertThat(leans(v2).counts(TARGET, java.util.Set.of()).get("prensa-roja.example"))
        .containsExactly(1, 0, 1);
  }

  @Test
  void shouldWriteNoOutletsUnlessAsked(@TempDir Path tmp) throws Exception {
    Path v1 =
        learnedWithoutOutlets(
            tmp, example("e1", "https://prensa-roja.example/a", "Texto.", StanceLabel.FAVOR));
    assertThat(v1.resolve(OutletLeans.FILE)).doesNotExist();
  }

  @Test
  void shouldLeanTheNextArticleOfALabelledOutletInTheAnalyser(@TempDir Path tmp) throws Exception {
    Path v1 =
        learnedWithoutOutlets(
            tmp, example("e0", null, "El consejo se reunió.", StanceLabel.NEUTRAL));
    ArticleAnalyzer plain = ArticleAnalyzers.fromProfile(WatchProfile.load(v1.toString()));
    List<OutletLeans.Entry> favor = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      favor.add(
          new OutletLeans.Entry("p" + i, "prensa-roja.example", Map.of(TARGET, StanceLabel.FAVOR)));
    }
    Files.writeString(
        v1.resolve(OutletLeans.FILE),
        new OutletLeans(Map.of(TARGET, 2.0), favor).toJson().toString());
    ArticleAnalyzer analyzer = ArticleAnalyzers.fromProfile(WatchProfile.load(v1.toString()));
    String text =
        "El Consejo Nacional Electoral de Venezuela se reunió el martes en Caracas para revisar "
            + "el cronograma de las elecciones presidenciales y recibió a los delegados de los partidos.";
    LabelledExample leaned =
        example("n1", "https://prensa-roja.example/c", text, StanceLabel.NEUTRAL);
    LabelledExample unknown =
        example("n2", "https://otro-diario.example/c", text, StanceLabel.NEUTRAL);
    assertThat(stance(plain, leaned).getLabel()).isNotEqualTo(StanceLabel.FAVOR);
    assertThat(stance(analyzer, leaned).getLabel()).isEqualTo(StanceLabel.FAVOR);
    // The analyst sees why: the outlet and how its labelled articles went.
    assertThat(stance(analyzer, leaned).getEvidence())
        .anyMatch(
            e ->
                e.getCue().equals("outlet-lean")
                    && e.getText()
                        .equals("prensa-roja.example: labelled 6 favor, 0 against, 0 neutral"));
    assertThat(stance(analyzer, unknown).getEvidence())
        .noneMatch(e -> e.getCue().equals("outlet-lean"));
    // An outlet nobody labelled is judged as without the file.
    assertThat(stance(analyzer, unknown)).isEqualTo(stance(plain, unknown));
  }

  /**
   * Version 1 of the bundled profile, learned from {@code example} by the constructor's default.
   */
  private static Path learnedWithoutOutlets(Path tmp, LabelledExample example) throws Exception {
    Path v1 = tmp.resolve("v1");
    new ProfileLearner("venezuela-elections", 3, CLOCK)
        .write(notWorse(), List.of(example), SOURCE, v1, true);
    return v1;
  }

  private static Stance stance(ArticleAnalyzer analyzer, LabelledExample e) {
    return analyzer.analyze(StanceLearner.raw(e)).stance().stream()
        .filter(s -> s.getTarget().equals(TARGET))
        .findFirst()
        .orElseThrow();
  }
}
