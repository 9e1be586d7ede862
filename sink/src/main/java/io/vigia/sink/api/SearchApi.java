package io.vigia.sink.api;

import io.vigia.common.http.HttpApi;
import io.vigia.common.http.HttpError;
import io.vigia.common.http.Request;
import io.vigia.common.http.Response;
import io.vigia.search.ArticleDocument;
import io.vigia.search.SearchParameters;
import io.vigia.search.SearchQuery;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.index.SearchResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The search API, the same whichever backend holds the index.
 *
 * <ul>
 *   <li>{@code GET
 *       /api/articles?q=&size=&from=&language=&source=&entity=&entityAny=&story=&storySources=&stance=target:label&since=&until=&sort=&duplicates=}
 *   <li>{@code GET /api/articles/{id}}
 *   <li>{@code GET /api/stats?target=&top=} plus the filters above: articles per day per stance,
 *       top entities and sources
 *   <li>{@code GET /api/stories?size=} plus the filters above: stories with their article and
 *       source counts
 * </ul>
 */
public final class SearchApi {
  /** Longest text a list item carries; the whole text is at {@code /api/articles/{id}}. */
  static final int SNIPPET_CHARS = 400;

  private final ArticleIndex index;

  public SearchApi(ArticleIndex index) {
    this.index = index;
  }

  public void register(HttpApi http) {
    http.route("GET", "/api/articles", this::search);
    http.route("GET", "/api/articles/{id}", this::get);
    http.route("GET", "/api/stats", this::stats);
    http.route("GET", "/api/stories", this::stories);
  }

  Response search(Request r) {
    SearchQuery q = parse(r);
    SearchResult result = badQueryIs400(() -> index.search(q));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", result.total());
    body.put("from", q.from());
    body.put("size", q.size());
    body.put("articles", result.articles().stream().map(SearchApi::summary).toList());
    return Response.json(body);
  }

  /** {@code GET /api/stats?target=maduro-government&top=10} plus any search filter. */
  Response stats(Request r) {
    SearchQuery q = parse(r);
    String target = r.param("target").orElse("maduro-government");
    int top = r.intParam("top", 10, 1, 100);
    return Response.json(badQueryIs400(() -> index.stats(q, target, top)));
  }

  /**
   * {@code GET /api/stories?size=20} plus any search filter (duplicates count toward their story).
   */
  Response stories(Request r) {
    SearchQuery q = parse(withoutParam(r, "size"));
    int size = r.intParam("size", 20, 1, 200);
    return Response.json(
        Map.of("stories", badQueryIs400(() -> index.stories(q.withPage(true, 0, 0), size))));
  }

  Response get(Request r) {
    return index
        .get(r.pathParam("id"))
        .map(d -> Response.json(ArticleView.full(d)))
        .orElseThrow(() -> HttpError.notFound("no article " + r.pathParam("id")));
  }

  /**
   * Parses the search vocabulary from query parameters ({@link SearchParameters}, which alert
   * subscriptions use too).
   */
  public static SearchQuery parse(Request r) {
    try {
      return SearchParameters.parse(r.query(), 20);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest(e.getMessage());
    }
  }

  /** {@code /api/stories} pages by its own {@code size} (up to 200), not the article list's. */
  private static Request withoutParam(Request r, String name) {
    Map<String, List<String>> q = new LinkedHashMap<>(r.query());
    q.remove(name);
    return new Request(r.method(), r.path(), r.pathParams(), q, r.headers(), r.body());
  }

  /**
   * What the index cannot run (a query that expands too far, one OpenSearch refuses) is the
   * caller's to fix: 400.
   */
  private static <T> T badQueryIs400(Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest(e.getMessage());
    }
  }

  /** A list item: everything but the full text, which is cut to a snippet. */
  static Map<String, Object> summary(ArticleDocument d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("url", d.url());
    m.put("canonicalUrl", d.canonicalUrl());
    m.put("title", d.title());
    m.put("byline", d.byline());
    m.put("publishedAt", d.publishedAt());
    m.put("fetchedAt", d.fetchedAt());
    m.put("language", d.language());
    m.put("source", d.source());
    String text = d.text() == null ? "" : d.text();
    m.put("text", text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "…");
    Map<String, Object> dedup = new LinkedHashMap<>();
    dedup.put("status", d.dedupStatus());
    dedup.put("duplicateOf", d.duplicateOf()); // null unless a copy or an update
    dedup.put("story", nz(d.storyId()));
    dedup.put("sources", d.storySources());
    m.put("dedup", dedup);
    m.put("entities", ArticleView.entities(d));
    m.put("stance", ArticleView.stance(d, false));
    m.put("offTopic", d.offTopic());
    ArticleView.marks(m, d);
    m.put("profileVersion", d.profileVersion()); // which profile version judged it
    m.put("enrichmentVersion", d.enrichmentVersion());
    return m;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
