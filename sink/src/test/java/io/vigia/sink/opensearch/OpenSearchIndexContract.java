package io.vigia.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.testing.SampleArticles;
import io.vigia.search.ArticleDocument;
import io.vigia.search.SearchQuery;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.index.ArticleIndexContract;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the OpenSearch backend must do, against a real server: {@link OpenSearchArticleIndexIT}
 * (started by {@code .ci/opensearch.sh}) and {@link OpenSearchArticleIndexContainerIT} (the
 * official image, where Docker exists): the search contract every backend shares ({@link
 * ArticleIndexContract}) and what is particular to OpenSearch.
 */
abstract class OpenSearchIndexContract extends ArticleIndexContract {
  private OpenSearchArticleIndex index;

  /** The base URL of the server under test. */
  protected abstract String url();

  @Override
  protected ArticleIndex newIndex() {
    return new OpenSearchArticleIndex(
        OpenSearchSettings.of(url(), "contract-" + UUID.randomUUID().toString().substring(0, 8)));
  }

  @Override
  protected void makeSearchable(ArticleIndex index) {
    ((OpenSearchArticleIndex) index).refresh();
  }

  @BeforeEach
  void openIndex() {
    index =
        new OpenSearchArticleIndex(
            OpenSearchSettings.of(url(), "it-" + UUID.randomUUID().toString().substring(0, 8)));
  }

  @AfterEach
  void closeIndex() {
    index.close();
  }

  private static ArticleDocument doc(
      String url, String title, String text, String lang, String source, String published) {
    RawArticle a =
        SampleArticles.raw(url, title, text)
            .setLanguage(lang)
            .setSource(source)
            .setPublishedAt(Instant.parse(published))
            .build();
    EnrichedArticle e = SampleArticles.enriched(a);
    return ArticleDocument.from(e, Instant.now());
  }

  @Test
  void shouldOverwriteRatherThanDuplicateWhenTheSameArticleIsWrittenTwice() throws Exception {
    ArticleDocument d =
        doc(
            "https://example.org/a",
            "El CNE proclama",
            "texto",
            "es",
            "example.org",
            "2024-07-29T00:00:00Z");
    assertThat(index.write(List.of(d)).written()).isEqualTo(1);
    assertThat(index.write(List.of(d)).written()).isEqualTo(1);
    index.refresh();
    assertThat(index.count()).isEqualTo(1);
    assertThat(index.get(d.id()))
        .get()
        .extracting(ArticleDocument::title)
        .isEqualTo("El CNE proclama");
    assertThat(index.get("missing")).isEmpty();
  }

  @Test
  void shouldWriteBehindAnAliasOverAVersionedIndex() throws Exception {
    index.write(
        List.of(
            doc("https://example.org/a", "t", "x", "es", "example.org", "2024-07-29T00:00:00Z")));
    index.refresh();
    var hits = index.search(SearchQuery.text("", 10));
    assertThat(hits.total()).isEqualTo(1);
    assertThat(index.concreteIndex()).endsWith("-v" + OpenSearchArticleIndex.MAPPING_VERSION);
    // a second client on the same alias finds the index instead of creating another
    try (OpenSearchArticleIndex again =
        new OpenSearchArticleIndex(
            OpenSearchSettings.of(
                url(), index.concreteIndex().substring(0, index.concreteIndex().length() - 3)))) {
      assertThat(again.count()).isEqualTo(1);
    }
  }

  @Test
  void shouldReindexIntoANewVersionedIndexAndMoveTheAliasWhenTheMappingChanges() throws Exception {
    String alias = "migrate-" + UUID.randomUUID().toString().substring(0, 8);
    ArticleDocument a =
        doc(
            "https://example.org/a",
            "El CNE proclama",
            "resultados del consejo",
            "es",
            "example.org",
            "2024-07-29T00:00:00Z");
    ArticleDocument b =
        doc(
            "https://example.org/b",
            "The opposition tallies",
            "tally sheets",
            "en",
            "example.com",
            "2024-07-30T00:00:00Z");
    try (OpenSearchArticleIndex v1 =
        new OpenSearchArticleIndex(OpenSearchSettings.of(url(), alias), 1)) {
      assertThat(v1.write(List.of(a, b)).written()).isEqualTo(2);
      v1.refresh();
    }
    try (OpenSearchArticleIndex v2 =
        new OpenSearchArticleIndex(OpenSearchSettings.of(url(), alias), 2)) {
      assertThat(v2.concreteIndex()).isEqualTo(alias + "-v2");
      assertThat(v2.count()).as("every document carried over").isEqualTo(2);
      assertThat(v2.get(a.id()))
          .get()
          .extracting(ArticleDocument::title)
          .isEqualTo("El CNE proclama");
      // searched through the new mappings (Spanish stemming: "resultado" finds "resultados")
      assertThat(v2.search(SearchQuery.text("resultado", 10)).total()).isEqualTo(1);
      // the alias writes to the new index only: a write lands there, and the old index keeps what
      // it had
      ArticleDocument c =
          doc(
              "https://example.org/c",
              "Otra nota",
              "texto",
              "es",
              "example.org",
              "2024-07-31T00:00:00Z");
      assertThat(v2.write(List.of(c)).written()).isEqualTo(1);
      v2.refresh();
      assertThat(v2.count()).isEqualTo(3);
    }
    assertThat(getRaw("/_alias/" + alias)).contains(alias + "-v2").doesNotContain(alias + "-v1");
    String oldCount = getRaw("/" + alias + "-v1/_count");
    assertThat(oldCount).as("the old index is kept, not deleted").contains("\"count\":2");
    // a later start of the same build finds the migrated index and leaves it be
    try (OpenSearchArticleIndex again =
        new OpenSearchArticleIndex(OpenSearchSettings.of(url(), alias), 2)) {
      assertThat(again.count()).isEqualTo(3);
    }
  }

  @Test
  void shouldPutTheFigureElectionFieldOnAnIndexMadeBeforeItWithoutReindexing() throws Exception {
    String alias = "added-" + UUID.randomUUID().toString().substring(0, 8);
    com.fasterxml.jackson.databind.JsonNode template =
        io.vigia.common.http.Json.MAPPER.readTree(
            OpenSearchArticleIndex.class.getResourceAsStream("index-template.json"));
    com.fasterxml.jackson.databind.node.ObjectNode body =
        io.vigia.common.http.Json.MAPPER.createObjectNode();
    body.set("settings", template.path("template").path("settings"));
    com.fasterxml.jackson.databind.node.ObjectNode mappings =
        template.path("template").path("mappings").deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) mappings.path("properties"))
        .remove("figure_election");
    body.set("mappings", mappings);
    body.putObject("aliases").putObject(alias).put("is_write_index", true);
    HttpResponse<String> created =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            url() + "/" + alias + "-v" + OpenSearchArticleIndex.MAPPING_VERSION))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(getRaw("/" + alias + "/_mapping")).doesNotContain("figure_election");

    try (OpenSearchArticleIndex existing =
        new OpenSearchArticleIndex(OpenSearchSettings.of(url(), alias))) {
      assertThat(existing.concreteIndex())
          .as("the same index, not a reindexed one")
          .isEqualTo(alias + "-v" + OpenSearchArticleIndex.MAPPING_VERSION);
      assertThat(existing.write(io.vigia.sink.figures.FigureFixtures.ALL).rejected()).isEmpty();
      existing.refresh();
      assertThat(
              existing.storiesWithFigures(
                  new io.vigia.sink.index.FigureFilter(
                      null, null, io.vigia.sink.figures.FigureFixtures.ELECTION, null),
                  10))
          .containsExactly(io.vigia.sink.figures.FigureFixtures.TURNOUT_STORY);
    }
    assertThat(getRaw("/" + alias + "/_mapping")).contains("figure_election");
  }

  private String getRaw(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url() + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void shouldStemSpanishAndEnglishAndFilterBySourceLanguageAndDate() throws Exception {
    index.write(
        List.of(
            doc(
                "https://a.example/1",
                "Elecciones presidenciales",
                "El CNE anunció resultados",
                "es",
                "a.example",
                "2024-07-01T10:00:00Z"),
            doc(
                "https://b.example/2",
                "Election disputes",
                "The CNE announced results",
                "en",
                "b.example",
                "2024-08-01T10:00:00Z"),
            doc(
                "https://a.example/3",
                "Béisbol",
                "Los Leones ganaron",
                "es",
                "a.example",
                "2024-09-01T10:00:00Z")));
    index.refresh();
    assertThat(index.search(SearchQuery.text("presidencial", 10)).articles())
        .extracting(ArticleDocument::url)
        .containsExactly("https://a.example/1");
    assertThat(index.search(SearchQuery.text("dispute", 10)).articles())
        .extracting(ArticleDocument::url)
        .containsExactly("https://b.example/2");
    assertThat(index.search(SearchQuery.text("cne", 10)).articles())
        .extracting(ArticleDocument::url)
        .containsExactly("https://b.example/2", "https://a.example/1");
    assertThat(index.search(SearchQuery.text("anuncio", 10)).total())
        .as("accent-folded")
        .isEqualTo(1);
    SearchQuery bySource =
        SearchQuery.builder()
            .language("es")
            .source("a.example")
            .since(Instant.parse("2024-08-15T00:00:00Z"))
            .page(0, 10)
            .sort(SearchQuery.Sort.OLDEST)
            .build();
    assertThat(index.search(bySource).articles())
        .extracting(ArticleDocument::url)
        .containsExactly("https://a.example/3");
  }

  @Test
  void shouldPageThroughHitsInOrder() throws Exception {
    for (int i = 0; i < 5; i++) {
      index.write(
          List.of(
              doc(
                  "https://a.example/" + i,
                  "Noticia " + i,
                  "texto",
                  "es",
                  "a.example",
                  "2024-07-0" + (i + 1) + "T00:00:00Z")));
    }
    index.refresh();
    SearchQuery page2 = SearchQuery.builder().page(2, 2).sort(SearchQuery.Sort.OLDEST).build();
    var hits = index.search(page2);
    assertThat(hits.total()).isEqualTo(5);
    assertThat(hits.articles())
        .extracting(ArticleDocument::url)
        .containsExactly("https://a.example/2", "https://a.example/3");
  }

  @Test
  void shouldCountArticlesPerDayAndSourceInStats() throws Exception {
    index.write(
        List.of(
            doc("https://a.example/1", "Uno", "x", "es", "a.example", "2024-07-01T10:00:00Z"),
            doc("https://a.example/2", "Dos", "x", "es", "a.example", "2024-07-01T12:00:00Z"),
            doc("https://b.example/3", "Tres", "x", "es", "b.example", "2024-07-02T10:00:00Z")));
    index.refresh();
    var stats = index.stats(SearchQuery.text(null, 0), "maduro-government", 10);
    assertThat(stats.total()).isEqualTo(3);
    assertThat(stats.perDay())
        .extracting(d -> d.day() + "=" + d.total())
        .containsExactly("2024-07-01=2", "2024-07-02=1");
    assertThat(stats.topSources())
        .extracting(c -> c.id() + "=" + c.count())
        .containsExactly("a.example=2", "b.example=1");
  }

  @Test
  void shouldReportADocumentOpenSearchCannotTakeAndWriteTheRest() throws Exception {
    ArticleDocument good =
        doc("https://a.example/ok", "Bien", "x", "es", "a.example", "2024-07-01T10:00:00Z");
    ArticleDocument base =
        doc("https://a.example/bad", "Mal", "x", "es", "a.example", "2024-07-01T10:00:00Z");
    ArticleDocument bad =
        new ArticleDocument(
            "x".repeat(600),
            base.articleId(),
            base.url(),
            base.canonicalUrl(),
            base.title(),
            base.byline(),
            base.publishedAt(),
            base.fetchedAt(),
            base.indexedAt(),
            base.language(),
            base.source(),
            base.feedUrl(),
            base.text(),
            base.description(),
            base.siteName(),
            base.leadImage(),
            base.dedupStatus(),
            base.duplicateOf(),
            base.storyId(),
            base.storySources(),
            base.relevance(),
            base.entities(),
            base.stance(),
            base.enrichmentVersion(),
            base.profileVersion());
    var outcome = index.write(List.of(good, bad));
    assertThat(outcome.written()).isEqualTo(1);
    assertThat(outcome.rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("512 bytes"));
    index.refresh();
    assertThat(index.get(good.id())).isPresent();
  }
}
