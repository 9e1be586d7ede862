package io.vigia.enrich.figures;

import static io.vigia.enrich.figures.FigureFixtures.figures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigia.schemas.Figure;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProfileFigureExtractorTest {
  private static final String NOV_2021 = "2021-11-23T12:00:00Z";
  private static final String JUL_2024 = "2024-07-30T12:00:00Z";

  private static Figure only(List<Figure> fs, String quantity) {
    List<Figure> of = fs.stream().filter(f -> f.getQuantity().equals(quantity)).toList();
    assertThat(of).as("%s in %s", quantity, fs).hasSize(1);
    return of.get(0);
  }

  @Nested
  class TheUsersSample {
    @Test
    void shouldReadMostVotesInStatesAndGovernorshipsAsTwoQuantities() {
      List<Figure> votes =
          figures(
              NOV_2021,
              "The ruling PSUV ended Sunday's regional vote getting more votes in 20 of 23 states,"
                  + " the electoral council said.");
      List<Figure> governorships =
          figures(
              NOV_2021,
              "El PSUV ganó 18 de las 23 gobernaciones, según el Consejo Nacional Electoral.");

      Figure states = only(votes, "states-won-by-votes");
      assertThat(states.getValue()).isEqualTo(20);
      assertThat(states.getTotal()).isEqualTo(23);
      assertThat(states.getSubject()).isEqualTo("vigia:org/psuv");
      Figure won = only(governorships, "governorships-won");
      assertThat(won.getValue()).isEqualTo(18);
      assertThat(won.getTotal()).isEqualTo(23);
      assertThat(won.getSubject()).isEqualTo("vigia:org/psuv");
      assertThat(won.getAttributedTo()).isEqualTo("Consejo Nacional Electoral");
    }
  }

  @Nested
  class Values {
    @Test
    void shouldReadSpanishPercentagesAsFractionsAtTheirPrecision() {
      Figure t =
          only(
              figures(NOV_2021, "El CNE informó que la participación se ubicó en 41,80 %."),
              "turnout");
      assertThat(t.getValue()).isCloseTo(0.418, within(1e-9));
      assertThat(t.getPrecision()).isCloseTo(0.00005, within(1e-12));
      assertThat(t.getSubjectName()).isEqualTo("2021 regional elections");
      assertThat(t.getText()).isEqualTo("41,80 %");
    }

    @Test
    void shouldReadMillionsInBothLanguages() {
      Figure es =
          only(
              figures(JUL_2024, "El CNE dijo que Nicolás Maduro obtuvo 5,1 millones de votos."),
              "votes");
      Figure en =
          only(
              figures(JUL_2024, "The opposition said Edmundo González won 6.27 million votes."),
              "votes");
      assertThat(es.getValue()).isCloseTo(5_100_000, within(1e-6));
      assertThat(es.getSubjectName()).isEqualTo("Nicolás Maduro");
      assertThat(en.getValue()).isCloseTo(6_270_000, within(1e-6));
      assertThat(en.getSubjectName()).isEqualTo("Edmundo González");
      assertThat(en.getAttributedTo()).isEqualTo("Oposición");
    }

    @Test
    void shouldReadFourInTenAsAFraction() {
      Figure t =
          only(
              figures(
                  NOV_2021, "Según el CNE, la participación fue de cuatro de cada diez electores."),
              "turnout");
      assertThat(t.getValue()).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void shouldReadARangeWithItsUpperEnd() {
      Figure d =
          only(
              figures(
                  "2024-08-05T12:00:00Z",
                  "Abogados calculan que fueron detenidas entre 1.200 y 1.500 personas."),
              "detained");
      assertThat(d.getValue()).isEqualTo(1200);
      assertThat(d.getMax()).isEqualTo(1500);
      assertThat(d.getSubjectName()).isEqualTo("2024 post-election protests");
      assertThat(d.getAttributedTo()).isNull();
    }

    @Test
    void shouldMarkApproximationsAndWidenRoundOnes() {
      Figure t =
          only(
              figures(NOV_2021, "The National Electoral Council put turnout at nearly 42 percent."),
              "turnout");
      Figure d =
          only(
              figures(
                  "2024-08-05T12:00:00Z",
                  "Foro Penal said security forces had arrested more than 2,000 people."),
              "detained");
      assertThat(t.getApproximate()).isTrue();
      assertThat(t.getText()).isEqualTo("nearly 42 percent");
      assertThat(d.getApproximate()).isTrue();
      assertThat(d.getPrecision()).isEqualTo(500);
      assertThat(d.getAttributedTo()).isEqualTo("Foro Penal");
    }

    @Test
    void shouldReadCountsWrittenInWordsBeforeTheirNoun() {
      Figure g =
          only(
              figures(NOV_2021, "La oposición se quedó con tres gobernaciones."),
              "governorships-won");
      assertThat(g.getValue()).isEqualTo(3);
      assertThat(g.getSubjectName()).isEqualTo("Oposición");
    }
  }

  @Nested
  class NotFigures {
    @Test
    void shouldLeaveOutDatesAgesPricesDurationsAndArticlesOfALaw() {
      assertThat(
              figures(
                  JUL_2024,
                  "El 28 de julio de 2024 Machado, de 56 años, votó en Caracas. El artículo 293 de"
                      + " la Constitución fija sus funciones. La boleta costó 15 dólares y el"
                      + " escrutinio duró 6 horas. On July 28, González, 74, spoke for 20 minutes."))
          .isEmpty();
    }

    @Test
    void shouldLeaveOutTheCouncilsProcessingProgressAndMargins() {
      assertThat(
              figures(
                  NOV_2021,
                  "Con 99,5 % de las actas escrutadas, la distancia entre los dos era de poco más"
                      + " de 2.000 votos."))
          .isEmpty();
    }

    @Test
    void shouldLeaveOutAbstention() {
      assertThat(figures(NOV_2021, "La abstención alcanzó 58 %, según el CNE.")).isEmpty();
    }
  }

  @Nested
  class SubjectsAndSources {
    @Test
    void shouldGiveEachCandidateHisOwnShareAcrossAContrast() {
      List<Figure> fs =
          figures(
              JUL_2024,
              "El CNE anunció que Nicolás Maduro ganó con 5.150.092 votos, equivalentes al 51,20 %,"
                  + " frente a los 4.445.978 votos, el 44,2 %, del candidato de la Plataforma"
                  + " Unitaria Democrática, Edmundo González Urrutia.");
      assertThat(fs)
          .extracting(Figure::getQuantity, Figure::getSubjectName, Figure::getValue)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("votes", "Nicolás Maduro", 5150092.0),
              org.assertj.core.groups.Tuple.tuple("vote-share", "Nicolás Maduro", 0.512),
              org.assertj.core.groups.Tuple.tuple("votes", "Edmundo González", 4445978.0),
              org.assertj.core.groups.Tuple.tuple("vote-share", "Edmundo González", 0.442));
      assertThat(fs).allMatch(f -> "Consejo Nacional Electoral".equals(f.getAttributedTo()));
    }

    @Test
    void shouldNameTheElectionAClauseMentionsInPassing() {
      List<Figure> fs =
          figures(
              NOV_2021,
              "Turnout in Sunday's regional elections was 42.26%, the council said, below the 46%"
                  + " recorded in the 2018"
                  + " presidential election.");
      assertThat(fs)
          .extracting(Figure::getSubjectName)
          .containsExactly("2021 regional elections", "2018 presidential election");
    }

    @Test
    void shouldCountABareNumberSetAgainstAnotherAsTheSameQuantity() {
      List<Figure> fs =
          figures(
              JUL_2024,
              "The Unitary Platform said its tally sheets showed Edmundo González winning 6.27"
                  + " million votes against 2.75 million for President Nicolás Maduro.");
      assertThat(fs)
          .extracting(Figure::getQuantity, Figure::getSubjectName, Figure::getValue)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("votes", "Edmundo González", 6270000.0),
              org.assertj.core.groups.Tuple.tuple("votes", "Nicolás Maduro", 2750000.0));
      assertThat(fs.get(1).getText()).isEqualTo("2.75 million");
    }

    @Test
    void shouldNotCountABareNumberThatIsNotSetAgainstTheOneBefore() {
      List<Figure> fs =
          figures(
              JUL_2024,
              "Edmundo González won 6.27 million votes, 1.2 million of them abroad, the Unitary"
                  + " Platform said.");
      assertThat(fs).extracting(Figure::getQuantity).containsExactly("votes");
    }

    @Test
    void shouldTakeASourceNamedAfterWhatItReleased() {
      Figure f =
          only(
              figures(
                  "2023-10-25T12:00:00Z",
                  "Según cálculos difundidos por el Partido Socialista Unido de Venezuela, no"
                      + " pudieron haber votado más de 600.000 personas en la primaria."),
              "votes");
      assertThat(f.getAttributedTo()).isEqualTo("Partido Socialista Unido de Venezuela");
      Figure g =
          only(
              figures(
                  "2015-12-07T12:00:00Z",
                  "La MUD obtuvo 99 de los 167 escaños, según el primer boletín del Consejo"
                      + " Nacional Electoral."),
              "seats-won");
      assertThat(g.getAttributedTo()).isEqualTo("Consejo Nacional Electoral");
    }

    @Test
    void shouldNotTakeAnOrdinalForASourceCue() {
      Figure f =
          only(
              figures(
                  NOV_2021,
                  "El segundo de la oposición, Manuel Rosales, obtuvo el 57 % de los votos."),
              "vote-share");
      assertThat(f.getAttributedTo()).isNull();
    }

    @Test
    void shouldGiveAPartyTheOfficesItSaysItWon() {
      Figure f =
          only(
              figures(
                  "2015-12-08T20:00:00Z",
                  "The MUD itself says it won 113 of the 167 seats once the last races are"
                      + " counted."),
              "seats-won");
      assertThat(f.getSubjectName()).isEqualTo("Mesa de la Unidad Democrática");
      assertThat(f.getAttributedTo()).isEqualTo("Mesa de la Unidad Democrática");
    }

    @Test
    void shouldNotGiveAnInstitutionTheOfficesItAnnounces() {
      assertThat(
              figures(
                  "2015-12-08T20:00:00Z",
                  "The electoral council said 112 of the 167 seats had been decided."))
          .isEmpty();
    }

    @Test
    void shouldHearTheInstitutionWhenItsOfficialIsNamedBySurname() {
      Figure f =
          only(
              figures(JUL_2024, "Amoroso afirmó que la participación se situó en 59 %."),
              "turnout");
      assertThat(f.getAttributedTo()).isEqualTo("Consejo Nacional Electoral");
    }

    @Test
    void shouldKeepTheOutletsOwnVoiceUnattributed() {
      Figure f =
          only(figures(NOV_2021, "Over 8 million Venezuelans cast a ballot on Sunday."), "votes");
      assertThat(f.getAttributedTo()).isNull();
      assertThat(f.getSubjectName()).isEqualTo("2021 regional elections");
      assertThat(f.getApproximate()).isTrue();
    }
  }

  @Nested
  class TheElectionOfEachFigure {
    @Test
    void shouldGiveAnElectionWideFigureItsSubjectAsItsElection() {
      Figure t =
          only(
              figures(NOV_2021, "El CNE informó que la participación se ubicó en 41,80 %."),
              "turnout");
      assertThat(t.getElection())
          .isEqualTo("event:2021-regional-elections")
          .isEqualTo(t.getSubject());
    }

    @Test
    void shouldGiveAPartysCountTheElectionItsClauseNames() {
      List<Figure> fs =
          figures(
              "2025-05-26T12:00:00Z",
              "Según el CNE, el GPP ganó 23 de las 24 gobernaciones. En las regionales de 2021 el"
                  + " PSUV había obtenido 19 de las 23 gobernaciones.");
      assertThat(fs)
          .extracting(Figure::getQuantity, Figure::getValue, Figure::getElection)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "governorships-won", 23.0, "event:2025-regional-and-parliamentary-elections"),
              org.assertj.core.groups.Tuple.tuple(
                  "governorships-won", 19.0, "event:2021-regional-elections"));
    }

    @Test
    void shouldGiveACandidatesShareTheArticlesElectionWhenItsClauseNamesNone() {
      Figure f =
          only(
              figures(
                  JUL_2024,
                  "Tras la elección presidencial del domingo, el CNE dijo que Nicolás Maduro"
                      + " obtuvo el 51,2 % de los votos."),
              "vote-share");
      assertThat(f.getSubjectName()).isEqualTo("Nicolás Maduro");
      assertThat(f.getElection()).isEqualTo("event:2024-presidential-election");
    }

    @Test
    void shouldGiveACountOfDetainedPeopleNoElection() {
      Figure f =
          only(
              figures(
                  "2024-08-04T10:00:00Z",
                  "President Nicolás Maduro said security forces had arrested 2,229 people."),
              "detained");
      assertThat(f.getSubject()).isEqualTo("event:2024-post-election-protests");
      assertThat(f.getElection()).isNull();
    }
  }

  @Nested
  class RatiosInWords {
    @Test
    void shouldReadEveryNumberWordFromTwentySixToTwentyNine() {
      for (String[] w :
          new String[][] {
            {"veintiséis", "26"}, {"veintisiete", "27"}, {"veintiocho", "28"}, {"veintinueve", "29"}
          }) {
        Figure g =
            only(figures(NOV_2021, "La oposición ganó " + w[0] + " alcaldías."), "mayoralties-won");
        assertThat(g.getValue()).isEqualTo(Double.parseDouble(w[1]));
      }
    }

    @Test
    void shouldReadOneInEightAndOneInFiveAsFractions() {
      Figure en =
          only(
              figures(
                  "2025-05-26T12:00:00Z",
                  "Only one in eight registered voters went to the polls, the observers said."),
              "turnout");
      Figure es =
          only(
              figures(NOV_2021, "Apenas uno de cada cinco electores acudió a votar en Caracas."),
              "turnout");
      assertThat(en.getValue()).isCloseTo(0.125, within(1e-9));
      assertThat(es.getValue()).isCloseTo(0.2, within(1e-9));
      assertThat(es.getPrecision()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void shouldNotReadTheDenominatorAsACount() {
      List<Figure> fs =
          figures(
              "2025-05-26T12:00:00Z",
              "Only one in eight registered voters went to the polls, the observers said.");
      assertThat(fs).noneMatch(f -> f.getQuantity().equals("registered-voters"));
    }
  }

  @Nested
  class NounsThatOwnTheirNumber {
    @Test
    void shouldNotMakeAShareOfTallySheetsAVoteShare() {
      List<Figure> fs =
          figures(
              JUL_2024,
              "Con el 88 % de las actas transmitidas, el CNE dio a Nicolás Maduro el 52 % de los"
                  + " votos.");
      Figure share = only(fs, "vote-share");
      assertThat(share.getValue()).isCloseTo(0.52, within(1e-9));
      assertThat(share.getSubjectName()).isEqualTo("Nicolás Maduro");
      assertThat(fs).hasSize(1);
    }

    @Test
    void shouldTakeAShareThatTallySheetsAreSaidToGive() {
      Figure share =
          only(
              figures(
                  JUL_2024,
                  "Según las actas que reunió la oposición, Edmundo González obtuvo el 64 %."),
              "vote-share");
      assertThat(share.getValue()).isCloseTo(0.64, within(1e-9));
      assertThat(share.getSubjectName()).isEqualTo("Edmundo González");
    }
  }

  @Nested
  class NounsBeforeTheirNumber {
    @Test
    void shouldReadACountLinkedToItsNounByAVerb() {
      Figure es =
          only(
              figures(
                  "2014-03-20T12:00:00Z",
                  "Los fallecidos durante las protestas suman veintiocho, según la ONG."),
              "killed");
      Figure en =
          only(
              figures(
                  "2014-03-20T12:00:00Z", "The number of detainees rose to 1,240, the group said."),
              "detained");
      assertThat(es.getValue()).isEqualTo(28);
      assertThat(es.getSubjectName()).isEqualTo("2014 protests");
      assertThat(en.getValue()).isEqualTo(1240);
    }

    @Test
    void shouldReadACountAnnouncedAsACount() {
      Figure d =
          only(
              figures("2014-03-20T12:00:00Z", "La ONG elevó la cifra de detenidos a 1.240."),
              "detained");
      assertThat(d.getValue()).isEqualTo(1240);
    }

    @Test
    void shouldNotTakeANumberThatOnlyFollowsTheNoun() {
      assertThat(
              figures(
                  "2014-03-20T12:00:00Z",
                  "Los detenidos en 14 estados fueron trasladados a Caracas."))
          .isEmpty();
    }
  }

  @Nested
  class WordsThatRuleAFormOut {
    @Test
    void shouldLeaveAWordNearerTheNextNumberToThatNumber() {
      List<Figure> fs =
          figures(
              NOV_2021,
              "Cuatro de cada diez electores acudieron a votar el domingo, mientras que la"
                  + " abstención llegó al 60 %.");
      Figure t = only(fs, "turnout");
      assertThat(t.getValue()).isCloseTo(0.4, within(1e-9));
      assertThat(fs).hasSize(1);
    }

    @Test
    void shouldLeaveOutAPercentageOfSomethingElseBesideACandidate() {
      assertThat(
              figures(
                  JUL_2024,
                  "Con una inflación de 190 % y una aprobación de 20 %, Nicolás Maduro llega a la"
                      + " elección. Maduro, with inflation above 150 percent, campaigned anyway."))
          .isEmpty();
    }
  }

  @Nested
  class WhoWonIt {
    @Test
    void shouldGiveACandidateTheVotesHeSaysHeWon() {
      Figure v =
          only(
              figures(
                  NOV_2021, "Manuel Rosales asegura que obtuvo 1,1 millones de votos en Zulia."),
              "votes");
      assertThat(v.getSubjectName()).isEqualTo("Manuel Rosales");
      assertThat(v.getAttributedTo()).isEqualTo("Manuel Rosales");
    }

    @Test
    void shouldKeepVotesAnOfficialAnnouncesTheElections() {
      Figure v =
          only(
              figures(NOV_2021, "Pedro Calzadilla dijo que se emitieron 8,1 millones de votos."),
              "votes");
      assertThat(v.getSubject()).startsWith("event:");
    }

    @Test
    void shouldNeverGiveAnInstitutionTheVotesItCounts() {
      Figure v =
          only(
              figures(
                  "2017-08-01T12:00:00Z",
                  "La Asamblea Nacional Constituyente celebró el conteo: 8 millones de votos."),
              "votes");
      assertThat(v.getSubject()).isEqualTo("event:2017-constituent-assembly-election");
    }
  }

  @Nested
  class TheProfilesWords {
    @Test
    void shouldReadAShareOfTheRegisteredVotersThatVotedAsTurnout() {
      Figure es =
          only(
              figures(NOV_2021, "Apenas el 18 % de los inscritos votó en los comicios."),
              "turnout");
      Figure en = only(figures(NOV_2021, "Some 40% of eligible voters cast a ballot."), "turnout");
      assertThat(es.getValue()).isCloseTo(0.18, within(1e-9));
      assertThat(en.getValue()).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void shouldReadGoingToTheBallotBoxesAsTurnout() {
      Figure t =
          only(
              figures(NOV_2021, "Unos siete de cada diez venezolanos acudieron a las urnas."),
              "turnout");
      assertThat(t.getValue()).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void shouldReadCandidatesWhoVieForOffices() {
      Figure c =
          only(
              figures(NOV_2021, "Más de 300 candidatos se disputan las alcaldías del país."),
              "candidates");
      assertThat(c.getValue()).isEqualTo(300);
    }

    @Test
    void shouldReadPrisonersAsDetained() {
      Figure d =
          only(
              figures(
                  "2024-08-10T12:00:00Z",
                  "Provea contabiliza unos 800 presos tras las protestas de agosto."),
              "detained");
      assertThat(d.getValue()).isEqualTo(800);
      assertThat(d.getAttributedTo()).isEqualTo("Provea");
    }
  }

  @Nested
  class StatesCarriedAndOfficesLost {
    @Test
    void shouldReadStatesWonInAsStatesWonByVotes() {
      Figure es =
          only(
              figures(
                  "2012-10-09T12:00:00Z",
                  "Hugo Chávez se impuso en 21 de los 24 estados del país."),
              "states-won-by-votes");
      Figure en =
          only(
              figures("2012-10-09T12:00:00Z", "Henrique Capriles carried only three states."),
              "states-won-by-votes");
      assertThat(es.getValue()).isEqualTo(21);
      assertThat(es.getTotal()).isEqualTo(24);
      assertThat(es.getSubjectName()).isEqualTo("Hugo Chávez");
      assertThat(en.getValue()).isEqualTo(3);
    }

    @Test
    void shouldKnowACandidateByHisSurnameWhenTheArticleNamesHimInFull() {
      Figure s =
          only(
              figures(
                  "2012-10-09T12:00:00Z",
                  "Hugo Chávez fue reelegido el domingo. Henrique Capriles reconoció la derrota."
                      + " Chávez, who is 58, carried 21 of the 24 states."),
              "states-won-by-votes");
      assertThat(s.getSubjectName()).isEqualTo("Hugo Chávez");
    }

    @Test
    void shouldNotCountOfficesLostAsWon() {
      assertThat(
              figures(
                  NOV_2021,
                  "La oposición perdió seis alcaldías y the ruling party lost two governorships."))
          .isEmpty();
    }
  }

  @Nested
  class MoreWaysOfWritingCounts {
    @Test
    void shouldReadADeathTollPutAtANumber() {
      Figure k =
          only(
              figures("2019-01-26T12:00:00Z", "Rights groups put the death toll at 31 on Friday."),
              "killed");
      assertThat(k.getValue()).isEqualTo(31);
      assertThat(k.getSubjectName()).isEqualTo("2019 protests");
    }

    @Test
    void shouldReadAQuotedCountLinkedToItsNoun() {
      Figure d =
          only(
              figures(
                  "2019-01-26T12:00:00Z",
                  "El ministro afirmó que los detenidos son «menos de 200»."),
              "detained");
      assertThat(d.getValue()).isEqualTo(200);
      assertThat(d.getApproximate()).isTrue();
    }

    @Test
    void shouldReadPeopleEligibleToVoteAsRegisteredVoters() {
      Figure r =
          only(
              figures(NOV_2021, "About 21 million people were eligible to vote on Sunday."),
              "registered-voters");
      assertThat(r.getValue()).isCloseTo(21_000_000, within(1e-6));
    }
  }

  @Nested
  class TheElectionOfAFigureInPassing {
    @Test
    void shouldNotGiveAFigureTheElectionNamedAfterTheNextNumber() {
      List<Figure> fs =
          figures(
              "2012-12-17T12:00:00Z",
              "Venezuelans elected their governors on Sunday. Turnout was about 55%, down from 80%"
                  + " in October's presidential vote.");
      List<Figure> turnout = fs.stream().filter(f -> f.getQuantity().equals("turnout")).toList();
      assertThat(turnout).hasSize(2);
      assertThat(turnout.get(0).getSubjectName()).isEqualTo("2012 regional elections");
      assertThat(turnout.get(1).getSubjectName()).isEqualTo("2012 presidential election");
    }
  }

  @Nested
  class SubjectsPutAfterTheirVerb {
    @Test
    void shouldHearTheSourceNamedAfterItsVerbAndNotTheCandidateBeforeIt() {
      List<Figure> fs =
          figures(
              "2013-04-15T12:00:00Z",
              "Nicolás Maduro obtuvo 50,7 % de los votos, frente a 49,1 % de Henrique Capriles,"
                  + " informó el Consejo Nacional Electoral.");
      assertThat(fs)
          .extracting(Figure::getSubjectName, Figure::getAttributedTo)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("Nicolás Maduro", "Consejo Nacional Electoral"),
              org.assertj.core.groups.Tuple.tuple(
                  "Henrique Capriles", "Consejo Nacional Electoral"));
    }

    @Test
    void shouldNotTakeTheOwnerOfAFigureGivenToHimForItsSource() {
      Figure f =
          only(
              figures(JUL_2024, "The council gave Nicolás Maduro 51.2% of the vote."),
              "vote-share");
      assertThat(f.getSubjectName()).isEqualTo("Nicolás Maduro");
    }
  }
}
