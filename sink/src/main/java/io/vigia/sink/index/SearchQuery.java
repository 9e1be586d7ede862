package io.vigia.sink.index;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A search over the index, in the search API's vocabulary: full text, filters, paging, sort.
 * Alert subscriptions speak the same vocabulary.
 *
 * @param stance required label per target, e.g. {@code maduro-government -> against}
 */
public record SearchQuery(
    String q,
    List<String> entities,
    Map<String, String> stance,
    String language,
    String source,
    String story,
    Instant since,
    Instant until,
    boolean includeDuplicates,
    int from,
    int size,
    Sort sort) {

  public enum Sort { NEWEST, OLDEST, RELEVANCE }

  public static final int MAX_SIZE = 100;
  public static final int MAX_FROM = 10_000;

  public SearchQuery {
    entities = entities == null ? List.of() : List.copyOf(entities);
    stance = stance == null ? Map.of() : Map.copyOf(stance);
    sort = sort == null ? Sort.NEWEST : sort;
    if (size < 0 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be from 0 to " + MAX_SIZE);
    }
    if (from < 0 || from > MAX_FROM) {
      throw new IllegalArgumentException("from must be from 0 to " + MAX_FROM);
    }
  }

  public static SearchQuery text(String q, int size) {
    return new SearchQuery(q, List.of(), Map.of(), null, null, null, null, null, false, 0, size, Sort.NEWEST);
  }
}
