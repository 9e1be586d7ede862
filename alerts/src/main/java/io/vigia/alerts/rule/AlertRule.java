package io.vigia.alerts.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.search.SearchParameters;
import io.vigia.search.SearchQuery;
import io.vigia.search.lucene.ArticleMatch;
import io.vigia.search.lucene.CompiledSearch;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a subscription watches for: a saved search. Its {@code query} object takes the filters of
 * {@code GET /api/articles} under the same names ({@link SearchParameters#FILTERS}: {@code q},
 * {@code entity}, {@code entityAny}, {@code stance}, {@code language}, {@code source}, {@code
 * story}, {@code storySources}, {@code since}, {@code until}, {@code duplicates}), is read by the
 * same parser into the same {@link SearchQuery}, and is evaluated on each article with the same
 * Lucene query and analysis as the search ({@link ArticleMatch}). With {@code storySources} it is a
 * story rule: it fires once for a story, when the story reaches that many sources. With {@code
 * "figureConflict": true} (and optionally {@code quantity}) it is a story rule too, which also
 * needs a figure conflict in the story ({@link FigureConflictWatch}); the search filters, if any,
 * must hold as well.
 */
public final class AlertRule {
  private final SearchQuery query;
  private final CompiledSearch compiled;
  private final FigureConflictWatch figureConflict;

  public AlertRule(SearchQuery query) {
    this(query, null);
  }

  /**
   * @param figureConflict null for a rule without a figure conflict condition
   */
  public AlertRule(SearchQuery query, FigureConflictWatch figureConflict) {
    this.query = Objects.requireNonNull(query, "query");
    this.compiled = CompiledSearch.of(query);
    this.figureConflict = figureConflict;
  }

  /** The figure conflict condition, or null when the rule has none. */
  public FigureConflictWatch figureConflict() {
    return figureConflict;
  }

  /** The search this rule saves (paging fields unused). */
  public SearchQuery query() {
    return query;
  }

  /** True when this rule fires per story (once, when the story reaches {@code storySources}). */
  public boolean isStoryRule() {
    return query.storySources() > 0 || figureConflict != null;
  }

  public boolean matches(EnrichedArticle e) {
    return matches(e, ArticleMatch.of(e));
  }

  /**
   * Whether the article fires the rule: its figure conflict condition, if any, checked first (it
   * costs no index), then the search on the article indexed once for every rule.
   */
  public boolean matches(EnrichedArticle e, ArticleMatch article) {
    return (figureConflict == null || figureConflict.matches(e)) && article.matches(compiled);
  }

  /**
   * Whether the search would return the article, on an article indexed once for every rule checked
   * against it (the search part only: {@link #matches(EnrichedArticle, ArticleMatch)} is the whole
   * rule).
   */
  public boolean matches(ArticleMatch article) {
    return article.matches(compiled);
  }

  /**
   * Reads the {@code query} object of a subscription: each value a string or a list of strings,
   * {@code stance} also {@code {"target": "label"}}. Unknown fields and paging fields are refused
   * so a typo never widens the rule. {@code figureConflict} and {@code quantity} are the rule's own
   * ({@link FigureConflictWatch}); with them, copies count unless {@code duplicates} says
   * otherwise, as in a {@code storySources} rule, since a copy from another outlet can bring the
   * conflict.
   */
  public static AlertRule fromJson(JsonNode n) {
    if (n == null || !n.isObject()) {
      return new AlertRule(SearchParameters.parse(SearchParameters.fromJson(n), 0));
    }
    ObjectNode search = ((ObjectNode) n).deepCopy();
    FigureConflictWatch watch = FigureConflictWatch.takeFrom(search);
    Map<String, List<String>> values = SearchParameters.fromJson(search);
    if (watch != null) {
      values.putIfAbsent("duplicates", List.of("true"));
    }
    return new AlertRule(SearchParameters.parse(values, 0), watch);
  }

  public ObjectNode toJson() {
    ObjectNode o = SearchParameters.toJson(query);
    if (figureConflict != null) {
      figureConflict.writeTo(o);
    }
    return o;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlertRule r
        && r.query.equals(query)
        && Objects.equals(r.figureConflict, figureConflict);
  }

  @Override
  public int hashCode() {
    return Objects.hash(query, figureConflict);
  }

  @Override
  public String toString() {
    return "AlertRule" + toJson();
  }
}
