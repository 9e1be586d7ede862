package io.vigia.sink.figures;

import static io.vigia.sink.figures.FigureFixtures.CNE_BULLETIN;
import static io.vigia.sink.figures.FigureFixtures.OPPOSITION_TURNOUT;
import static io.vigia.sink.figures.FigureFixtures.SAME_TURNOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.search.ArticleDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureTableTest {

  private static FigureTable.Group group(FigureTable t, String quantity) {
    return t.groups().stream().filter(g -> g.quantity().equals(quantity)).findFirst().orElseThrow();
  }

  @Test
  void shouldGroupByQuantityAndSubjectAndMergeOneValueWrittenTwoWays() {
    FigureTable t = FigureTable.of(List.of(OPPOSITION_TURNOUT, SAME_TURNOUT, CNE_BULLETIN));

    assertThat(t.groups())
        .extracting(FigureTable.Group::quantity)
        .containsExactly("governorships-won", "states-won-by-votes", "turnout");
    FigureTable.Group turnout = group(t, "turnout");
    assertThat(turnout.subject()).isEqualTo(FigureFixtures.ELECTION);
    assertThat(turnout.subjectName()).isEqualTo("2024 presidential election");
    assertThat(turnout.values()).extracting(FigureTable.Value::value).containsExactly(0.30, 0.4226);
    FigureTable.Value official = turnout.values().get(1);
    assertThat(official.sources())
        .as("42.26 % and 42,3 por ciento are one value, oldest statement first")
        .extracting(FigureTable.Source::source, FigureTable.Source::attributedTo)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Caribe Diario", "vigia:org/cne"),
            org.assertj.core.groups.Tuple.tuple("Monitor Andino", null));
    assertThat(official.sources().get(0).article()).isEqualTo(CNE_BULLETIN.id());
  }

  @Test
  void shouldMarkTheStorysConflictOnBothValuesAndNotOnLookAlikeQuantities() {
    FigureTable t = FigureTable.of(List.of(CNE_BULLETIN, SAME_TURNOUT, OPPOSITION_TURNOUT));

    FigureTable.Group turnout = group(t, "turnout");
    assertThat(turnout.conflicting()).isTrue();
    assertThat(turnout.values()).allMatch(FigureTable.Value::conflicting);
    assertThat(group(t, "states-won-by-votes").conflicting()).isFalse();
    assertThat(group(t, "governorships-won").values())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.value()).isEqualTo(18);
              assertThat(v.total()).isEqualTo(23.0);
              assertThat(v.conflicting()).isFalse();
            });
    assertThat(t.conflicts()).singleElement().satisfies(c -> assertThat(c.values()).hasSize(3));
  }

  @Test
  void shouldKeepOnePartysCountsOfTwoElectionsInTwoGroupsAndMarkOnlyTheConflictsElection() {
    String y2021 = "event:2021-regional-elections";
    String y2025 = "event:2025-regional-and-parliamentary-elections";
    ArticleDocument official =
        FigureFixtures.doc(
            "https://hemisferio.example/gobernaciones",
            "Hemisferio",
            "story-governorships",
            "2025-05-26T10:00:00Z",
            List.of(governorships(23, y2025, "vigia:org/cne", "23 gobernaciones")),
            List.of());
    ArticleDocument back =
        FigureFixtures.doc(
            "https://voz.example/2021",
            "La Voz",
            "story-governorships",
            "2025-05-26T11:00:00Z",
            List.of(governorships(19, y2021, null, "19 gobernaciones en 2021")),
            List.of());
    ArticleDocument opposition =
        FigureFixtures.doc(
            "https://pulso.example/oposicion",
            "Pulso",
            "story-governorships",
            "2025-05-26T12:00:00Z",
            List.of(governorships(20, y2025, "the opposition", "20 gobernaciones")),
            List.of(
                io.vigia.schemas.FigureConflict.newBuilder()
                    .setQuantity("governorships-won")
                    .setSubject(FigureFixtures.PSUV)
                    .setElection(y2025)
                    .setValues(
                        List.of(
                            FigureFixtures.value(
                                23,
                                FigureFixtures.claim(
                                    "https://hemisferio.example/gobernaciones",
                                    "Hemisferio",
                                    "vigia:org/cne")),
                            FigureFixtures.value(
                                20,
                                FigureFixtures.claim(
                                    "https://pulso.example/oposicion", "Pulso", "the opposition"))))
                    .build()));

    FigureTable t = FigureTable.of(List.of(official, back, opposition));

    assertThat(t.groups())
        .extracting(
            FigureTable.Group::quantity,
            FigureTable.Group::election,
            FigureTable.Group::conflicting)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("governorships-won", y2021, false),
            org.assertj.core.groups.Tuple.tuple("governorships-won", y2025, true));
    assertThat(t.groups().get(0).values())
        .singleElement()
        .satisfies(v -> assertThat(v.conflicting()).isFalse());
    assertThat(t.groups().get(1).values())
        .extracting(FigureTable.Value::value)
        .containsExactly(20.0, 23.0);
    assertThat(t.conflicts())
        .singleElement()
        .satisfies(c -> assertThat(c.election()).isEqualTo(y2025));
  }

  private static io.vigia.schemas.Figure governorships(
      double value, String election, String attributedTo, String text) {
    return io.vigia.schemas.Figure.newBuilder(
            FigureFixtures.figure(
                "governorships-won",
                FigureFixtures.PSUV,
                value,
                null,
                null,
                false,
                0.5,
                attributedTo,
                text))
        .setElection(election)
        .build();
  }

  @Test
  void shouldDropAConflictWhoseOtherSideLeftTheStory() {
    // The opposition's article detached: the others' records still know the conflict only through
    // a newer record, and that one is gone with it; a newer article's record that still names the
    // detached claim must not make a conflict either.
    ArticleDocument later =
        FigureFixtures.doc(
            "https://later.example/x",
            "Later Outlet",
            FigureFixtures.TURNOUT_STORY,
            "2024-07-30T10:00:00Z",
            List.of(),
            List.of(
                FigureFixtures.conflict(
                    "turnout",
                    FigureFixtures.ELECTION,
                    FigureFixtures.value(
                        0.4226,
                        FigureFixtures.claim(
                            "https://caribe.example/cne", "Caribe Diario", "vigia:org/cne")),
                    FigureFixtures.value(
                        0.30,
                        FigureFixtures.claim(
                            "https://orinoco.example/turnout",
                            "Orinoco Times",
                            "the opposition")))));

    FigureTable t = FigureTable.of(List.of(CNE_BULLETIN, SAME_TURNOUT, later));

    FigureTable.Group turnout = group(t, "turnout");
    assertThat(turnout.conflicting()).isFalse();
    assertThat(turnout.values())
        .singleElement()
        .satisfies(v -> assertThat(v.conflicting()).isFalse());
    assertThat(t.conflicts()).isEmpty();
  }

  @Test
  void shouldKeepARangeWithItsUpperEndAndBeEmptyForAStoryWithoutFigures() {
    FigureTable t = FigureTable.of(List.of(FigureFixtures.DETAINEES));
    FigureTable.Value v = t.groups().get(0).values().get(0);
    assertThat(v.value()).isEqualTo(1200);
    assertThat(v.max()).isEqualTo(1500.0);
    assertThat(v.approximate()).isTrue();
    assertThat(v.sources().get(0).attributedTo()).isEqualTo("Foro Penal");

    assertThat(FigureTable.of(List.of()).groups()).isEmpty();
  }
}
