package io.vigia.sink.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.testing.SampleArticles;
import io.vigia.search.ArticleDocument;
import io.vigia.search.SearchQuery;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneArticleIndexTest {
  @TempDir Path dir;

  private static ArticleDocument doc(
      String url, String title, String text, String lang, String published) {
    RawArticle a =
        SampleArticles.raw(url, title, text)
            .setLanguage(lang)
            .setPublishedAt(Instant.parse(published))
            .build();
    return ArticleDocument.from(SampleArticles.enriched(a), Instant.now());
  }

  @Test
  void shouldWriteIdempotentlyById() throws Exception {
    try (LuceneArticleIndex index = new LuceneArticleIndex(dir)) {
      ArticleDocument d =
          doc("https://example.org/a", "El CNE proclama", "texto", "es", "2024-07-29T00:00:00Z");
      index.write(List.of(d));
      index.write(List.of(d));
      assertThat(index.count()).isEqualTo(1);
      assertThat(index.get(d.id()))
          .get()
          .extracting(ArticleDocument::title)
          .isEqualTo("El CNE proclama");
    }
  }

  @Test
  void shouldKeepDocumentsAcrossReopening() throws Exception {
    ArticleDocument d = doc("https://example.org/a", "t", "texto", "es", "2024-07-29T00:00:00Z");
    try (LuceneArticleIndex index = new LuceneArticleIndex(dir)) {
      index.write(List.of(d));
    }
    try (LuceneArticleIndex index = new LuceneArticleIndex(dir)) {
      assertThat(index.get(d.id())).isPresent();
    }
  }

  @Test
  void shouldSearchFullTextAcrossAccentsNewestFirst() throws Exception {
    try (LuceneArticleIndex index = new LuceneArticleIndex(dir)) {
      index.write(
          List.of(
              doc(
                  "https://example.org/old",
                  "Elección en Venezuela",
                  "El CNE anunció",
                  "es",
                  "2024-07-01T00:00:00Z"),
              doc(
                  "https://example.org/new",
                  "Election dispute",
                  "The CNE said",
                  "en",
                  "2024-08-01T00:00:00Z"),
              doc(
                  "https://example.org/other",
                  "Béisbol",
                  "Los Leones",
                  "es",
                  "2024-09-01T00:00:00Z")));
      var hits = index.search(SearchQuery.text("cne", 10));
      assertThat(hits.total()).isEqualTo(2);
      assertThat(hits.articles())
          .extracting(ArticleDocument::url)
          .containsExactly("https://example.org/new", "https://example.org/old");
      assertThat(index.search(SearchQuery.text("eleccion", 10)).total()).isEqualTo(1);
    }
  }

  @Test
  void shouldReplaceTheEarlierVersionWhenAnUpdateArrives() throws Exception {
    try (LuceneArticleIndex index = new LuceneArticleIndex(dir)) {
      RawArticle first =
          SampleArticles.raw("https://example.org/v1", "Cifras", "48 por ciento").build();
      index.write(List.of(ArticleDocument.from(SampleArticles.enriched(first), Instant.now())));
      RawArticle second =
          SampleArticles.raw("https://example.org/v2", "Cifras corregidas", "51 por ciento")
              .build();
      EnrichedArticle update = SampleArticles.enriched(second);
      update.getDedup().setStatus(DedupStatus.UPDATE);
      update.getDedup().setDuplicateOf(first.getId());
      index.write(List.of(ArticleDocument.from(update, Instant.now())));
      assertThat(index.count()).isEqualTo(1);
      assertThat(index.get(first.getId()))
          .get()
          .extracting(ArticleDocument::title)
          .isEqualTo("Cifras corregidas");
    }
  }

  private static ArticleDocument enriched(
      String url,
      String source,
      String story,
      String published,
      String stanceLabel,
      String... entityIds) {
    RawArticle a =
        SampleArticles.raw(url, "Title " + url, "texto")
            .setSource(source)
            .setPublishedAt(Instant.parse(published))
            .build();
    io.vigia.schemas.EnrichedArticle e = SampleArticles.enriched(a);
    e.getDedup().setStoryId(story);
    e.setStance(
        List.of(
            new io.vigia.schemas.Stance(
                "maduro-government",
                io.vigia.schemas.StanceLabel.valueOf(stanceLabel),
                0.0,
                null,
                List.of())));
    List<io.vigia.schemas.Entity> entities = new java.util.ArrayList<>();
    for (String id : entityIds) {
      entities.add(new io.vigia.schemas.Entity(id, "Name of " + id, "PERSON", 1, 0, true));
    }
    entities.add(new io.vigia.schemas.Entity("unlinked:x", "Somebody New", "PERSON", 1, 0, false));
    e.setEntities(entities);
    return ArticleDocument.from(e, Instant.now());
  }

  @Test
  void shouldFilterByEntityAndStance() throws Exception {
    try (LuceneArticleIndex index = new LuceneArticleIndex(dir)) {
      index.write(
          List.of(
              enriched("https://a.example/1", "A", "s1", "2024-07-28T10:00:00Z", "AGAINST", "Q1"),
              enriched(
                  "https://b.example/2", "B", "s1", "2024-07-28T12:00:00Z", "FAVOR", "Q1", "Q2"),
              enriched("https://c.example/3", "C", "s2", "2024-07-29T09:00:00Z", "NEUTRAL", "Q2")));
      SearchQuery byEntity = SearchQuery.builder().entities(List.of("Q1")).page(0, 10).build();
      assertThat(index.search(byEntity).total()).isEqualTo(2);
      SearchQuery byStance =
          SearchQuery.builder()
              .stance(java.util.Map.of("maduro-government", "favor"))
              .page(0, 10)
              .build();
      assertThat(index.search(byStance).articles())
          .extracting(ArticleDocument::source)
          .containsExactly("B");
    }
  }

  @Test
  void shouldCountArticlesPerDayPerStanceAndTopEntitiesAndSources() throws Exception {
    try (LuceneArticleIndex index = new LuceneArticleIndex(dir)) {
      index.write(
          List.of(
              enriched("https://a.example/1", "A", "s1", "2024-07-28T10:00:00Z", "AGAINST", "Q1"),
              enriched(
                  "https://b.example/2", "B", "s1", "2024-07-28T12:00:00Z", "FAVOR", "Q1", "Q2"),
              enriched("https://a.example/3", "A", "s2", "2024-07-29T09:00:00Z", "NEUTRAL", "Q2")));
      var stats = index.stats(SearchQuery.text(null, 0), "maduro-government", 5);
      assertThat(stats.total()).isEqualTo(3);
      assertThat(stats.perDay())
          .containsExactly(
              new io.vigia.sink.index.IndexStats.Day("2024-07-28", 1, 1, 0, 2),
              new io.vigia.sink.index.IndexStats.Day("2024-07-29", 0, 0, 1, 1));
      assertThat(stats.topEntities())
          .extracting(io.vigia.sink.index.IndexStats.Count::id)
          .containsExactly("Q1", "Q2");
      assertThat(stats.topEntities().get(0).name()).isEqualTo("Name of Q1");
      assertThat(stats.topSources())
          .extracting(
              io.vigia.sink.index.IndexStats.Count::id, io.vigia.sink.index.IndexStats.Count::count)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("A", 2L),
              org.assertj.core.groups.Tuple.tuple("B", 1L));
    }
  }

  @Test
  void shouldListStoriesWithArticleAndSourceCountsMostCoveredFirst() throws Exception {
    try (LuceneArticleIndex index = new LuceneArticleIndex(dir)) {
      index.write(
          List.of(
              enriched("https://a.example/1", "A", "s1", "2024-07-28T10:00:00Z", "AGAINST", "Q1"),
              enriched("https://b.example/2", "B", "s1", "2024-07-28T12:00:00Z", "FAVOR", "Q1"),
              enriched("https://a.example/3", "A", "s2", "2024-07-29T09:00:00Z", "NEUTRAL", "Q2")));
      var stories = index.stories(SearchQuery.text(null, 0), 10);
      assertThat(stories)
          .extracting(io.vigia.sink.index.StorySummary::story)
          .containsExactly("s1", "s2");
      assertThat(stories.get(0).articles()).isEqualTo(2);
      assertThat(stories.get(0).sources()).isEqualTo(2);
      assertThat(stories.get(0).title()).isEqualTo("Title https://a.example/1");
    }
  }
}
