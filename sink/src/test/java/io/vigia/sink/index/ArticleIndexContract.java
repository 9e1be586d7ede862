package io.vigia.sink.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.schemas.Correction;
import io.vigia.search.ArticleDocument;
import io.vigia.search.ArticleDocument.EntityRef;
import io.vigia.search.ArticleDocument.StanceRef;
import io.vigia.search.SearchParameters;
import io.vigia.search.SearchQuery;
import io.vigia.search.lucene.ArticleMatch;
import io.vigia.sink.corrections.CorrectedIndex;
import io.vigia.sink.corrections.CorrectionFixtures;
import io.vigia.sink.corrections.CorrectionOverlay;
import io.vigia.sink.corrections.CorrectionSet;
import io.vigia.sink.figures.FigureFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every search backend answers alike, on one fixture corpus: full text, every filter, sort and
 * paging, stats and stories. Run against Lucene ({@code LuceneArticleIndexContractTest}) and
 * OpenSearch ({@code OpenSearchArticleIndexIT}, {@code OpenSearchArticleIndexContainerIT}). It also
 * checks that the backend's search returns exactly the articles an alert subscription with the same
 * query matches ({@link ArticleMatch}, the one-article index alerts use).
 */
public abstract class ArticleIndexContract {
  private static final EntityRef CNE =
      new EntityRef("Q1", "Consejo Nacional Electoral", "ORG", 2, true);
  private static final EntityRef MADURO =
      new EntityRef("Q57413", "Nicolás Maduro", "PERSON", 1, true);
  private static final EntityRef GONZALEZ =
      new EntityRef("vigia:person/edmundo-gonzalez", "Edmundo González", "PERSON", 1, true);
  private static final EntityRef CARACAS =
      new EntityRef("unlinked:caracas", "Caracas", "LOC", 1, false);

  /**
   * The corpus: three stories with copies, two languages, one article without a time, equal times
   * for the tie-break.
   */
  public static final List<ArticleDocument> CORPUS =
      List.of(
          doc(
              "a1",
              "es",
              "Caribe Diario",
              "Elecciones presidenciales en Venezuela",
              "El CNE anunció los resultados de las elecciones presidenciales.",
              "2024-07-28T10:00:00Z",
              List.of(CNE, MADURO),
              "favor",
              "s1",
              1,
              null),
          doc(
              "a2",
              "es",
              "Monitor Andino",
              "Actas de votación",
              "La oposición publicó las actas; el CNE no respondió.",
              "2024-07-29T09:00:00Z",
              List.of(CNE, GONZALEZ),
              "against",
              "s1",
              2,
              null),
          doc(
              "a3",
              "en",
              "Orinoco Times",
              "Election results disputed",
              "The CNE announced results; the opposition disputes them.",
              "2024-07-29T15:00:00Z",
              List.of(CNE),
              "against",
              "s1",
              3,
              null),
          doc(
              "a4",
              "es",
              "Caribe Diario",
              "Béisbol: los Leones ganan",
              "Los Leones del Caracas ganaron el juego.",
              "2024-07-30T12:00:00Z",
              List.of(),
              null,
              "s2",
              1,
              null),
          doc(
              "a5",
              "es",
              "Eco Llanero",
              "Actas de votación",
              "La oposición publicó las actas; el CNE no respondió.",
              "2024-07-29T09:30:00Z",
              List.of(CNE),
              "against",
              "s1",
              4,
              "a2"),
          doc(
              "a6",
              "en",
              "Orinoco Times",
              "Maduro speaks",
              "Nicolás Maduro spoke about the presidential vote.",
              null,
              List.of(MADURO),
              "neutral",
              "s3",
              1,
              null),
          doc(
              "a7",
              "es",
              "Monitor Andino",
              "Elecciones presidenciales: el CNE",
              "Nueva jornada electoral en Caracas; el CNE informó.",
              "2024-07-29T09:00:00Z",
              List.of(CNE, CARACAS),
              null,
              "s2",
              2,
              null),
          doc(
              "a8",
              "es",
              "Caribe Diario",
              "Tránsito en Caracas",
              "Cierres de vías en Caracas por obras.",
              "2024-07-31T08:00:00Z",
              List.of(CARACAS),
              null,
              "s4",
              1,
              null),
          doc(
              "a9",
              "es",
              "Caribe Diario",
              "Tránsito en Caracas (2)",
              "Más cierres de vías en Caracas.",
              "2024-07-31T09:00:00Z",
              List.of(CARACAS),
              null,
              "s4",
              1,
              null),
          doc(
              "a10",
              "es",
              "Caribe Diario",
              "Tránsito en Caracas (3)",
              "Vías abiertas otra vez en Caracas.",
              "2024-07-31T10:00:00Z",
              List.of(CARACAS),
              null,
              "s4",
              1,
              null));

  protected ArticleIndex index;

  /** A new, empty index of the backend under test. */
  protected abstract ArticleIndex newIndex();

  /** Makes every write searchable (OpenSearch refreshes each second; Lucene at once). */
  protected abstract void makeSearchable(ArticleIndex index);

  @BeforeEach
  void writeCorpus() throws Exception {
    index = newIndex();
    assertThat(index.write(CORPUS).rejected()).isEmpty();
    makeSearchable(index);
  }

  @AfterEach
  void closeContractIndex() {
    if (index != null) {
      index.close();
    }
  }

  private static ArticleDocument doc(
      String id,
      String lang,
      String source,
      String title,
      String text,
      String time,
      List<EntityRef> entities,
      String againstMaduro,
      String story,
      int storySources,
      String duplicateOf) {
    Instant t = time == null ? null : Instant.parse(time);
    List<StanceRef> stance =
        againstMaduro == null
            ? List.of()
            : List.of(
                new StanceRef(
                    "maduro-government",
                    againstMaduro,
                    againstMaduro.equals("against") ? -0.5 : 0.5,
                    List.of()));
    return new ArticleDocument(
        id,
        id,
        "https://" + source.replace(' ', '-').toLowerCase() + ".example/" + id,
        null,
        title,
        null,
        t,
        t,
        Instant.parse("2024-08-01T00:00:00Z"),
        lang,
        source,
        null,
        text,
        null,
        null,
        null,
        duplicateOf == null ? "original" : "duplicate",
        duplicateOf,
        story,
        storySources,
        0.9,
        entities,
        stance,
        1,
        1);
  }

  /** Query parameters as the HTTP API takes them, e.g. {@code "q", "cne", "language", "es"}. */
  protected static SearchQuery params(String... kv) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.computeIfAbsent(kv[i], k -> new ArrayList<>()).add(kv[i + 1]);
    }
    if (!m.containsKey("size")) {
      m.put("size", List.of("100"));
    }
    return SearchParameters.parse(m, 20);
  }

  private Set<String> ids(SearchQuery q) {
    SearchResult r = index.search(q);
    assertThat(r.total()).as("total of " + q).isEqualTo(r.articles().size());
    return new TreeSet<>(r.articles().stream().map(ArticleDocument::id).toList());
  }

  private List<String> ordered(SearchQuery q) {
    return index.search(q).articles().stream().map(ArticleDocument::id).toList();
  }

  /** Each case: the search parameters, then the ids expected. */
  static List<Object[]> searches() {
    return List.of(
        new Object[] {new String[] {"q", "presidencial"}, Set.of("a1", "a7")},
        new Object[] {new String[] {"q", "CNE"}, Set.of("a1", "a2", "a3", "a7")},
        new Object[] {new String[] {"q", "CNE -oposición"}, Set.of("a1", "a3", "a7")},
        new Object[] {new String[] {"q", "CNE NOT actas"}, Set.of("a1", "a3", "a7")},
        new Object[] {new String[] {"q", "Leones OR Maduro"}, Set.of("a4", "a6")},
        new Object[] {new String[] {"q", "leones | maduro"}, Set.of("a4", "a6")},
        new Object[] {new String[] {"q", "CNE AND actas"}, Set.of("a2")},
        new Object[] {new String[] {"q", "\"resultados de las elecciones\""}, Set.of("a1")},
        new Object[] {new String[] {"q", "\"elecciones de las resultados\""}, Set.of()},
        new Object[] {new String[] {"q", "result*"}, Set.of("a1", "a3")},
        new Object[] {new String[] {"q", "elección"}, Set.of("a1", "a7")},
        new Object[] {new String[] {"q", "disputes"}, Set.of("a3")},
        new Object[] {new String[] {"q", "dispute"}, Set.of("a3")},
        new Object[] {
          new String[] {"q", "(leones | tránsito) caracas"}, Set.of("a4", "a8", "a9", "a10")
        },
        new Object[] {new String[] {"entity", "Q1"}, Set.of("a1", "a2", "a3", "a7")},
        new Object[] {
          new String[] {"entity", "consejo nacional electoral"}, Set.of("a1", "a2", "a3", "a7")
        },
        new Object[] {new String[] {"entity", "Q1", "entity", "Q57413"}, Set.of("a1")},
        new Object[] {
          new String[] {"entityAny", "Q57413", "entityAny", "Edmundo Gonzalez"},
          Set.of("a1", "a2", "a6")
        },
        new Object[] {new String[] {"stance", "maduro-government:against"}, Set.of("a2", "a3")},
        new Object[] {new String[] {"stance", "maduro-government:favor", "q", "cne"}, Set.of("a1")},
        new Object[] {new String[] {"language", "en"}, Set.of("a3", "a6")},
        new Object[] {
          new String[] {"language", "en", "language", "es", "q", "maduro"}, Set.of("a6")
        },
        new Object[] {
          new String[] {"source", "Caribe Diario"}, Set.of("a1", "a4", "a8", "a9", "a10")
        },
        new Object[] {
          new String[] {"source", "Eco Llanero", "source", "Orinoco Times"}, Set.of("a3", "a6")
        },
        new Object[] {new String[] {"source", "Eco Llanero", "duplicates", "true"}, Set.of("a5")},
        new Object[] {new String[] {"story", "s1"}, Set.of("a1", "a2", "a3")},
        new Object[] {
          new String[] {"story", "s1", "duplicates", "true"}, Set.of("a1", "a2", "a3", "a5")
        },
        new Object[] {new String[] {"storySources", "3"}, Set.of("a3", "a5")},
        new Object[] {new String[] {"storySources", "3", "duplicates", "false"}, Set.of("a3")},
        new Object[] {new String[] {"since", "2024-07-30"}, Set.of("a4", "a8", "a9", "a10")},
        new Object[] {new String[] {"until", "2024-07-28"}, Set.of("a1")},
        new Object[] {
          new String[] {"since", "2024-07-29T09:00:00Z", "until", "2024-07-29T10:00:00Z"},
          Set.of("a2", "a7")
        },
        new Object[] {
          new String[] {}, Set.of("a1", "a2", "a3", "a4", "a6", "a7", "a8", "a9", "a10")
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("searches")
  void shouldFindTheSameArticlesForEachSearch(String[] params, Set<String> expected) {
    SearchQuery q = params(params);
    assertThat(ids(q)).as(String.join(" ", params)).isEqualTo(new TreeSet<>(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("searches")
  void shouldReturnExactlyWhatASubscriptionWithTheSameQueryMatches(
      String[] params, Set<String> ignored) {
    SearchQuery q = params(params);
    Set<String> matched = new TreeSet<>();
    for (ArticleDocument d : CORPUS) {
      if (ArticleMatch.of(d).matches(q)) {
        matched.add(d.id());
      }
    }
    assertThat(ids(q)).as(String.join(" ", params)).isEqualTo(matched);
  }

  @Test
  void shouldSortNewestAndOldestWithUntimedArticlesLastAndTiesById() {
    assertThat(ordered(params()))
        .containsExactly("a10", "a9", "a8", "a4", "a3", "a2", "a7", "a1", "a6");
    assertThat(ordered(params("sort", "oldest")))
        .containsExactly("a1", "a2", "a7", "a3", "a4", "a8", "a9", "a10", "a6");
    assertThat(new TreeSet<>(ordered(params("q", "cne", "sort", "relevance"))))
        .containsExactly("a1", "a2", "a3", "a7");
  }

  @Test
  void shouldPageWithoutSkippingOrRepeating() {
    List<String> all = ordered(params());
    List<String> paged = new ArrayList<>();
    for (int from = 0; from < all.size(); from += 2) {
      SearchResult page = index.search(params("from", Integer.toString(from), "size", "2"));
      assertThat(page.total()).isEqualTo(all.size());
      page.articles().forEach(a -> paged.add(a.id()));
    }
    assertThat(paged).containsExactlyElementsOf(all);
    assertThat(index.search(params("from", "8", "size", "5")).articles())
        .extracting(ArticleDocument::id)
        .containsExactly("a6");
  }

  @Test
  void shouldCountArticlesPerDayPerStanceAndTopEntitiesAndSources() {
    IndexStats stats = index.stats(params(), "maduro-government", 10);
    assertThat(stats.total()).isEqualTo(9);
    assertThat(stats.target()).isEqualTo("maduro-government");
    assertThat(stats.perDay())
        .containsExactly(
            new IndexStats.Day("2024-07-28", 1, 0, 0, 1),
            new IndexStats.Day("2024-07-29", 0, 2, 0, 3),
            new IndexStats.Day("2024-07-30", 0, 0, 0, 1),
            new IndexStats.Day("2024-07-31", 0, 0, 0, 3));
    assertThat(stats.topEntities())
        .containsExactly(
            new IndexStats.Count("Q1", "Consejo Nacional Electoral", "ORG", 4),
            new IndexStats.Count("Q57413", "Nicolás Maduro", "PERSON", 2),
            new IndexStats.Count("vigia:person/edmundo-gonzalez", "Edmundo González", "PERSON", 1));
    assertThat(stats.topSources())
        .containsExactly(
            new IndexStats.Count("Caribe Diario", "Caribe Diario", null, 5),
            new IndexStats.Count("Monitor Andino", "Monitor Andino", null, 2),
            new IndexStats.Count("Orinoco Times", "Orinoco Times", null, 2));
    IndexStats english = index.stats(params("language", "en"), "maduro-government", 1);
    assertThat(english.total()).isEqualTo(2);
    assertThat(english.perDay()).containsExactly(new IndexStats.Day("2024-07-29", 0, 1, 0, 1));
    assertThat(english.topEntities()).extracting(IndexStats.Count::id).containsExactly("Q1");
  }

  @Test
  void shouldCountAnEveningStoryOnTheDayItsPageStatedNotTheUtcDay() throws Exception {
    // 22:10 in Caracas (-04:00) on the 28th is 02:10 UTC on the 29th.
    Instant t = Instant.parse("2024-07-29T02:10:00Z");
    ArticleDocument evening =
        new ArticleDocument(
                "late1",
                "late1",
                "https://noche.example/late1",
                null,
                "Cierre de mesas en Caracas",
                null,
                t,
                t,
                Instant.parse("2024-08-01T00:00:00Z"),
                "es",
                "Noche Caraquena",
                null,
                "Las mesas cerraron tarde en Caracas.",
                null,
                null,
                null,
                "original",
                null,
                null,
                1,
                0.9,
                List.of(),
                List.of(),
                1,
                0)
            .withPublishedOffsetSeconds(-4 * 3600);
    assertThat(index.write(List.of(evening)).rejected()).isEmpty();
    makeSearchable(index);

    IndexStats stats = index.stats(params("source", "Noche Caraquena"), "maduro-government", 5);

    assertThat(stats.perDay()).containsExactly(new IndexStats.Day("2024-07-28", 0, 0, 0, 1));
  }

  @Test
  void shouldListStoriesBySourcesThenArticlesWithCopiesCounted() {
    List<StorySummary> stories = index.stories(params().withPage(true, 0, 0), 10);
    assertThat(stories)
        .extracting(s -> s.story() + ":" + s.articles() + "/" + s.sources())
        .containsExactly("s1:4/4", "s2:2/2", "s4:3/1", "s3:1/1");
    StorySummary s1 = stories.get(0);
    assertThat(s1.title()).isEqualTo("Elecciones presidenciales en Venezuela");
    assertThat(s1.first()).isEqualTo(Instant.parse("2024-07-28T10:00:00Z"));
    assertThat(s1.last()).isEqualTo(Instant.parse("2024-07-29T15:00:00Z"));
    StorySummary s3 = stories.get(3);
    assertThat(s3.title()).isEqualTo("Maduro speaks");
    assertThat(s3.first()).isNull();
    assertThat(index.stories(params("language", "en").withPage(true, 0, 0), 1))
        .extracting(StorySummary::story)
        .containsExactly("s1");
  }

  @Test
  void shouldGetOneArticleWhole() {
    assertThat(index.get("a2"))
        .get()
        .satisfies(
            d -> {
              assertThat(d.text())
                  .isEqualTo("La oposición publicó las actas; el CNE no respondió.");
              assertThat(d.entities())
                  .extracting(EntityRef::id)
                  .containsExactly("Q1", "vigia:person/edmundo-gonzalez");
            });
    assertThat(index.get("nope")).isEmpty();
    assertThat(index.count()).isEqualTo(CORPUS.size());
  }

  @Test
  void shouldCallAQueryThatExpandsTooFarABadQuery() {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      q.append("w").append(i).append(" | ");
    }
    assertThatThrownBy(() -> index.search(SearchQuery.text(q.toString(), 10)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Analysts' corrections overlaid on this backend ({@link CorrectedIndex}): filters, the off-topic
   * condition and facets read the corrected values, the machine's stay in the document, and taking
   * the corrections back restores every figure.
   */
  @Test
  void shouldSearchAndCountTheCorrectedValuesAndRestoreTheMachinesWhenTakenBack() throws Exception {
    CorrectionSet set = new CorrectionSet();
    CorrectedIndex corrected = new CorrectedIndex(index, set);
    long favor = corrected.search(params("stance", "maduro-government:favor")).total();
    long all = corrected.search(params()).total();
    long any = corrected.search(params("relevant", "any")).total();
    long cne = corrected.search(params("entity", "Q1")).total();
    Map<String, Correction> cs =
        Map.of(
            "a1",
            CorrectionFixtures.correction(
                "a1", "{\"stance\": {\"target\": \"maduro-government\", \"label\": \"against\"}}"),
            "a2",
            CorrectionFixtures.correction("a2", "{\"relevant\": false}"),
            "a3",
            CorrectionFixtures.correction("a3", "{\"entity\": {\"remove\": \"Q1\"}}"));
    cs.forEach((id, c) -> set.put(id, c.getField(), c));
    assertThat(corrected.reapply(cs.keySet())).isEqualTo(3);
    makeSearchable(index);

    assertThat(corrected.search(params("stance", "maduro-government:favor")).total())
        .isEqualTo(favor - 1);
    assertThat(
            corrected
                .search(params("stance", "maduro-government:against", "size", "100"))
                .articles())
        .extracting(ArticleDocument::id)
        .contains("a1");
    assertThat(corrected.search(params()).total()).isEqualTo(all - 1);
    assertThat(corrected.search(params("relevant", "false")).articles())
        .extracting(ArticleDocument::id)
        .containsExactly("a2");
    assertThat(corrected.search(params("relevant", "any")).total()).isEqualTo(any);
    assertThat(corrected.search(params("entity", "Q1")).articles())
        .extracting(ArticleDocument::id)
        .doesNotContain("a2", "a3")
        .hasSize((int) cne - 2);
    IndexStats stats = corrected.stats(params(), "maduro-government", 10);
    assertThat(stats.total()).isEqualTo(all - 1);
    assertThat(stats.topEntities().stream().filter(e -> e.id().equals("Q1")).findFirst())
        .get()
        .extracting(IndexStats.Count::count)
        .isEqualTo(cne - 2);
    assertThat(corrected.get("a1").orElseThrow().overlay().machine().stance().get(0).label())
        .isEqualTo("favor");

    cs.forEach((id, c) -> set.put(id, c.getField(), null));
    assertThat(corrected.reapply(cs.keySet())).isEqualTo(3);
    makeSearchable(index);
    assertThat(corrected.search(params("stance", "maduro-government:favor")).total())
        .isEqualTo(favor);
    assertThat(corrected.search(params()).total()).isEqualTo(all);
    assertThat(corrected.search(params("entity", "Q1")).total()).isEqualTo(cne);
    assertThat(corrected.get("a1").orElseThrow().overlay()).isNull();
  }

  @Test
  void shouldFindAFigureWhoseSubjectNamesItsIdByTheIdAlone() throws Exception {
    assertThat(index.write(List.of(FigureFixtures.MADURO_SHARE)).rejected()).isEmpty();
    makeSearchable(index);

    for (FigureFilter f :
        List.of(
            new FigureFilter(null, "Q57413", null),
            new FigureFilter("vote-share", "Q57413", null),
            new FigureFilter("vote-share", FigureFixtures.MADURO, null))) {
      assertThat(index.storiesWithFigures(f, 10))
          .as(f.toString())
          .containsExactly(FigureFixtures.SHARE_STORY);
    }
    assertThat(index.storiesWithFigures(new FigureFilter(null, "Q5741", null), 10))
        .as("an id's prefix is not the id")
        .isEmpty();
    assertThat(index.storiesWithFigures(new FigureFilter("turnout", "Q57413", null), 10)).isEmpty();
  }

  @Test
  void shouldStoreEachArticlesFiguresAndItsStorysConflictsAndFindStoriesByFigure()
      throws Exception {
    assertThat(index.write(FigureFixtures.ALL).rejected()).isEmpty();
    makeSearchable(index);

    ArticleDocument stored = index.get(FigureFixtures.OPPOSITION_TURNOUT.id()).orElseThrow();
    assertThat(stored.figures()).isEqualTo(FigureFixtures.OPPOSITION_TURNOUT.figures());
    assertThat(stored.figureConflicts())
        .isEqualTo(FigureFixtures.OPPOSITION_TURNOUT.figureConflicts())
        .singleElement()
        .satisfies(c -> assertThat(c.values()).hasSize(3));

    assertThat(index.storiesWithFigures(FigureFilter.ANY, 10))
        .as("newest figure first; the corpus's stories state none")
        .containsExactly(FigureFixtures.DETAINED_STORY, FigureFixtures.TURNOUT_STORY);
    assertThat(index.storiesWithFigures(FigureFilter.ANY, 1))
        .containsExactly(FigureFixtures.DETAINED_STORY);
    assertThat(index.storiesWithFigures(new FigureFilter("turnout", null, null), 10))
        .containsExactly(FigureFixtures.TURNOUT_STORY);
    assertThat(index.storiesWithFigures(new FigureFilter(null, FigureFixtures.PROTESTS, null), 10))
        .containsExactly(FigureFixtures.DETAINED_STORY);
    assertThat(
            index.storiesWithFigures(
                new FigureFilter("governorships-won", FigureFixtures.PSUV, null), 10))
        .containsExactly(FigureFixtures.TURNOUT_STORY);
    assertThat(
            index.storiesWithFigures(new FigureFilter("detained", FigureFixtures.PSUV, null), 10))
        .as("quantity and subject of one figure, not of two")
        .isEmpty();
    assertThat(
            index.storiesWithFigures(
                new FigureFilter(
                    "governorships-won", FigureFixtures.PSUV, FigureFixtures.ELECTION, null),
                10))
        .containsExactly(FigureFixtures.TURNOUT_STORY);
    assertThat(
            index.storiesWithFigures(
                new FigureFilter(null, null, "event:2021-regional-elections", null), 10))
        .as("no figure of the 2021 elections")
        .isEmpty();
    assertThat(
            index.storiesWithFigures(
                new FigureFilter("detained", null, FigureFixtures.ELECTION, null), 10))
        .as("the detained count names no election")
        .isEmpty();
    assertThat(
            index.storiesWithFigures(
                new FigureFilter(null, null, Instant.parse("2024-08-01T00:00:00Z")), 10))
        .containsExactly(FigureFixtures.DETAINED_STORY);
  }

  @Test
  void shouldFindAStoryByFigureNoLongerOnceItsOnlyFigureArticleIsDetached() throws Exception {
    CorrectionSet set = new CorrectionSet();
    CorrectedIndex corrected = new CorrectedIndex(index, set);
    corrected.write(FigureFixtures.ALL);
    makeSearchable(index);
    String id = FigureFixtures.DETAINEES.id();
    Correction detach = CorrectionFixtures.correction(id, "{\"story\": {\"detach\": true}}");
    set.put(id, detach.getField(), detach);
    corrected.reapply(List.of(id));
    makeSearchable(index);

    assertThat(corrected.storiesWithFigures(new FigureFilter("detained", null, null), 10))
        .containsExactly(CorrectionOverlay.DETACHED_STORY + id);
  }
}
