package io.vigia.enrich.figures;

import static io.vigia.enrich.figures.FigureFixtures.figures;
import static io.vigia.enrich.figures.FigureFixtures.of;
import static io.vigia.enrich.figures.FigureFixtures.valued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigia.schemas.Figure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The general rules added after the fourth batch of fresh writing (corpus/figures s17-s23), each
 * checked on sentences of its own: abbreviated millions, lists that name their noun once, an owner
 * introduced right after its number, passive participles before a number, a speaker's own count,
 * the elections of the vocabulary before 2012, and margins and showing up as vocabulary.
 */
class FreshWritingRulesTest {
  private static final String APR_2013 = "2013-04-16T12:00:00Z";

  @Test
  void shouldReadAbbreviatedMillions() {
    assertThat(NumberScanner.scan("sumo 4,8 mm de votos").get(0).value())
        .isCloseTo(4_800_000, within(1e-3));
    assertThat(NumberScanner.scan("sumo 4,8mm de votos").get(0).value())
        .isCloseTo(4_800_000, within(1e-3));
    assertThat(NumberScanner.scan("got 3.1m votes").get(0).value())
        .isCloseTo(3_100_000, within(1e-3));
    assertThat(NumberScanner.scan("unos 2,5 mill. de votos").get(0).value())
        .isCloseTo(2_500_000, within(1e-3));
    assertThat(NumberScanner.scan("a 1.2bn budget").get(0).value())
        .isCloseTo(1_200_000_000, within(1e-3));
    // "4 m" with a space is a distance, not millions
    assertThat(NumberScanner.scan("a wall 4 m high").get(0).value()).isEqualTo(4);
  }

  @Test
  void shouldCountAListThatNamesItsNounOnce() {
    List<Figure> same =
        figures(
            APR_2013,
            "Nicolás Maduro sumó 7.505.338 votos (50,6 %) y Henrique Capriles, 7.270.403.");
    assertThat(valued(same, "votes", 7_270_403).getSubject())
        .isEqualTo("vigia:person/henrique-capriles");
    List<Figure> next =
        figures(
            APR_2013,
            "Nicolás Maduro sumó 7.505.338 votos, el 50,6 %. Henrique Capriles reunió 7.270.403.");
    assertThat(valued(next, "votes", 7_270_403).getSubject())
        .isEqualTo("vigia:person/henrique-capriles");
  }

  @Test
  void shouldNotCountAPartADifferenceOrASmallNumberAsOneOfTheList() {
    assertThat(
            of(
                figures(
                    "2024-08-20T12:00:00Z",
                    "Foro Penal registra 2.100 detenidos. De ellos, 1.300 siguen en prisión."),
                "detained"))
        .extracting(Figure::getValue)
        .containsExactly(2100.0);
    assertThat(
            of(
                figures(
                    APR_2013,
                    "Nicolás Maduro sumó 7.505.338 votos, 1.500.000 menos que Hugo Chávez."),
                "votes"))
        .extracting(Figure::getValue)
        .containsExactly(7_505_338.0);
    assertThat(
            of(
                figures(
                    "2024-08-09T08:00:00Z",
                    "Rights groups count 24 dead across the country. Maduro, who is 61, has promised"
                        + " two new prisons."),
                "killed"))
        .extracting(Figure::getValue)
        .containsExactly(24.0);
  }

  @Test
  void shouldGiveANumberToTheOwnerItsPartIntroducesRightAfterIt() {
    List<Figure> fs =
        figures(
            APR_2013,
            "El CNE asignó 7.505.338 votos para Nicolás Maduro y 7.270.403 para Henrique Capriles.");
    assertThat(valued(fs, "votes", 7_270_403).getSubject())
        .isEqualTo("vigia:person/henrique-capriles");
    assertThat(valued(fs, "votes", 7_505_338).getSubject()).isEqualTo("Q57413/nicolas-maduro");
  }

  @Test
  void shouldReadAPassiveParticipleRightBeforeTheNumberAsItsNoun() {
    List<Figure> fs =
        figures(
            "2024-08-20T12:00:00Z",
            "Según Provea, en la primera semana fueron arrestados más de 1.200 en todo el país.");
    assertThat(valued(fs, "detained", 1200).getSubjectName())
        .isEqualTo("2024 post-election protests");
  }

  @Test
  void shouldGiveASpeakerTheVotesItSaysItGotOverSomeoneInAnEarlierSentence() {
    List<Figure> fs =
        figures(
            "2008-11-24T12:00:00Z",
            "Henrique Capriles spoke in Caracas on Monday. The opposition, which says its"
                + " candidates got 4.9m votes, wants a recount.");
    assertThat(valued(fs, "votes", 4_900_000).getSubject()).isEqualTo("vigia:group/oposicion");
  }

  @Test
  void shouldReadTheLeadersSocialistPartyAsTheParty() {
    List<Figure> fs =
        figures(
            "2008-11-24T12:00:00Z",
            "Hugo Chávez's socialist party won 15 of the 23 governorships.");
    assertThat(valued(fs, "governorships-won", 15).getSubject()).isEqualTo("vigia:org/psuv");
  }

  @Test
  void shouldNameTheElectionsHeldBefore2012() {
    assertThat(
            valued(
                    figures(
                        "2006-12-04T12:00:00Z",
                        "La participación en la elección presidencial del domingo fue de 74,7 %."),
                    "turnout",
                    0.747)
                .getSubjectName())
        .isEqualTo("2006 presidential election");
    assertThat(
            valued(
                    figures(
                        "2008-11-24T12:00:00Z",
                        "La participación en las elecciones regionales fue de 65,4 %, informó el"
                            + " CNE."),
                    "turnout",
                    0.654)
                .getSubjectName())
        .isEqualTo("2008 regional elections");
    assertThat(
            valued(
                    figures(
                        "2012-02-13T12:00:00Z",
                        "Más de tres millones de personas votaron en la primaria opositora."),
                    "votes",
                    3_000_000)
                .getSubjectName())
        .isEqualTo("2012 opposition primary");
  }

  @Test
  void shouldNotTakeAReferendumSpokenOfLooselyForTheReferendumOfAnotherYear() {
    List<Figure> fs =
        figures(
            "2013-12-09T12:00:00Z",
            "About 58% of voters cast ballots on Sunday. The president had called the vote a"
                + " referendum on his first months in office.");
    assertThat(of(fs, "turnout")).isNotEmpty();
    assertThat(of(fs, "turnout"))
        .extracting(Figure::getSubjectName)
        .doesNotContain("2009 constitutional referendum", "2007 constitutional referendum");
  }

  @Test
  void shouldNotCountAWinningMarginAsVotes() {
    assertThat(
            of(
                figures(
                    APR_2013,
                    "Nicolás Maduro won by 234,935 votes, and Henrique Capriles asked for a"
                        + " recount."),
                "votes"))
        .isEmpty();
  }

  @Test
  void shouldReadVotersShowingUpAsTurnout() {
    assertThat(
            valued(
                    figures(
                        "2017-12-11T12:00:00Z",
                        "Independent observers said fewer than one in four voters had shown up for"
                            + " the municipal elections."),
                    "turnout",
                    0.25)
                .getSubjectName())
        .isEqualTo("2017 municipal elections");
  }
}
