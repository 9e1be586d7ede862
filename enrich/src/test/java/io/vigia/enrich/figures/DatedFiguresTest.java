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

  @Test
  void shouldNotDateAFigureByAYearThatBoundsItOrIsComparedWith() {
    assertThat(
            valued(
                    figures(
                        MAY_2018,
                        "En las presidenciales, la participación fue de 46 %, la más baja desde"
                            + " 1958."),
                    "turnout",
                    0.46)
                .getElection())
        .isEqualTo("event:2018-presidential-election");
    assertThat(
            valued(
                    figures(
                        MAY_2018,
                        "In the presidential election turnout was 46 percent, far below 2013."),
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
                        "2024-07-30T12:00:00Z",
                        "En la presidencial, Edmundo González obtuvo el 67 % de los votos, según"
                            + " las actas que la oposición recogió en 2024."),
                    "vote-share",
                    0.67)
                .getElection())
        .isEqualTo("event:2024-presidential-election");
    assertThat(
            valued(
                    figures(
                        MAY_2018,
                        "En las presidenciales, Nicolás Maduro obtuvo el 68 %, como prometió en"
                            + " 2016."),
                    "vote-share",
                    0.68)
                .getElection())
        .as("no election in 2016")
        .isEqualTo("event:2018-presidential-election");
  }
}
