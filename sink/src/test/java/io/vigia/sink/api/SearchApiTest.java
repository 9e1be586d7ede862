package io.vigia.sink.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.http.HttpApi;
import io.vigia.common.http.HttpError;
import io.vigia.common.http.Json;
import io.vigia.common.http.Request;
import io.vigia.search.SearchQuery;
import io.vigia.sink.index.ArticleIndexContract;
import io.vigia.sink.lucene.LuceneArticleIndex;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search API over HTTP (loopback), on the contract's fixture corpus in a Lucene index. */
class SearchApiTest {
  @TempDir static Path dir;
  private static LuceneArticleIndex index;
  private static HttpApi http;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    index = new LuceneArticleIndex(dir.resolve("index"));
    index.write(ArticleIndexContract.CORPUS);
    http = new HttpApi();
    new SearchApi(index).register(http);
    http.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    http.close();
    index.close();
  }

  private record Answer(int status, JsonNode body) {}

  private static Answer get(String pathAndQuery) throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + pathAndQuery))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), Json.MAPPER.readTree(r.body()));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Request request(Map<String, List<String>> params) {
    return new Request("GET", "/api/articles", Map.of(), params, Map.of(), new byte[0]);
  }

  @Test
  void shouldRefusePagesBeyondTheDeepestOneWithAFixNotAServerError() {
    assertThat(
            SearchApi.parse(request(Map.of("from", List.of("9900"), "size", List.of("100"))))
                .from())
        .isEqualTo(9900);
    assertThatThrownBy(
            () ->
                SearchApi.parse(request(Map.of("from", List.of("10000"), "size", List.of("100")))))
        .isInstanceOfSatisfying(
            HttpError.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage())
                  .contains("at most " + SearchQuery.MAX_FROM)
                  .contains("since/until");
            });
  }

  @Test
  void shouldSearchWithTextFiltersAndPagingAndAnswerTheDocumentedFields() throws Exception {
    Answer a = get("/api/articles?q=presidencial&language=es&size=1");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().path("total").asLong()).isEqualTo(2);
    assertThat(a.body().path("size").asInt()).isEqualTo(1);
    JsonNode first = a.body().path("articles").path(0);
    assertThat(first.path("id").asText()).isEqualTo("a7");
    for (String field :
        List.of(
            "url",
            "title",
            "publishedAt",
            "language",
            "source",
            "text",
            "dedup",
            "entities",
            "stance")) {
      assertThat(first.has(field)).as(field).isTrue();
    }
    assertThat(first.path("dedup").path("story").asText()).isEqualTo("s2");
    assertThat(
            get("/api/articles?q=presidencial&language=es&size=1&from=1")
                .body()
                .path("articles")
                .path(0)
                .path("id")
                .asText())
        .isEqualTo("a1");
  }

  @Test
  void shouldFilterByEntityNameAsByIdAndListDuplicatesOnlyWhenAsked() throws Exception {
    assertThat(
            get("/api/articles?entity=" + enc("Consejo Nacional Electoral"))
                .body()
                .path("total")
                .asLong())
        .isEqualTo(4);
    assertThat(get("/api/articles?entity=Q1").body().path("total").asLong()).isEqualTo(4);
    assertThat(get("/api/articles?source=" + enc("Eco Llanero")).body().path("total").asLong())
        .isZero();
    JsonNode copy =
        get("/api/articles?source=" + enc("Eco Llanero") + "&duplicates=true")
            .body()
            .path("articles")
            .path(0);
    assertThat(copy.path("dedup").path("duplicateOf").asText()).isEqualTo("a2");
    assertThat(
            get("/api/articles?entityAny=Q57413&entityAny=vigia:person/edmundo-gonzalez")
                .body()
                .path("total")
                .asLong())
        .isEqualTo(3);
    assertThat(get("/api/articles?storySources=3").body().path("total").asLong()).isEqualTo(2);
  }

  @Test
  void shouldAnswer400WithAMessageForWhatItCannotUnderstand() throws Exception {
    StringBuilder tooWide = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      tooWide.append("w").append(i).append(" | ");
    }
    for (String bad :
        List.of(
            "stance=maduro",
            "stance=maduro-government:maybe",
            "sort=best",
            "since=yesterday",
            "size=500",
            "duplicates=perhaps",
            "storySources=-1",
            "since=2024-08-01&until=2024-07-01",
            "q=" + enc(tooWide.toString()),
            "q=" + "x".repeat(1001))) {
      Answer a = get("/api/articles?" + bad);
      assertThat(a.status()).as(bad).isEqualTo(400);
      assertThat(a.body().path("error").asText()).as(bad).isNotBlank();
    }
    assertThat(get("/api/stats?q=" + enc(tooWide.toString())).status()).isEqualTo(400);
  }

  @Test
  void shouldGetOneArticleWholeOr404() throws Exception {
    Answer a = get("/api/articles/a2");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().path("text").asText())
        .isEqualTo("La oposición publicó las actas; el CNE no respondió.");
    assertThat(get("/api/articles/nope").status()).isEqualTo(404);
  }

  @Test
  void shouldListStoriesWithCopiesCountedAndTheirOwnSizeLimit() throws Exception {
    Answer a = get("/api/stories?size=150");
    assertThat(a.status()).isEqualTo(200);
    JsonNode s1 = a.body().path("stories").path(0);
    assertThat(s1.path("story").asText()).isEqualTo("s1");
    assertThat(s1.path("articles").asLong()).isEqualTo(4);
    assertThat(s1.path("sources").asLong()).isEqualTo(4);
    assertThat(s1.path("title").asText()).isEqualTo("Elecciones presidenciales en Venezuela");
    assertThat(a.body().path("stories").size()).isEqualTo(4);
  }

  @Test
  void shouldAnswerStatsPerDayPerStanceWithTopEntitiesAndSources() throws Exception {
    JsonNode stats =
        get("/api/stats?target=maduro-government&since=2024-07-29&until=2024-07-29&top=2").body();
    assertThat(stats.path("total").asLong()).isEqualTo(3);
    assertThat(stats.path("perDay")).hasSize(1);
    assertThat(stats.path("perDay").path(0).path("against").asLong()).isEqualTo(2);
    assertThat(stats.path("topEntities").path(0).path("name").asText())
        .isEqualTo("Consejo Nacional Electoral");
    assertThat(stats.path("topSources").path(0).path("id").asText()).isEqualTo("Monitor Andino");
    assertThat(stats.path("topSources").path(0).path("name").asText()).isEqualTo("Monitor Andino");
    assertThat(stats.path("topSources")).hasSize(2);
  }
}
