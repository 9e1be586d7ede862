package io.vigia.enrich.figures;

import static io.vigia.enrich.figures.FigureFixtures.figures;
import static io.vigia.enrich.figures.FigureFixtures.valued;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.schemas.Figure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A figure its sentence dates to another year belongs to that year's election, not the article's:
 * analysis pieces compare a result with earlier ones, and the two values are no conflict. Sentences
 * written for this test.
 */
class DatedFiguresTest {
  private static final String MAY_2018 = "2018-05-21T12:00:00Z";

  @Test
  void shouldGiveAFigureDatedToAnotherYearThatYearsElectionOfTheArticlesKind() {
    List<Figure> fs =
        figures(
            MAY_2018,
            "Nicolás Maduro ganó las presidenciales con el 68 % de los votos. En abril de 2013,"
                + " semanas después de la muerte de Hugo Chávez, obtuvo el 50,6 %.");
    assertThat(valued(fs, "vote-share", 0.68).getElection())
        .isEqualTo("event:2018-presidential-election");
    assertThat(valued(fs, "vote-share", 0.506).getElection())
        .isEqualTo("event:2013-presidential-election");
    List<Figure> en =
        figures(
            MAY_2018,
            "In the presidential election, Hugo Chávez's heir won 68 percent. Chávez, who won 7.3"
                + " million votes in 2006, never faced such a boycott.");
    assertThat(valued(en, "votes", 7_300_000).getElection())
        .isEqualTo("event:2006-presidential-election");
  }

  // The sentences below name no kind of election where the number is, so the year is what could
  // date it (a sentence that names one is dated by that, Elections.inClause).
  @Test
  void shouldNotDateAFigureByAYearThatBoundsItOrIsComparedWith() {
    assertThat(
            valued(
                    figures(
                        MAY_2018,
                        "Nicolás Maduro ganó las presidenciales. La participación fue de 46 %, la"
                            + " más baja desde 2000."),
                    "turnout",
                    0.46)
                .getElection())
        .isEqualTo("event:2018-presidential-election");
    assertThat(
            valued(
                    figures(
                        MAY_2018,
                        "Nicolás Maduro won the presidential election. Turnout was 46 percent, far"
                            + " below 2013."),
                    "turnout",
                    0.46)
                .getElection())
        .isEqualTo("event:2018-presidential-election");
  }

  @Test
  void shouldKeepTheArticlesElectionForAYearWithNoElection() {
    assertThat(
            valued(
                    figures(
                        MAY_2018,
                        "Nicolás Maduro ganó las presidenciales. Obtuvo el 68 % de los votos, como"
                            + " prometió en 2016."),
                    "vote-share",
                    0.68)
                .getElection())
        .as("no election in 2016")
        .isEqualTo("event:2018-presidential-election");
  }
}
