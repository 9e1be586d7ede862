package io.vigia.enrich.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.ArticleAnalyzers;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.schemas.Relevance;
import io.vigia.schemas.testing.SampleArticles;
import org.junit.jupiter.api.Test;

/** The bundled profile's relevance rules on hand-written articles of each hard kind. */
class ProfileRelevanceScorerTest {
  private final ArticleAnalyzer analyzer =
      ArticleAnalyzers.fromProfile(WatchProfile.load("venezuela-elections"));

  private Relevance relevance(String title, String text) {
    return analyzer
        .analyze(SampleArticles.raw("https://x.example/" + title.hashCode(), title, text).build())
        .relevance();
  }

  @Test
  void shouldTakeTheLastWordOfAnEntityNameAsARegexSplitWould() {
    assertThat(ProfileRelevanceScorer.lastWord("Nicolás Maduro")).isEqualTo("Maduro");
    assertThat(ProfileRelevanceScorer.lastWord("CNE")).isEqualTo("CNE");
    assertThat(ProfileRelevanceScorer.lastWord(" Consejo  Nacional\tElectoral "))
        .isEqualTo("Electoral");
    assertThat(ProfileRelevanceScorer.lastWord("")).isEmpty();
  }

  @Test
  void shouldKeepVenezuelanElectionNews() {
    Relevance r =
        relevance(
            "Maduro y la oposición se disputan el resultado",
            "El Consejo Nacional Electoral de Venezuela proclamó a Nicolás Maduro mientras la oposición reclama las actas de votación.");
    assertThat(r.getRelevant()).isTrue();
    assertThat(r.getScore()).isBetween(0.35, 1.0);
    assertThat(r.getReasons())
        .anyMatch(s -> s.startsWith("venezuela:"))
        .anyMatch(s -> s.startsWith("politics:"));
  }

  @Test
  void shouldSetAsideAnotherCountrysElectionWithAnElectoralCouncil() {
    Relevance r =
        relevance(
            "Ecuador's electoral council confirms a runoff",
            "QUITO - Ecuador's National Electoral Council confirmed a presidential runoff after counting votes from every province; "
                + "the candidates will campaign for four more weeks.");
    assertThat(r.getRelevant()).isFalse();
    assertThat(r.getReasons()).contains("no Venezuelan anchor");
  }

  @Test
  void shouldSetAsideVenezuelanNewsThatIsNotPolitical() {
    Relevance r =
        relevance(
            "Los Leones ganan en el estadio de Caracas",
            "El equipo de béisbol venezolano ganó anoche en Caracas ante un estadio lleno; la liga continúa el fin de semana.");
    assertThat(r.getRelevant()).isFalse();
  }

  @Test
  void shouldNotMistakeOtherSensesOfCampaignAndCouncil() {
    Relevance r =
        relevance(
            "City council campaign against potholes",
            "The council launched a campaign to fix potholes before the rainy season.");
    assertThat(r.getRelevant()).isFalse();
  }

  @Test
  void shouldSetAsideAnotherCountrysPoliticsThatMentionsVenezuelaInOneParagraph() {
    Relevance r =
        relevance(
            "Senate passes border bill after long debate",
            "LIMA - The Senate approved the government's border bill on Wednesday by 71 votes to 40, "
                + "after the opposition won changes to the appeals process.\n\n"
                + "The interior minister said the law would speed up removals and defended the "
                + "election promise behind it.\n\n"
                + "Rights groups said the short deadlines left families without a real defence; "
                + "one of them said deportation flights to Venezuela remained suspended.\n\n"
                + "The campaign for next year's presidential election has made security its theme.\n\n"
                + "The bill now goes to the president for signature.");
    assertThat(r.getRelevant()).isFalse();
    assertThat(r.getReasons())
        .contains(
            "venezuela terms not in headline or lead, 1 of 5 paragraphs: venezuela only in passing");
  }

  @Test
  void shouldKeepAnArticleThatNamesVenezuelaInItsLeadEvenIfRarelyAfter() {
    Relevance r =
        relevance(
            "Opposition files new complaint",
            "CARACAS - Venezuela's opposition filed a complaint with the electoral council on "
                + "Monday over the closing of polling stations abroad.\n\n"
                + "The complaint lists 30 consulates where registration was refused.\n\n"
                + "Lawyers said they expected no answer before the vote.\n\n"
                + "The council did not comment.");
    assertThat(r.getRelevant()).isTrue();
    assertThat(r.getReasons()).contains("venezuela terms in lead, 1 of 4 paragraphs");
  }

  @Test
  void shouldSetAsideAVenezuelanBeautyPageantWhoseCandidatesAreNotPoliticians() {
    Relevance r =
        relevance(
            "Miss Venezuela abre su certamen con nuevas candidatas",
            "La organización Miss Venezuela presentó este sábado a las candidatas del certamen en "
                + "Caracas, con una pasarela y un jurado renovado.\n\n"
                + "Las candidatas recibirán clases de oratoria antes de la gala final.");
    assertThat(r.getRelevant()).isFalse();
  }

  @Test
  void shouldKeepAVenezuelanPieceThatNamesNoOtherCountryWhateverItsLeadNames() {
    // Led by a commission and a turnout figure, the country's name only further down: nothing
    // says it is about somewhere else, so it is not "in passing".
    Relevance r =
        relevance(
            "La comisión de la consulta cuenta más votantes de los previstos",
            "La comisión organizadora informó que casi tres millones de personas participaron en la "
                + "consulta de la oposición del domingo.\n\n"
                + "María Corina Machado obtuvo la mayoría de los votos según el primer boletín.\n\n"
                + "Los organizadores pidieron a los centros que entreguen sus actas esta semana.\n\n"
                + "El gobierno de Venezuela calificó la consulta de ilegal.");
    assertThat(r.getRelevant()).isTrue();
    assertThat(r.getReasons()).noneMatch(reason -> reason.contains("only in passing"));
  }
}
