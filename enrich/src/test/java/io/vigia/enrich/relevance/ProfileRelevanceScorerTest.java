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

  @Test
  void shouldKeepAPieceThatNamesVenezuelaOnlyThroughItsPartiesAndBodies() {
    // No "Venezuela" anywhere, no linked anchor person: the ruling party and the opposition
    // coalition say where it is, and no other country is named, so it is not "in passing".
    Relevance r =
        relevance(
            "El árbitro electoral publica el calendario de las municipales",
            "El Consejo Nacional Electoral fijó para marzo la elección de alcaldes y abrió el "
                + "período de inscripción de candidaturas.\n\n"
                + "Los partidos tendrán diez días para presentar sus listas.\n\n"
                + "El PSUV celebrará asambleas para escoger a sus aspirantes; la Plataforma "
                + "Unitaria todavía discute si participa.\n\n"
                + "El organismo no dijo si habrá observación internacional.");
    assertThat(r.getRelevant()).isTrue();
    assertThat(r.getReasons()).noneMatch(reason -> reason.contains("only in passing"));
  }

  @Test
  void shouldSetAsideAForeignElectionThatNamesOnlyTheCapitalOnce() {
    // The capital stands for the country in a jibe; it is not one of the country's bodies.
    Relevance r =
        relevance(
            "Cierre de campaña en la capital regional",
            "El presidente autonómico cerró la campaña con un mitin ante miles de simpatizantes y "
                + "pidió el voto para gobernar sin pactos.\n\n"
                + "Sus rivales hablaron de vivienda y de transporte público en actos más pequeños.\n\n"
                + "En su discurso acusó a la oposición de querer convertir la región en una sucursal "
                + "de Caracas.\n\n"
                + "Las encuestas le dan una ventaja de diez puntos.\n\n"
                + "Los colegios electorales abren el domingo a las nueve.");
    assertThat(r.getRelevant()).isFalse();
    assertThat(r.getReasons()).anyMatch(reason -> reason.contains("only in passing"));
  }

  @Test
  void shouldKeepTheLegitimacyDisputeWrittenWithoutElectionWords() {
    Relevance r =
        relevance(
            "Fiscalía pide orden de aprehensión contra el excandidato por usurpación",
            "El fiscal general pidió este lunes una orden de aprehensión contra el dirigente "
                + "opositor, al que acusa de usurpación de funciones y de promover un golpe de "
                + "estado desde el extranjero, a una semana de la juramentación de Nicolás Maduro.");
    assertThat(r.getRelevant()).isTrue();
    assertThat(r.getReasons()).anyMatch(reason -> reason.startsWith("politics: usurp"));
  }

  @Test
  void shouldKeepAnOilLicenceAnsweredAsABlockadeAsPolitics() {
    Relevance r =
        relevance(
            "Vice president calls end of oil licence an imperial blockade",
            "CARACAS - Vice President Delcy Rodríguez said on Tuesday that Washington's decision "
                + "to revoke the licences of two oil companies working with PDVSA was part of an "
                + "imperial blockade, and that the country would defend its sovereignty.");
    assertThat(r.getRelevant()).isTrue();
  }

  @Test
  void shouldSetAsideCrimeAndMunicipalNewsInAVenezuelanCity() {
    Relevance crime =
        relevance(
            "Detenidos dos hombres por el robo de una farmacia en Maracay",
            "Funcionarios del Cicpc detuvieron a dos hombres acusados de robar una farmacia en el "
                + "centro de Maracay. El caso pasó al Ministerio Público y el fiscal general dijo "
                + "que serán presentados ante un juez.");
    Relevance roads =
        relevance(
            "La alcaldía de Maracaibo repara veinte calles antes de las lluvias",
            "El alcalde y el gobernador del Zulia recorrieron las obras de asfaltado en cinco "
                + "parroquias; el ministro de Transporte prometió maquinaria para el sur del lago.");
    assertThat(crime.getRelevant()).as(crime.getReasons().toString()).isFalse();
    assertThat(roads.getRelevant()).as(roads.getReasons().toString()).isFalse();
  }

  @Test
  void shouldReadTheGangNamedAfterAStateAsAnotherCountrysPolitics() {
    Relevance r =
        relevance(
            "Senado aprueba endurecer las penas por extorsión",
            "El Senado aprobó por amplia mayoría elevar las penas por extorsión, tras meses de "
                + "debate entre el gobierno y la oposición.\n\n"
                + "El ministro del Interior atribuyó parte de los delitos al Tren de Aragua y a "
                + "otras bandas transnacionales.\n\n"
                + "La norma pasa ahora a la cámara baja.\n\n"
                + "Organizaciones de derechos humanos pidieron no estigmatizar a los migrantes "
                + "venezolanos.");
    assertThat(r.getRelevant()).isFalse();
  }
}
