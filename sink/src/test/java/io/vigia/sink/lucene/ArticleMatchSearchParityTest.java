package io.vigia.sink.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.common.http.Json;
import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Entity;
import io.vigia.schemas.Stance;
import io.vigia.schemas.StanceLabel;
import io.vigia.schemas.testing.SampleArticles;
import io.vigia.search.ArticleDocument;
import io.vigia.search.SearchParameters;
import io.vigia.search.SearchQuery;
import io.vigia.search.lucene.ArticleMatch;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A subscription is a saved search (alerts' {@code AlertRule} is an {@link ArticleMatch} of the
 * parsed query): over a fixture corpus, the articles one article at a time in memory matches are
 * exactly the articles the Lucene index's search with the same query returns, for every query in
 * the list (stemming, operators, every filter). The same holds for OpenSearch's search ({@code
 * ArticleIndexContract}, run against a real OpenSearch).
 */
class ArticleMatchSearchParityTest {
  @TempDir static Path dir;
  private static LuceneArticleIndex index;
  private static final List<EnrichedArticle> CORPUS = new ArrayList<>();

  private static EnrichedArticle article(
      String id,
      String lang,
      String source,
      String title,
      String text,
      String published,
      List<Entity> entities,
      StanceLabel stance,
      String story,
      int storySources,
      String duplicateOf) {
    EnrichedArticle e =
        SampleArticles.enriched(
            SampleArticles.raw(
                    "https://" + source.toLowerCase().replace(' ', '-') + ".example/" + id,
                    title,
                    text)
                .setLanguage(lang)
                .setSource(source)
                .setPublishedAt(Instant.parse(published))
                .build());
    e.setEntities(entities);
    e.setStance(
        stance == null
            ? List.of()
            : List.of(
                Stance.newBuilder()
                    .setTarget("maduro-government")
                    .setLabel(stance)
                    .setScore(0.5)
                    .build()));
    e.getDedup().setStoryId(story);
    e.getDedup().setStorySources(storySources);
    if (duplicateOf != null) {
      e.getDedup().setStatus(DedupStatus.DUPLICATE);
      e.getDedup().setDuplicateOf(duplicateOf);
    }
    return e;
  }

  private static Entity entity(String id, String name, boolean linked) {
    return Entity.newBuilder()
        .setId(id)
        .setName(name)
        .setType("ORG")
        .setMentions(1)
        .setFirstOffset(0)
        .setLinked(linked)
        .build();
  }

  @BeforeAll
  static void indexCorpus() throws Exception {
    Entity cne = entity("Q1", "Consejo Nacional Electoral", true);
    Entity maduro = entity("Q57413", "Nicolás Maduro", true);
    CORPUS.add(
        article(
            "1",
            "es",
            "Caribe Diario",
            "Elecciones presidenciales",
            "El CNE anunció resultados presidenciales.",
            "2024-07-28T10:00:00Z",
            List.of(cne, maduro),
            StanceLabel.FAVOR,
            "s1",
            1,
            null));
    CORPUS.add(
        article(
            "2",
            "es",
            "Monitor Andino",
            "Actas de votación",
            "La oposición publicó las actas; el CNE calla.",
            "2024-07-29T09:00:00Z",
            List.of(cne),
            StanceLabel.AGAINST,
            "s1",
            2,
            null));
    CORPUS.add(
        article(
            "3",
            "en",
            "Orinoco Times",
            "Election results disputed",
            "The CNE announced results; the opposition disputes them.",
            "2024-07-29T15:00:00Z",
            List.of(cne),
            StanceLabel.AGAINST,
            "s1",
            3,
            null));
    CORPUS.add(
        article(
            "4",
            "es",
            "Caribe Diario",
            "Béisbol",
            "Los Leones del Caracas ganaron.",
            "2024-07-30T12:00:00Z",
            List.of(),
            null,
            "s2",
            1,
            null));
    EnrichedArticle copy =
        article(
            "5",
            "es",
            "Eco Llanero",
            "Actas de votación",
            "La oposición publicó las actas; el CNE calla.",
            "2024-07-29T09:30:00Z",
            List.of(cne),
            StanceLabel.AGAINST,
            "s1",
            4,
            null);
    copy.getDedup().setStatus(DedupStatus.DUPLICATE);
    copy.getDedup().setDuplicateOf(CORPUS.get(1).getArticle().getId());
    CORPUS.add(copy);
    CORPUS.add(
        article(
            "6",
            "en",
            "Orinoco Times",
            "Maduro speaks",
            "Nicolás Maduro spoke about the presidential vote.",
            "2024-07-31T10:00:00Z",
            List.of(maduro),
            StanceLabel.NEUTRAL,
            "s3",
            1,
            null));
    index = new LuceneArticleIndex(dir.resolve("index"));
    index.write(CORPUS.stream().map(e -> ArticleDocument.from(e, Instant.now())).toList());
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"q\": \"presidencial\"}",
        "{\"q\": \"CNE\", \"language\": \"es\"}",
        "{\"q\": \"CNE -oposición\"}",
        "{\"q\": \"CNE NOT actas\"}",
        "{\"q\": \"leones OR maduro\"}",
        "{\"q\": \"leones | maduro\"}",
        "{\"q\": \"\\\"publicó las actas\\\"\"}",
        "{\"q\": \"result*\"}",
        "{\"q\": \"dispute\"}",
        "{\"entity\": \"Consejo Nacional Electoral\"}",
        "{\"entity\": [\"Q1\", \"Q57413\"]}",
        "{\"entityAny\": [\"Q57413\", \"nope\"]}",
        "{\"stance\": \"maduro-government:against\"}",
        "{\"stance\": {\"maduro-government\": \"favor\"}, \"q\": \"cne\"}",
        "{\"language\": [\"en\", \"es\"], \"source\": [\"Orinoco Times\", \"Eco Llanero\"]}",
        "{\"source\": \"Eco Llanero\", \"duplicates\": true}",
        "{\"story\": \"s1\"}",
        "{\"storySources\": 3}",
        "{\"storySources\": 3, \"duplicates\": false}",
        "{\"since\": \"2024-07-30\"}",
        "{\"until\": \"2024-07-29\"}",
        "{}"
      })
  void shouldFireOnExactlyTheArticlesTheSameSearchReturns(String query) throws Exception {
    // As a subscription reads its query: paging fields refused, size 0.
    SearchQuery saved =
        SearchParameters.parse(SearchParameters.fromJson(Json.MAPPER.readTree(query)), 0);
    Set<String> fired = new TreeSet<>();
    for (EnrichedArticle e : CORPUS) {
      if (ArticleMatch.of(e).matches(saved)) {
        fired.add(e.getArticle().getId());
      }
    }
    SearchQuery search =
        SearchParameters.parse(
            SearchParameters.fromJson(Json.MAPPER.readTree(query)), SearchQuery.MAX_SIZE);
    Set<String> found =
        new TreeSet<>(index.search(search).articles().stream().map(ArticleDocument::id).toList());
    assertThat(fired).as(query).isEqualTo(found);
    if (!query.equals("{}")) {
      assertThat(found)
          .as(query + " is a real filter on this corpus")
          .hasSizeLessThan(CORPUS.size());
    }
  }
}
