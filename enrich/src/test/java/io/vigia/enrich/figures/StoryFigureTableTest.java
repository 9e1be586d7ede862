package io.vigia.enrich.figures;

import static io.vigia.enrich.figures.FigureFixtures.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.enrich.dedup.DedupEngine;
import io.vigia.enrich.dedup.MemoryDedupStore;
import io.vigia.enrich.entities.KnowledgeBaseEntityLinker;
import io.vigia.schemas.ConflictingValue;
import io.vigia.schemas.Figure;
import io.vigia.schemas.FigureClaim;
import io.vigia.schemas.FigureConflict;
import io.vigia.schemas.RawArticle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StoryFigureTableTest {
  private static final KnowledgeBaseEntityLinker LINKER =
      new KnowledgeBaseEntityLinker(FigureFixtures.KB);

  private final MemoryDedupStore store = new MemoryDedupStore();
  private final StoryFigureTable table = new StoryFigureTable(store);

  /** One outlet's article of story "s", its figures extracted by the bundled profile. */
  private List<FigureConflict> report(String outlet, String published, String text) {
    RawArticle a = article(outlet, published, text);
    List<Figure> figures = FigureFixtures.EXTRACTOR.extract(a, LINKER.link("", text, null));
    assertThat(figures).as("figures of %s", text).isNotEmpty();
    return table.record(
        "s", outlet + published, outlet, Instant.parse(published).toEpochMilli(), figures);
  }

  @Nested
  class NotConflicts {
    @Test
    void shouldNotFlagStatesWonByVotesAgainstGovernorshipsWon() {
      report(
          "south",
          "2021-11-23T10:00:00Z",
          "The PSUV polled the most votes in 20 of the 23 states on Sunday.");
      List<FigureConflict> conflicts =
          report(
              "cronista",
              "2021-11-23T11:00:00Z",
              "El PSUV se adjudicó 18 de las 23 gobernaciones, según el CNE.");

      assertThat(table.claims("s"))
          .extracting(StoredClaim::quantity)
          .containsExactly("states-won-by-votes", "governorships-won");
      assertThat(conflicts).isEmpty();
    }

    @Test
    void shouldNotFlagOneFigureWrittenToAnotherPrecision() {
      report("wire", "2021-11-24T10:00:00Z", "The CNE put turnout at 42.26%.");
      List<FigureConflict> conflicts =
          report(
              "pulso",
              "2021-11-24T12:00:00Z",
              "La participación fue de 42,3 por ciento, según el Consejo Nacional Electoral.");
      assertThat(conflicts).isEmpty();
    }

    @Test
    void shouldNotFlagARevisionBySameSource() {
      report("cronista", "2021-11-22T10:00:00Z", "Según el CNE, la participación fue de 41,80 %.");
      List<FigureConflict> conflicts =
          report("wire", "2021-11-24T10:00:00Z", "The CNE put final turnout at 42.26%.");
      assertThat(conflicts).isEmpty();
    }

    @Test
    void shouldNotCompareDifferentElections() {
      report(
          "hemisferio",
          "2025-05-26T10:00:00Z",
          "Según el CNE, el GPP ganó 23 de las 24 gobernaciones.");
      List<FigureConflict> conflicts =
          report(
              "voz",
              "2025-05-26T12:00:00Z",
              "En las regionales de 2021 el GPP había obtenido 19 de las 23 gobernaciones.");
      assertThat(conflicts).isEmpty();
    }
  }

  @Nested
  class Conflicts {
    @Test
    void shouldNameEachValueWithItsArticlesSourcesAndAttributions() {
      report(
          "cronista",
          "2024-07-29T06:00:00Z",
          "El CNE anunció que Nicolás Maduro obtuvo el 51,2 % de los votos.");
      report("wire", "2024-07-29T09:00:00Z", "The council says Maduro won 51.2% of the vote.");
      List<FigureConflict> conflicts =
          report(
              "voz",
              "2024-07-31T10:00:00Z",
              "Según la Plataforma Unitaria Democrática, Nicolás Maduro obtuvo apenas el 30 % de"
                  + " los votos.");

      assertThat(conflicts).hasSize(1);
      FigureConflict c = conflicts.get(0);
      assertThat(c.getQuantity()).isEqualTo("vote-share");
      assertThat(c.getSubject()).isEqualTo("Q57413");
      assertThat(c.getValues()).extracting(ConflictingValue::getValue).containsExactly(0.512, 0.3);
      assertThat(c.getValues().get(0).getClaims())
          .extracting(FigureClaim::getSource, FigureClaim::getAttributedTo)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("cronista", "Consejo Nacional Electoral"),
              org.assertj.core.groups.Tuple.tuple("wire", "Consejo Nacional Electoral"));
      assertThat(c.getValues().get(1).getClaims())
          .extracting(FigureClaim::getArticleId, FigureClaim::getAttributedTo)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "voz2024-07-31T10:00:00Z", "Plataforma Unitaria Democrática"));
    }

    @Test
    void shouldFlagAnOutletsOwnCountAgainstAnInstitutions() {
      report(
          "monitor",
          "2024-08-04T10:00:00Z",
          "President Nicolás Maduro said security forces had arrested 2,229 people.");
      List<FigureConflict> conflicts =
          report(
              "tepuy",
              "2024-08-05T10:00:00Z",
              "Foro Penal había documentado 1.010 detenciones con nombre y apellido.");
      assertThat(conflicts).extracting(FigureConflict::getQuantity).containsExactly("detained");
    }
  }

  @Test
  void shouldForgetAStoryTableWithTheStory() {
    report("wire", "2021-11-24T10:00:00Z", "The CNE put turnout at 42.26%.");
    String evict =
        DedupEngine.evictionKey(Instant.parse("2021-11-24T10:00:00Z").toEpochMilli(), "g|s");
    assertThat(store.get("g|s")).isNotNull();
    assertThat(store.get(evict)).as("the eviction index names the table").isNotNull();
  }

  @Test
  void shouldKeepAtMostTheNewestClaimsOfAStory() {
    for (int i = 0; i < StoryFigureTable.MAX_CLAIMS + 5; i++) {
      table.record(
          "s",
          "a" + i,
          "outlet",
          i,
          List.of(
              Figure.newBuilder()
                  .setQuantity("detained")
                  .setSubject("event:x")
                  .setValue(100 + i)
                  .setText("x")
                  .setStart(0)
                  .setEnd(1)
                  .build()));
    }
    assertThat(table.claims("s")).hasSize(StoryFigureTable.MAX_CLAIMS);
    assertThat(table.claims("s").get(0).articleId()).isEqualTo("a5");
  }
}
