package io.vigia.enrich.figures;

import static io.vigia.enrich.figures.FigureFixtures.figures;
import static io.vigia.enrich.figures.FigureFixtures.of;
import static io.vigia.enrich.figures.FigureFixtures.valued;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.schemas.Figure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whose figure a number is, in the constructions of general election writing that the nearest name
 * gets wrong: the loser named after a verb of defeating, a name in brackets' company, a possessive
 * before the next number, an aside that is only a name, and office counts listed after a party
 * without their noun. Sentences written for this test.
 */
class OwnerRulesTest {
  private static final String MAY_2018 = "2018-05-21T12:00:00Z";
  private static final String FALCON = "vigia:person/henri-falcon";

  @Test
  void shouldGiveTheShareAfterAVerbOfDefeatingToTheWinner() {
    for (String text :
        List.of(
            "En las presidenciales, Nicolás Maduro derrotó a Henri Falcón con el 68 % de los votos.",
            "In the presidential election, Nicolás Maduro defeated Henri Falcón with 68 percent of"
                + " the vote.",
            "En las presidenciales, Nicolás Maduro aventajó al exgobernador Henri Falcón con el 68 %"
                + " de los sufragios.")) {
      assertThat(valued(figures(MAY_2018, text), "vote-share", 0.68).getSubjectName())
          .as(text)
          .isEqualTo("Nicolás Maduro");
    }
  }

  @Test
  void shouldGiveItToTheOneNamedBeforeWhenThePronounDefeats() {
    List<Figure> fs =
        figures(
            MAY_2018,
            "Nicolás Maduro has faced Henrique Capriles before. In April 2013 he beat Henrique"
                + " Capriles with 50.61 percent of the vote.");
    assertThat(valued(fs, "vote-share", 0.5061).getSubjectName()).isEqualTo("Nicolás Maduro");
    List<Figure> after =
        figures(
            MAY_2018,
            "Nicolás Maduro had been vice-president. In April 2013, weeks after Hugo Chávez's"
                + " death, he beat Henrique Capriles with 50.61 percent of the vote.");
    assertThat(valued(after, "vote-share", 0.5061).getSubjectName())
        .as("a name earlier in the sentence is not the pronoun's")
        .isEqualTo("Nicolás Maduro");
  }

  @Test
  void shouldLeaveTheLoserHisOwnClause() {
    List<Figure> fs =
        figures(
            MAY_2018,
            "In the presidential election, Nicolás Maduro beat Henri Falcón, who took 21 percent of"
                + " the vote.");
    assertThat(valued(fs, "vote-share", 0.21).getSubject()).isEqualTo(FALCON);
  }

  @Test
  void shouldReadTheOwnerOfANumberAndItsBracketsAfterTheBrackets() {
    List<Figure> fs =
        figures(
            MAY_2018,
            "Nicolás Maduro sumaba 5.823.728 votos, el 67,7 %, frente a 1.820.552 (21,1 %) del"
                + " exgobernador Henri Falcón y 925.042 (10,8 %) del pastor evangélico Javier"
                + " Bertucci.");
    assertThat(valued(fs, "votes", 1_820_552).getSubject()).isEqualTo(FALCON);
    assertThat(valued(fs, "votes", 925_042).getSubjectName()).isEqualTo("Javier Bertucci");
    assertThat(valued(fs, "vote-share", 0.108).getSubjectName()).isEqualTo("Javier Bertucci");
  }

  @Test
  void shouldNotGiveANumberToANameThatOwnsTheNextOne() {
    List<Figure> fs =
        figures(
            MAY_2018,
            "In the presidential election, Nicolás Maduro won 6.2 million votes to Henri Falcón's"
                + " 1.8 million.");
    assertThat(valued(fs, "votes", 6_200_000).getSubjectName()).isEqualTo("Nicolás Maduro");
    assertThat(valued(fs, "votes", 1_800_000).getSubject()).isEqualTo(FALCON);
  }

  @Test
  void shouldTakeAnAsideThatIsOnlyANameForTheOneDescribed() {
    List<Figure> fs =
        figures(
            MAY_2018,
            "In the presidential election, the opposition candidate, Henri Falcón, received 1.8"
                + " million votes.");
    assertThat(valued(fs, "votes", 1_800_000).getSubject()).isEqualTo(FALCON);
  }

  @Test
  void shouldCountOfficesListedAfterAPartyWithoutTheirNoun() {
    List<Figure> es =
        figures(
            "2017-10-16T12:00:00Z",
            "En las regionales, el PSUV ganó 18 de las 23 gobernaciones y la oposición, cinco.");
    assertThat(valued(es, "governorships-won", 5).getSubjectName()).isEqualTo("Oposición");
    List<Figure> en =
        figures(
            "2015-12-08T12:00:00Z",
            "In the parliamentary election, the opposition coalition won 112 seats to the ruling"
                + " party's 55.");
    assertThat(valued(en, "seats-won", 55).getSubjectName())
        .isEqualTo("Partido Socialista Unido de Venezuela");
    List<Figure> took =
        figures(
            "2025-07-28T12:00:00Z",
            "En las municipales, el oficialismo se quedó con 285 de las 335 alcaldías; la"
                + " oposición ganó 50.");
    assertThat(valued(took, "mayoralties-won", 50).getSubjectName()).isEqualTo("Oposición");
  }

  @Test
  void shouldNotListABareNumberThatIsNoOfficeCount() {
    // a bare number after a name that does not end its part of the sentence, or beyond the
    // offices at stake, is not the list's
    assertThat(
            of(
                figures(
                    "2017-10-16T12:00:00Z",
                    "En las regionales, el PSUV ganó 18 de las 23 gobernaciones y la oposición, 5 de"
                        + " sus dirigentes presos."),
                "governorships-won"))
        .extracting(Figure::getValue)
        .containsExactly(18.0);
    assertThat(
            of(
                figures(
                    "2017-10-16T12:00:00Z",
                    "En las regionales, el PSUV ganó 18 de las 23 gobernaciones y la oposición, 30."),
                "governorships-won"))
        .extracting(Figure::getValue)
        .containsExactly(18.0);
  }

  @Test
  void shouldNameASubjectWhoseKnowledgeBaseIdNamesNobody() {
    List<Figure> fs =
        figures(
            MAY_2018,
            "En las presidenciales, Nicolás Maduro obtuvo el 68 % de los votos y Henri Falcón, el"
                + " 21 %.");
    // a Wikidata id says nobody who it is: the name follows it; a readable id is kept as it is
    assertThat(valued(fs, "vote-share", 0.68).getSubject()).isEqualTo("Q57413/nicolas-maduro");
    assertThat(valued(fs, "vote-share", 0.21).getSubject()).isEqualTo(FALCON);
  }

  @Test
  void shouldKnowACandidateBySurnameWhereTheArticleSpeaksOfHisRace() {
    // the profile's context words settle the bare surnames: the tally sheets of 2024, the
    // co-candidates of 2018
    List<Figure> gonzalez =
        figures(
            "2024-08-02T12:00:00Z",
            "Con las actas en la mano, la oposición dice que González obtuvo 7,3 millones de votos"
                + " en la presidencial.");
    assertThat(valued(gonzalez, "votes", 7_300_000).getSubject())
        .isEqualTo("vigia:person/edmundo-gonzalez");
    List<Figure> falcon =
        figures(
            MAY_2018,
            "En las presidenciales, Falcón, que compitió con Javier Bertucci, obtuvo el 21 % de los"
                + " votos.");
    assertThat(valued(falcon, "vote-share", 0.21).getSubject()).isEqualTo(FALCON);
  }

  @Test
  void shouldNotGiveAFigureToTheOneItsOwnerIsRankedAgainst() {
    for (String text :
        List.of(
            "In Venezuela's presidential election, Henri Falcón finished a distant second behind"
                + " Nicolás Maduro with 21 percent.",
            "En las presidenciales, Henri Falcón quedó segundo, muy por detrás de Nicolás Maduro,"
                + " con el 21 % de los votos.")) {
      assertThat(valued(figures(MAY_2018, text), "vote-share", 0.21).getSubject())
          .as(text)
          .isEqualTo(FALCON);
    }
  }
}
