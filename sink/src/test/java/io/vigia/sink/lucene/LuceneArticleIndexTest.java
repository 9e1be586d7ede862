package io.vigia.sink.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.testing.SampleArticles;
import io.vigia.sink.index.ArticleDocument;
import io.vigia.sink.index.SearchQuery;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneArticleIndexTest {
  @TempDir Path dir;

  private static ArticleDocument doc(String url, String title, String text, String lang, String published) {
    RawArticle a = SampleArticles.raw(url, title, text).setLanguage(lang).setPublishedAt(Instant.parse(published)).build();
    return ArticleDocument.from(SampleArticles.enriched(a), Instant.now());
  }

  @Test
  void shouldWriteIdempotentlyById() throws Exception {
    try (LuceneArticleIndex index = new LuceneArticleIndex(dir)) {
      ArticleDocument d = doc("https://example.org/a", "El CNE proclama", "texto", "es", "2024-07-29T00:00:00Z");
      index.write(List.of(d));
      index.write(List.of(d));
      assertThat(index.count()).isEqualTo(1);
      assertThat(index.get(d.id())).get().extracting(ArticleDocument::title).isEqualTo("El CNE proclama");
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
      index.write(List.of(
          doc("https://example.org/old", "Elección en Venezuela", "El CNE anunció", "es", "2024-07-01T00:00:00Z"),
          doc("https://example.org/new", "Election dispute", "The CNE said", "en", "2024-08-01T00:00:00Z"),
          doc("https://example.org/other", "Béisbol", "Los Leones", "es", "2024-09-01T00:00:00Z")));
      var hits = index.search(SearchQuery.text("cne", 10));
      assertThat(hits.total()).isEqualTo(2);
      assertThat(hits.articles()).extracting(ArticleDocument::url)
          .containsExactly("https://example.org/new", "https://example.org/old");
      assertThat(index.search(SearchQuery.text("eleccion", 10)).total()).isEqualTo(1);
    }
  }

  @Test
  void shouldReplaceTheEarlierVersionWhenAnUpdateArrives() throws Exception {
    try (LuceneArticleIndex index = new LuceneArticleIndex(dir)) {
      RawArticle first = SampleArticles.raw("https://example.org/v1", "Cifras", "48 por ciento").build();
      index.write(List.of(ArticleDocument.from(SampleArticles.enriched(first), Instant.now())));
      RawArticle second = SampleArticles.raw("https://example.org/v2", "Cifras corregidas", "51 por ciento").build();
      EnrichedArticle update = SampleArticles.enriched(second);
      update.getDedup().setStatus(DedupStatus.UPDATE);
      update.getDedup().setDuplicateOf(first.getId());
      index.write(List.of(ArticleDocument.from(update, Instant.now())));
      assertThat(index.count()).isEqualTo(1);
      assertThat(index.get(first.getId())).get().extracting(ArticleDocument::title).isEqualTo("Cifras corregidas");
    }
  }
}
