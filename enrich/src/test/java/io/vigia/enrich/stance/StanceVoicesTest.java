package io.vigia.enrich.stance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.schemas.Stance;
import io.vigia.schemas.testing.SampleArticles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whose words an article carries toward the government, with the bundled profile's speakers. */
class StanceVoicesTest {
  private static StanceVoices.Counts voices(String text) {
    return BundledCues.SCORER.tally("t", text).get(0).speakers();
  }

  @Test
  void shouldGiveAQuotedMinisterToTheGovernmentsSide() {
    assertThat(
            voices(
                "\u201CLas elecciones se harán con todas las garantías para cada votante\u201D,"
                    + " afirmó la ministra de Comunicación en una rueda de prensa."))
        .isEqualTo(new StanceVoices.Counts(1, 0, 0));
    assertThat(
            voices(
                "\"We will not accept any foreign pressure on our voters,\" the foreign minister"
                    + " told reporters on Tuesday."))
        .isEqualTo(new StanceVoices.Counts(1, 0, 0));
    // A quotation with its speaker before a colon and no verb of saying.
    assertThat(
            voices(
                "El ministro de Defensa: “Las fuerzas armadas cuidarán cada centro de"
                    + " votación”."))
        .isEqualTo(new StanceVoices.Counts(1, 0, 0));
  }

  @Test
  void shouldGiveAnNgoDirectorToTheCriticsSide() {
    assertThat(
            voices(
                "\u201CSeguimos contando detenidos en cárceles de todo el país\u201D, dijo el"
                    + " director de Foro Penal."))
        .isEqualTo(new StanceVoices.Counts(0, 1, 0));
    assertThat(voices("The head of Provea said the arrests had gone on all week in three states."))
        .isEqualTo(new StanceVoices.Counts(0, 1, 0));
  }

  @Test
  void shouldGiveAQuotationWithNoKnownSpeakerToNoOne() {
    assertThat(voices("\u201CNadie sabe qué va a pasar mañana\u201D, dijo un vecino del barrio."))
        .isEqualTo(StanceVoices.Counts.NONE);
    assertThat(voices("\"We just want to sell our fruit in peace,\" one street vendor said."))
        .isEqualTo(StanceVoices.Counts.NONE);
  }

  @Test
  void shouldNotGiveAVoiceToANameOnlyMentioned() {
    // No verb of saying, no quotation: nobody speaks.
    assertThat(voices("Machado no apareció en público durante la jornada del domingo."))
        .isEqualTo(StanceVoices.Counts.NONE);
    assertThat(voices("The minister's visit came a day after the opposition rally in Maracay."))
        .isEqualTo(StanceVoices.Counts.NONE);
    // The one accused is not the one speaking: the speaker is nearest the verb, the subject first.
    assertThat(voices("El ministro acusó a María Corina Machado de planear disturbios."))
        .isEqualTo(new StanceVoices.Counts(1, 0, 0));
    // A name at the start of the sentence, the speaker after the verb.
    assertThat(voices("Contra Machado no hay ninguna prueba, afirmó ayer el ministro de Defensa."))
        .isEqualTo(new StanceVoices.Counts(1, 0, 0));
    // A name inside the quotation is spoken of, not speaking.
    assertThat(
            voices(
                "\u201CMachado les miente a sus propios seguidores\u201D, dijo Diosdado Cabello."))
        .isEqualTo(new StanceVoices.Counts(1, 0, 0));
  }

  @Test
  void shouldTakeTheLongestNameAndCountBothCampsWhenBothSpeak() {
    assertThat(voices("The US government said the count lacked any credibility."))
        .isEqualTo(new StanceVoices.Counts(0, 1, 0));
    String both =
        "El ministro dijo que el proceso fue limpio. La oposición denunció irregularidades en"
            + " varias mesas. Un analista consideró que ambas partes exageran.";
    assertThat(voices(both)).isEqualTo(new StanceVoices.Counts(1, 1, 1));
    StanceFeatures f = BundledCues.FEATURES;
    double[] x = f.of(BundledCues.SCORER.tally("t", both).get(0));
    assertThat(x[f.names().indexOf("voice:both")]).isGreaterThan(0);
    assertThat(x[f.names().indexOf("voice:favor")]).isGreaterThan(0);
    double[] one =
        f.of(BundledCues.SCORER.tally("t", "El ministro dijo que todo fue limpio.").get(0));
    assertThat(one[f.names().indexOf("voice:both")]).isZero();
  }

  @Test
  void shouldReadTheSpeakersForAModelTrainedOnThem() {
    StanceFeatures f = BundledCues.FEATURES;
    String[] texts = {
      "“Seguiremos denunciando cada detención”, dijo la directora de Provea.",
      "“El pueblo votó en paz”, afirmó el ministro.",
      "El ministro dijo que todo fue normal. La oposición denunció fallas."
    };
    List<StanceTraining.Row> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rows.add(
          new StanceTraining.Row(
              f.of(BundledCues.SCORER.tally("t", texts[i % 3]).get(0)),
              StanceModel.CLASSES.get(new int[] {1, 0, 2}[i % 3])));
    }
    StanceModel.TargetModel m = StanceTraining.train(f.names(), rows, 3);
    LearnedStanceScorer scorer =
        new LearnedStanceScorer(
            BundledCues.CUES,
            new StanceModel("now", List.of(), Map.of(), Map.of("maduro-government", m)),
            "voices");
    Stance s =
        scorer
            .score(SampleArticles.raw("https://x.example/w", "t", texts[0]).build(), List.of())
            .get(0);
    double[] p = m.probabilities(f.of(BundledCues.SCORER.tally("t", texts[0]).get(0)));
    assertThat(s.getScore()).isEqualTo(Math.round((p[0] - p[1]) * 1000) / 1000.0);
    assertThat(s.getLabel()).isEqualTo(io.vigia.schemas.StanceLabel.AGAINST);
  }

  @Test
  void shouldScoreAModelTrainedBeforeTheVoicesExactlyAsBefore() {
    StanceCues.Target target = BundledCues.CUES.targets().get(0);
    StanceFeatures before = new StanceFeatures(target, false);
    assertThat(BundledCues.FEATURES.names()).contains("voice:favor");
    assertThat(before.names()).noneMatch(n -> n.startsWith("voice:"));
    List<StanceTraining.Row> rows = new ArrayList<>();
    String[] texts = {
      "The regime jailed more students. The dictatorship rigged the vote.",
      "El bloqueo criminal del imperio contra la patria soberana.",
      "The electoral council set the timetable; turnout and polling stations were listed.",
      "La dictadura reprimió a los presos políticos con impunidad.",
      "La agresión imperial y la guerra mediática contra la paz.",
      "Observers said the registration of candidacies followed the electoral calendar."
    };
    for (int i = 0; i < 12; i++) {
      String text = texts[i % texts.length];
      rows.add(
          new StanceTraining.Row(
              before.of(BundledCues.SCORER.tally("t", text).get(0)),
              StanceModel.CLASSES.get(new int[] {1, 0, 2}[i % 3])));
    }
    StanceModel.TargetModel m = StanceTraining.train(before.names(), rows, 3);
    LearnedStanceScorer scorer =
        new LearnedStanceScorer(
            BundledCues.CUES,
            new StanceModel("now", List.of(), Map.of(), Map.of(target.name(), m)),
            "old");
    String text = "\u201CLa oposición miente\u201D, dijo el ministro. El régimen calla.";
    Stance s =
        scorer
            .score(SampleArticles.raw("https://x.example/v", "t", text).build(), List.of())
            .get(0);
    double[] p = m.probabilities(before.of(BundledCues.SCORER.tally("t", text).get(0)));
    assertThat(s.getScore()).isEqualTo(Math.round((p[0] - p[1]) * 1000) / 1000.0);
  }

  @Test
  void shouldRefuseAModelTrainedOnVoicesWhenTheProfileNamesNoSpeakers() {
    StanceCues.Target t = BundledCues.CUES.targets().get(0);
    StanceCues mute =
        BundledCues.CUES.withTargets(
            List.of(
                new StanceCues.Target(
                    t.name(),
                    t.favorThreshold(),
                    t.againstThreshold(),
                    t.families(),
                    t.scareQuoted(),
                    StanceCues.Speakers.NONE)));
    List<StanceTraining.Row> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rows.add(
          new StanceTraining.Row(
              BundledCues.FEATURES.of(
                  BundledCues.SCORER.tally("t", "El ministro dijo que todo fue normal.").get(0)),
              StanceModel.CLASSES.get(i % 3)));
    }
    StanceModel.TargetModel m = StanceTraining.train(BundledCues.FEATURES.names(), rows, 3);
    StanceModel model = new StanceModel("now", List.of(), Map.of(), Map.of(t.name(), m));

    assertThatThrownBy(() -> new LearnedStanceScorer(mute, model, "voices-model"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("voices-model")
        .hasMessageContaining("names no speakers");
  }
}
