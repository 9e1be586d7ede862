package io.vigia.alerts.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.search.SearchParameters;
import io.vigia.search.SearchQuery;
import io.vigia.search.lucene.ArticleMatch;
import io.vigia.search.lucene.CompiledSearch;
import java.util.Objects;

/**
 * What a subscription watches for: a saved search. Its {@code query} object takes the filters of
 * {@code GET /api/articles} under the same names ({@link SearchParameters#FILTERS}: {@code q},
 * {@code entity}, {@code entityAny}, {@code stance}, {@code language}, {@code source}, {@code
 * story}, {@code storySources}, {@code since}, {@code until}, {@code duplicates}), is read by the
 * same parser into the same {@link SearchQuery}, and is evaluated on each article with the same
 * Lucene query and analysis as the search ({@link ArticleMatch}). With {@code storySources} it is a
 * story rule: it fires once for a story, when the story reaches that many sources.
 */
public final class AlertRule {
  private final SearchQuery query;
  private final CompiledSearch compiled;

  public AlertRule(SearchQuery query) {
    this.query = Objects.requireNonNull(query, "query");
    this.compiled = CompiledSearch.of(query);
  }

  /** The search this rule saves (paging fields unused). */
  public SearchQuery query() {
    return query;
  }

  /** True when this rule fires per story (once, when the story reaches {@code storySources}). */
  public boolean isStoryRule() {
    return query.storySources() > 0;
  }

  public boolean matches(EnrichedArticle e) {
    return matches(ArticleMatch.of(e));
  }

  /**
   * Whether the search would return the article, on an article indexed once for every rule checked
   * against it.
   */
  public boolean matches(ArticleMatch article) {
    return article.matches(compiled);
  }

  /**
   * Reads the {@code query} object of a subscription: each value a string or a list of strings,
   * {@code stance} also {@code {"target": "label"}}. Unknown fields and paging fields are refused
   * so a typo never widens the rule.
   */
  public static AlertRule fromJson(JsonNode n) {
    return new AlertRule(SearchParameters.parse(SearchParameters.fromJson(n), 0));
  }

  public ObjectNode toJson() {
    return SearchParameters.toJson(query);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlertRule r && r.query.equals(query);
  }

  @Override
  public int hashCode() {
    return query.hashCode();
  }

  @Override
  public String toString() {
    return "AlertRule" + toJson();
  }
}
