package io.vigia.enrich.figures;

import static io.vigia.enrich.figures.FigureFixtures.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.enrich.dedup.DedupEngine;
import io.vigia.enrich.dedup.RecordingDedupStore;
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

  private final RecordingDedupStore store = new RecordingDedupStore();
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
    void shouldNotCompareAPartysCountsOfTwoElectionsWrittenWithoutDenominators() {
      // No denominator tells these apart (19 of 23 in 2021, 23 of 24 in 2025): their elections do.
      report(
          "hemisferio",
          "2025-05-26T10:00:00Z",
          "Según el CNE, el PSUV ganó 23 gobernaciones en las regionales del domingo.");
      List<FigureConflict> conflicts =
          report(
              "voz",
              "2025-05-26T12:00:00Z",
              "En las regionales de 2021 el PSUV había ganado 19 gobernaciones.");

      assertThat(table.claims("s"))
          .extracting(StoredClaim::quantity, StoredClaim::subject, StoredClaim::election)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "governorships-won",
                  "vigia:org/psuv",
                  "event:2025-regional-and-parliamentary-elections"),
              org.assertj.core.groups.Tuple.tuple(
                  "governorships-won", "vigia:org/psuv", "event:2021-regional-elections"));
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
      assertThat(c.getSubject()).isEqualTo("Q57413/nicolas-maduro");
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
    void shouldStillFlagTwoCountsOfOneElectionAndNameIt() {
      report(
          "hemisferio",
          "2025-05-26T10:00:00Z",
          "Según el CNE, el PSUV ganó 23 gobernaciones en las regionales del domingo.");
      report(
          "voz",
          "2025-05-26T11:00:00Z",
          "En las regionales de 2021 el PSUV había ganado 19 gobernaciones.");
      List<FigureConflict> conflicts =
          report(
              "pulso",
              "2025-05-26T12:00:00Z",
              "Según la oposición, el PSUV solo ganó 20 gobernaciones en las regionales del"
                  + " domingo.");

      assertThat(conflicts).hasSize(1);
      FigureConflict c = conflicts.get(0);
      assertThat(c.getQuantity()).isEqualTo("governorships-won");
      assertThat(c.getElection()).isEqualTo("event:2025-regional-and-parliamentary-elections");
      assertThat(c.getValues())
          .extracting(ConflictingValue::getValue)
          .as("the 2021 count is not one of its values")
          .containsExactly(23.0, 20.0);
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

  @Nested
  class StoredTables {
    /** A claim as format 1 wrote it: no election. */
    private void writeFormat1Claim(
        java.io.DataOutputStream out, String article, String source, double value)
        throws java.io.IOException {
      out.writeUTF("governorships-won");
      out.writeUTF("vigia:org/psuv");
      out.writeUTF("PSUV");
      out.writeDouble(value);
      out.writeDouble(Double.NaN); // max
      out.writeDouble(Double.NaN); // total
      out.writeDouble(0.5);
      out.writeUTF("\u0000"); // attributedTo
      out.writeUTF(article);
      out.writeUTF(source);
      out.writeUTF(value + " gobernaciones");
      out.writeLong(1_000L);
    }

    private byte[] format1Table() throws java.io.IOException {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
      out.writeByte(1);
      out.writeLong(1_000L);
      out.writeInt(1);
      writeFormat1Claim(out, "old", "hemisferio", 23);
      return bytes.toByteArray();
    }

    @Test
    void shouldReadATableOfFormat1AsClaimsOfNoKnownElection() throws Exception {
      store.put("g|s", format1Table());

      assertThat(table.claims("s"))
          .extracting(
              StoredClaim::quantity,
              StoredClaim::value,
              StoredClaim::election,
              StoredClaim::articleId,
              StoredClaim::source,
              StoredClaim::attributedTo)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "governorships-won", 23.0, null, "old", "hemisferio", null));
    }

    @Test
    void shouldCompareAFormat1ClaimWithAnyElectionAndRewriteTheTableAsFormat2() throws Exception {
      store.put("g|s", format1Table());
      List<FigureConflict> conflicts =
          report(
              "pulso",
              "2025-05-26T12:00:00Z",
              "Según la oposición, el PSUV solo ganó 20 gobernaciones en las regionales del"
                  + " domingo.");

      assertThat(conflicts)
          .extracting(FigureConflict::getElection)
          .containsExactly("event:2025-regional-and-parliamentary-elections");
      assertThat(store.get("g|s")[0]).as("format").isEqualTo((byte) StoryFigureTable.FORMAT);
      assertThat(table.claims("s"))
          .extracting(StoredClaim::election)
          .containsExactly(null, "event:2025-regional-and-parliamentary-elections");
    }

    @Test
    void shouldKeepEachClaimsElectionThroughTheStore() {
      table.record(
          "s",
          "a",
          "outlet",
          1,
          List.of(
              Figure.newBuilder()
                  .setQuantity("seats-won")
                  .setSubject("vigia:org/psuv")
                  .setValue(91)
                  .setElection("event:2015-parliamentary-elections")
                  .setText("91 escaños")
                  .setStart(0)
                  .setEnd(10)
                  .build()));
      assertThat(table.claims("s"))
          .extracting(StoredClaim::election)
          .containsExactly("event:2015-parliamentary-elections");
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

  @Test
  void shouldLeaveTheEvictionKeyAloneWhenTheStorysLastTimeStaysTheSame() {
    for (String id : List.of("a", "b")) { // two articles of one story at the same time
      table.record(
          "s",
          id,
          "outlet",
          1,
          List.of(
              Figure.newBuilder()
                  .setQuantity("detained")
                  .setSubject("event:x")
                  .setValue(100)
                  .setText("x")
                  .setStart(0)
                  .setEnd(1)
                  .build()));
    }
    assertThat(store.deletes).as("deleted and written back").isEmpty();
    assertThat(store.get(DedupEngine.evictionKey(1, "g|s"))).isNotNull();
    assertThat(table.claims("s")).hasSize(2);
  }
}
