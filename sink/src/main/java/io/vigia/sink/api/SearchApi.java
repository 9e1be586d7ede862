package io.vigia.sink.api;

import io.vigia.common.http.HttpApi;
import io.vigia.common.http.HttpError;
import io.vigia.common.http.Request;
import io.vigia.common.http.Response;
import io.vigia.sink.index.ArticleDocument;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.index.SearchQuery;
import io.vigia.sink.index.SearchResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search API, the same whichever backend holds the index.
 *
 * <ul>
 *   <li>{@code GET /api/articles?q=&size=&from=&language=&source=&entity=&story=&stance=target:label&since=&until=&sort=&duplicates=}
 *   <li>{@code GET /api/articles/{id}}
 *   <li>{@code GET /api/stats?target=&top=} plus the filters above: articles per day per stance, top entities and sources
 *   <li>{@code GET /api/stories?size=} plus the filters above: stories with their article and source counts
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
    SearchResult result = index.search(q);
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
    return Response.json(index.stats(q, target, r.intParam("top", 10, 1, 100)));
  }

  /** {@code GET /api/stories?size=20} plus any search filter (duplicates count toward their story). */
  Response stories(Request r) {
    SearchQuery q = parse(r);
    SearchQuery withCopies = new SearchQuery(q.q(), q.entities(), q.stance(), q.language(), q.source(), q.story(), q.since(), q.until(),
        true, 0, 0, q.sort());
    return Response.json(Map.of("stories", index.stories(withCopies, r.intParam("size", 20, 1, 200))));
  }

  Response get(Request r) {
    return index.get(r.pathParam("id")).map(Response::json)
        .orElseThrow(() -> HttpError.notFound("no article " + r.pathParam("id")));
  }

  /** Parses the search vocabulary from query parameters; alerts reuse it. */
  public static SearchQuery parse(Request r) {
    if (r.param("q").map(String::length).orElse(0) > 1000) {
      throw HttpError.badRequest("'q' must be at most 1000 characters");
    }
    Map<String, String> stance = new LinkedHashMap<>();
    for (String s : r.params("stance")) {
      int colon = s.indexOf(':');
      if (colon <= 0 || colon == s.length() - 1) {
        throw HttpError.badRequest("'stance' must be target:label, e.g. maduro-government:against");
      }
      stance.put(s.substring(0, colon), s.substring(colon + 1).toLowerCase(Locale.ROOT));
    }
    SearchQuery.Sort sort;
    try {
      sort = SearchQuery.Sort.valueOf(r.param("sort").orElse("newest").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("'sort' must be newest, oldest or relevance");
    }
    int from = r.intParam("from", 0, 0, SearchQuery.MAX_FROM);
    int size = r.intParam("size", 20, 0, SearchQuery.MAX_SIZE);
    if (from + size > SearchQuery.MAX_FROM) {
      // The deepest page any backend serves (OpenSearch's result window): past it, narrow the search.
      throw HttpError.badRequest("'from' + 'size' must be at most " + SearchQuery.MAX_FROM
          + "; to go further, narrow the search (since/until, source, q) instead of paging deeper");
    }
    return new SearchQuery(r.param("q").orElse(null), r.params("entity"), stance, r.param("language").orElse(null),
        r.param("source").orElse(null), r.param("story").orElse(null), time(r, "since", false), time(r, "until", true),
        r.param("duplicates").map(Boolean::parseBoolean).orElse(false),
        from, size, sort);
  }

  private static Instant time(Request r, String name, boolean endOfDay) {
    String v = r.param(name).orElse(null);
    if (v == null) {
      return null;
    }
    try {
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        return (endOfDay ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(endOfDay ? 1 : 0);
      }
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw HttpError.badRequest("'" + name + "' must be a date (2024-07-28) or an instant (2024-07-28T12:00:00Z)");
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
    m.put("entities", d.entities());
    m.put("stance", d.stance().stream().map(s -> Map.of("target", s.target(), "label", s.label(), "score", s.score())).toList());
    return m;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

}
