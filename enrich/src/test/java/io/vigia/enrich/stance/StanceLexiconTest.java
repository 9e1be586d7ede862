package io.vigia.enrich.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.schemas.Stance;
import io.vigia.schemas.StanceLabel;
import io.vigia.schemas.testing.SampleArticles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The lexical part of the stance model: its vocabulary, its choice by CV, its file. */
class StanceLexiconTest {
  private static final StanceCues CUES = BundledCues.CUES;
  private static final CueStanceScorer SCORER = BundledCues.SCORER;
  private static final StanceFeatures FEATURES = BundledCues.FEATURES;
  private static final List<String> ONE = List.of("x");

  @Test
  void shouldKeepOnlyTermsOfAtLeastTwoArticlesCountingAnArticleOnce() {
    List<String[]> docs =
        List.of(
            new String[] {"b:fraude", "b:fraude", "b:acta", "h:fraude"},
            new String[] {"b:fraude", "b:urna"},
            new String[] {"b:urna", "b:solo"});
    assertThat(StanceLexicon.vocabulary(docs, StanceLexicon.MIN_DF))
        .containsExactly("b:fraude", "b:urna");
    assertThat(StanceLexicon.MIN_DF).isGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldReadOwnWordsByChannelWithoutStopWordsNumbersOrSpeech() {
    CueStanceScorer.Reading r =
        SCORER.read(
            "Régimen y elecciones",
            "El gobierno detuvo a 30 estudiantes. \u201CEsto es una farsa total,\u201D dijo Pérez.",
            true);
    Set<String> terms = Set.of(StanceLexicon.terms(r.tokens(), r.channels()));
    assertThat(terms).contains("h:regimen", "h:elecciones", "b:gobierno", "b:estudiantes");
    assertThat(terms)
        .as("stop words, numbers and words in speech are not terms")
        .doesNotContain("h:y", "b:el", "b:30", "b:farsa", "b:total", "b:perez");
  }

  @Test
  void shouldLeaveTheLexicalPartOffWhenTheWordsSayNothingAboutTheLabel() {
    Random random = new Random(7);
    List<StanceTraining.Row> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      StanceLabel label = StanceModel.CLASSES.get(i % 3);
      // The cue feature is right two times out of three; the words are drawn whatever the label.
      int said = random.nextInt(3) < 2 ? i % 3 : random.nextInt(3);
      rows.add(new StanceTraining.Row(new double[] {said - 1.0}, label, noise(random, 25)));
    }
    StanceModel.TargetModel m = StanceTraining.train(ONE, rows, 5);
    assertThat(m.lexical()).isNull();
  }

  @Test
  void shouldTakeTheLexicalPartWhenTheWordsCarryTheLabel() {
    Random random = new Random(7);
    List<StanceTraining.Row> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      StanceLabel label = StanceModel.CLASSES.get(i % 3);
      Set<String> terms = new LinkedHashSet<>(List.of(noise(random, 20)));
      terms.add("b:" + label.name().toLowerCase(java.util.Locale.ROOT) + "word");
      rows.add(
          new StanceTraining.Row(
              new double[] {random.nextGaussian()}, label, terms.toArray(String[]::new)));
    }
    StanceModel.TargetModel m = StanceTraining.train(ONE, rows, 5);
    assertThat(m.lexical()).isNotNull();
    assertThat(m.crossValidated().get("macroF1")).isGreaterThan(0.9);
    assertThat(m.lexical().terms()).contains("b:favorword", "b:againstword", "b:neutralword");
  }

  private static String[] noise(Random random, int n) {
    Set<String> out = new LinkedHashSet<>();
    while (out.size() < n) {
      out.add("b:w" + random.nextInt(120));
    }
    return out.toArray(String[]::new);
  }

  @Test
  void shouldFindAnArticlesTermsByTheirHashesAsTrainingFoundThemByName() {
    List<String> vocabulary = List.of("b:gobierno", "b:regimen", "h:fraude", "b:fraude", "h:urna");
    double[][] w = {{1, 2, 3, 4, 5}, {0.5, -1, 7, 0.25, 2}, {-3, 0, 1, 1, 1}};
    StanceLexicon lexicon = new StanceLexicon(vocabulary, w, 0.01);
    CueStanceScorer.Reading r =
        SCORER.read(
            "Fraude en la urna",
            "El régimen y el gobierno. Hubo fraude, dijo un vocero. Régimen otra vez.",
            true);
    double[] byHash = new double[3];
    lexicon.addLogits(r.tokens(), r.channels(), byHash);
    double[] byName = new double[3];
    StanceLexicon.add(
        w,
        StanceLexicon.indices(
            StanceLexicon.terms(r.tokens(), r.channels()), StanceLexicon.index(vocabulary)),
        byName);
    assertThat(byHash).containsExactly(byName, Offset.offset(1e-12));
    // h:fraude, h:urna, b:regimen, b:gobierno; "fraude" in the body is reported speech
    assertThat(byHash[0]).isCloseTo((3 + 5 + 2 + 1) / 2.0, Offset.offset(1e-12));
  }

  @Test
  void shouldChangeTheLabelByTheArticlesWordsAndSurviveTheJsonFile() {
    List<StanceTraining.Row> rows = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      StanceLabel label = StanceModel.CLASSES.get(i % 3);
      String word =
          switch (label) {
            case FAVOR -> "patriotas";
            case AGAINST -> "tiranos";
            default -> "boletines";
          };
      rows.add(
          row("Nota " + i, "Los " + word + " hablaron del tema numero " + (i % 4) + ".", label));
    }
    StanceModel.TargetModel m = StanceTraining.train(FEATURES.names(), rows, 3);
    assertThat(m.lexical()).isNotNull();
    StanceModel model =
        new StanceModel(
            "2026-12-07T00:00:00Z",
            List.of(),
            Map.of("lexical", true),
            Map.of("maduro-government", m));
    JsonNode json = model.toJson();
    StanceModel back = StanceModel.from(json, "round trip");
    StanceLexicon lex = back.targets().get("maduro-government").lexical();
    assertThat(lex.terms()).isEqualTo(m.lexical().terms());
    assertThat(lex.l2()).isEqualTo(m.lexical().l2());
    for (String text : List.of("Los tiranos otra vez.", "Los patriotas otra vez.")) {
      Stance before = label(new LearnedStanceScorer(CUES, model, "m"), text);
      Stance after = label(new LearnedStanceScorer(CUES, back, "m"), text);
      assertThat(after.getLabel()).isEqualTo(before.getLabel());
      assertThat(after.getConfidence()).isCloseTo(before.getConfidence(), Offset.offset(1e-3));
    }
    LearnedStanceScorer scorer = new LearnedStanceScorer(CUES, back, "m");
    assertThat(label(scorer, "Los tiranos otra vez.").getLabel()).isEqualTo(StanceLabel.AGAINST);
    assertThat(label(scorer, "Los patriotas otra vez.").getLabel()).isEqualTo(StanceLabel.FAVOR);
    ((com.fasterxml.jackson.databind.node.ObjectNode)
            json.path("targets").path("maduro-government").path("lexical"))
        .putArray("terms")
        .add("b:solo");
    assertThatThrownBy(() -> StanceModel.from(json, "cut")).hasMessageContaining("lexical");
  }

  @Test
  void shouldReadAModelFileWithoutALexicalPartAndScoreAsBefore() throws Exception {
    // A stance-model.json as written before the lexical part existed: only cue-score weighs.
    StringBuilder zeros = new StringBuilder();
    StringBuilder ones = new StringBuilder();
    StringBuilder names = new StringBuilder();
    for (int j = 0; j < FEATURES.names().size(); j++) {
      String sep = j == 0 ? "" : ",";
      zeros.append(sep).append(j == 0 ? "-1.5" : "0");
      ones.append(sep).append("1");
      names.append(sep).append('"').append(FEATURES.names().get(j)).append('"');
    }
    String empty = zeros.toString().replace("-1.5", "0");
    String file =
        "{\"format\":1,\"trainedAt\":\"2026-12-06T00:06:09Z\",\"data\":[],"
            + "\"hyperParameters\":{\"folds\":5},\"targets\":{\"maduro-government\":{"
            + "\"examples\":72,\"l2\":1.0,\"temperature\":0.5,\"crossValidated\":{},\"reliability\":[],"
            + "\"features\":["
            + names
            + "],\"mean\":["
            + empty
            + "],\"scale\":["
            + ones
            + "],\"weights\":[["
            + zeros.toString().replace("-1.5", "1.5")
            + "],["
            + zeros
            + "],["
            + empty
            + "]],\"bias\":[0,0,0.2]}}}";
    StanceModel model =
        StanceModel.from(new com.fasterxml.jackson.databind.ObjectMapper().readTree(file), "old");
    StanceModel.TargetModel m = model.targets().get("maduro-government");
    assertThat(m.lexical()).isNull();
    assertThat(model.toJson().path("targets").path("maduro-government").has("lexical")).isFalse();
    String text = "The regime jailed political prisoners and held a sham vote.";
    double cue = SCORER.tally("t", text).get(0).score();
    double[] logits = {1.5 * cue, -1.5 * cue, 0.2};
    double[] expected = SoftmaxRegression.softmax(logits, 0.5);
    Stance s = label(new LearnedStanceScorer(CUES, model, "old"), text);
    assertThat(s.getLabel()).isEqualTo(StanceLabel.AGAINST);
    assertThat(s.getConfidence()).isCloseTo(expected[1], Offset.offset(1e-3));
    assertThat(s.getScore()).isCloseTo(expected[0] - expected[1], Offset.offset(1e-3));
  }

  private static Stance label(LearnedStanceScorer scorer, String text) {
    return scorer
        .score(
            SampleArticles.raw("https://x.example/" + text.length(), "t", text).build(), List.of())
        .get(0);
  }

  private static StanceTraining.Row row(String title, String text, StanceLabel label) {
    CueStanceScorer.Reading r = SCORER.read(title, text, true);
    return new StanceTraining.Row(
        FEATURES.of(r.tallies().get(0)), label, StanceLexicon.terms(r.tokens(), r.channels()));
  }
}
