package io.vigia.enrich.figures;

import static io.vigia.enrich.figures.FigureFixtures.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.enrich.dedup.DedupEngine;
import io.vigia.enrich.dedup.DedupInput;
import io.vigia.enrich.dedup.DedupSettings;
import io.vigia.enrich.dedup.MemoryDedupStore;
import io.vigia.enrich.entities.KnowledgeBaseEntityLinker;
import io.vigia.schemas.ConflictingValue;
import io.vigia.schemas.Figure;
import io.vigia.schemas.FigureClaim;
import io.vigia.schemas.FigureConflict;
import io.vigia.schemas.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Claims of one election compared across stories days apart; fresh sentences throughout. */
class ElectionFigureTableTest {
  private static final KnowledgeBaseEntityLinker LINKER =
      new KnowledgeBaseEntityLinker(FigureFixtures.KB);
  private static final String Y2024 = "event:2024-presidential-election";

  private final MemoryDedupStore store = new MemoryDedupStore();
  private final StoryFigureTable stories = new StoryFigureTable(store);
  private final ElectionFigureTable table = new ElectionFigureTable(store);

  /**
   * One outlet's article, alone in a story of its own (as dedup leaves articles days apart), its
   * figures extracted by the bundled profile: what the article shows.
   */
  private List<FigureConflict> report(String outlet, String published, String text) {
    RawArticle a = article(outlet, published, text);
    List<Figure> figures = FigureFixtures.EXTRACTOR.extract(a, LINKER.link("", text, null));
    assertThat(figures).as("figures of %s", text).isNotEmpty();
    long time = Instant.parse(published).toEpochMilli();
    String id = outlet + published;
    return ElectionFigureTable.union(
        stories.record("story-" + id, id, outlet, time, figures),
        table.record(id, outlet, time, figures));
  }

  private static Figure claim(String quantity, String election, String by, double value) {
    return Figure.newBuilder()
        .setQuantity(quantity)
        .setSubject(election == null ? "event:2024-post-election-protests" : election)
        .setValue(value)
        .setAttributedTo(by)
        .setElection(election)
        .setText(String.valueOf(value))
        .setStart(0)
        .setEnd(3)
        .build();
  }

  @Test
  void shouldFlagTwoNamedSourcesOfOneElectionInTwoStoriesDaysApart() {
    List<FigureConflict> first =
        report("lanterna", "2024-07-29T09:00:00Z", "Según el CNE, la participación fue de 59 %.");
    List<FigureConflict> later =
        report(
            "brisa",
            "2024-08-01T15:00:00Z",
            "Según la Plataforma Unitaria Democrática, la participación fue de 48 %.");

    assertThat(first).isEmpty();
    assertThat(later).hasSize(1);
    FigureConflict c = later.get(0);
    assertThat(c.getQuantity()).isEqualTo("turnout");
    assertThat(c.getElection()).isEqualTo(Y2024);
    assertThat(c.getValues()).extracting(ConflictingValue::getValue).containsExactly(0.59, 0.48);
    assertThat(c.getValues())
        .flatExtracting(ConflictingValue::getClaims)
        .extracting(FigureClaim::getSource)
        .containsExactly("lanterna", "brisa");
  }

  @Test
  void shouldNotFlagARevisionByOneSourceDaysLater() {
    report("lanterna", "2024-07-29T09:00:00Z", "Según el CNE, la participación fue de 59 %.");
    List<FigureConflict> later =
        report(
            "brisa",
            "2024-08-02T15:00:00Z",
            "Según el CNE, la participación definitiva fue de 61,3 %.");
    assertThat(later).isEmpty();
  }

  @Test
  void shouldNotCompareOutletsOwnFiguresAcrossStories() {
    // Two moments of one count (a first bulletin, a later one), each in the outlet's own voice.
    report("lanterna", "2024-07-29T09:00:00Z", "La participación fue de 59 %.");
    List<FigureConflict> later =
        report("brisa", "2024-08-02T15:00:00Z", "La participación se ubicó en 52 %.");
    assertThat(later).isEmpty();
    assertThat(table.claims(Y2024, "turnout", Y2024)).isEmpty();
  }

  @Test
  void shouldNotCompareTwoElections() {
    report("lanterna", "2024-07-29T09:00:00Z", "Según el CNE, la participación fue de 59 %.");
    List<FigureConflict> later =
        report(
            "brisa",
            "2025-05-27T15:00:00Z",
            "Según la Plataforma Unitaria Democrática, la participación en las regionales fue de"
                + " 13 %.");
    assertThat(later).isEmpty();
  }

  @Test
  void shouldNotCompareOnePartysSharesOfTwoElections() {
    // Keyed by election, and compared per election besides (FigureConflicts): either keeps apart
    // a party's share of 2021 and its share of 2025.
    String y2021 = "event:2021-regional-elections";
    String y2025 = "event:2025-regional-and-parliamentary-elections";
    table.record("a", "lanterna", 0, List.of(share(y2021, "CNE", 0.46)));
    List<FigureConflict> later =
        table.record(
            "b", "brisa", Duration.ofDays(3).toMillis(), List.of(share(y2025, "MUD", 0.3)));
    assertThat(later).isEmpty();
  }

  private static Figure share(String election, String by, double value) {
    return Figure.newBuilder(claim("vote-share", election, by, value))
        .setSubject("vigia:org/psuv")
        .build();
  }

  @Test
  void shouldNotCompareRunningCountsOnTwoDates() {
    // A count of detained people grows from one day to the next: two dates, two moments.
    table.record("a", "lanterna", 0, List.of(claim("detained", Y2024, "Foro Penal", 120)));
    List<FigureConflict> later =
        table.record(
            "b",
            "brisa",
            Duration.ofDays(4).toMillis(),
            List.of(claim("detained", Y2024, "ONG", 900)));
    assertThat(later).isEmpty();
    assertThat(table.claims(Y2024, "detained", Y2024)).isEmpty();
  }

  @Test
  void shouldKeepNoClaimOfNoKnownElection() {
    table.record("a", "lanterna", 0, List.of(claim("turnout", null, "CNE", 0.59)));
    List<FigureConflict> later =
        table.record(
            "b",
            "brisa",
            Duration.ofDays(2).toMillis(),
            List.of(claim("turnout", null, "MUD", 0.3)));
    assertThat(later).isEmpty();
  }

  @Test
  void shouldShowTheStorysConflictWhereBothHaveTheKey() {
    FigureConflict story = conflict("turnout", Y2024, 0.5);
    FigureConflict wide = conflict("turnout", Y2024, 0.4);
    FigureConflict other = conflict("turnout", "event:2018-presidential-election", 0.4);
    assertThat(ElectionFigureTable.union(List.of(story), List.of(wide, other)))
        .containsExactly(story, other);
  }

  private static FigureConflict conflict(String quantity, String election, double value) {
    return FigureConflict.newBuilder()
        .setQuantity(quantity)
        .setSubject(election)
        .setElection(election)
        .setValues(
            List.of(ConflictingValue.newBuilder().setValue(value).setClaims(List.of()).build()))
        .build();
  }

  @Test
  void shouldKeepAtMostTheNewestClaimsOfAnEntry() {
    for (int i = 0; i < ElectionFigureTable.MAX_CLAIMS + 5; i++) {
      table.record("a" + i, "outlet", i, List.of(claim("turnout", Y2024, "source " + i, 0.5)));
    }
    List<StoredClaim> kept = table.claims(Y2024, "turnout", Y2024);
    assertThat(kept).hasSize(ElectionFigureTable.MAX_CLAIMS);
    assertThat(kept.get(0).articleId()).isEqualTo("a5");
  }

  @Test
  void shouldBeForgottenThroughDedupsEvictionIndex() {
    DedupSettings settings = DedupSettings.defaults();
    DedupEngine dedup = new DedupEngine(store, settings);
    Instant t0 = Instant.parse("2024-07-29T09:00:00Z");
    table.record("a", "lanterna", t0.toEpochMilli(), List.of(claim("turnout", Y2024, "CNE", 0.59)));
    String key = ElectionFigureTable.key(Y2024, "turnout", Y2024);
    assertThat(store.get(key)).isNotNull();
    assertThat(store.get(DedupEngine.evictionKey(t0.toEpochMilli(), key))).isNotNull();

    Instant later = t0.plus(settings.retention()).plus(Duration.ofDays(1));
    dedup.decide(DedupInput.of(article("late", later.toString(), "Otra noticia."), List.of()));

    assertThat(store.get(key)).as("the entry is gone with the retention").isNull();
  }
}
