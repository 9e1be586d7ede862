package io.vigia.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A search over the index, in the search API's vocabulary: full text, filters, paging, sort. Alert
 * subscriptions are built from the same type ({@link SearchParameters} reads both), so a
 * subscription matches exactly the articles the same search returns.
 *
 * @param q full text in the {@link QueryText} syntax; null or blank for every article
 * @param entities entity ids (or names) the article must all mention
 * @param entitiesAny entity ids (or names) of which the article must mention at least one
 * @param stance required label per target, e.g. {@code maduro-government -> against}
 * @param languages any of these languages (empty: any)
 * @param sources any of these sources (empty: any)
 * @param storySources the article's story had at least this many distinct sources when the article
 *     was enriched (0: no condition)
 * @param includeDuplicates whether syndicated copies match too
 * @param relevance which articles by an analyst's relevance correction: those not marked off topic
 *     (the default), only those marked off topic, or both
 */
public record SearchQuery(
    String q,
    List<String> entities,
    List<String> entitiesAny,
    Map<String, String> stance,
    List<String> languages,
    List<String> sources,
    String story,
    int storySources,
    Instant since,
    Instant until,
    boolean includeDuplicates,
    int from,
    int size,
    Sort sort,
    Relevance relevance) {

  public enum Sort {
    NEWEST,
    OLDEST,
    RELEVANCE
  }

  /**
   * Articles by an analyst's relevance correction ({@code relevant=true|false|any}): the machine
   * indexes only what it judged relevant, so off topic means marked so by an analyst.
   */
  public enum Relevance {
    /** Not marked off topic: what every search, facet and stat counts unless asked otherwise. */
    RELEVANT,
    /** Only the articles an analyst marked off topic. */
    OFF_TOPIC,
    /** Both. */
    ANY
  }

  public static final int MAX_SIZE = 100;
  public static final int MAX_FROM = 10_000;
  public static final int MAX_STORY_SOURCES = 1000;

  public SearchQuery {
    entities = entities == null ? List.of() : List.copyOf(entities);
    entitiesAny = entitiesAny == null ? List.of() : List.copyOf(entitiesAny);
    stance = stance == null ? Map.of() : Map.copyOf(stance);
    languages = languages == null ? List.of() : List.copyOf(languages);
    sources = sources == null ? List.of() : List.copyOf(sources);
    sort = sort == null ? Sort.NEWEST : sort;
    relevance = relevance == null ? Relevance.RELEVANT : relevance;
    if (size < 0 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be from 0 to " + MAX_SIZE);
    }
    if (from < 0 || from > MAX_FROM) {
      throw new IllegalArgumentException("from must be from 0 to " + MAX_FROM);
    }
    if (storySources < 0 || storySources > MAX_STORY_SOURCES) {
      throw new IllegalArgumentException(
          "storySources must be from 0 (no condition) to " + MAX_STORY_SOURCES);
    }
  }

  /** A query over the articles not marked off topic (the default {@link Relevance}). */
  public SearchQuery(
      String q,
      List<String> entities,
      List<String> entitiesAny,
      Map<String, String> stance,
      List<String> languages,
      List<String> sources,
      String story,
      int storySources,
      Instant since,
      Instant until,
      boolean includeDuplicates,
      int from,
      int size,
      Sort sort) {
    this(
        q,
        entities,
        entitiesAny,
        stance,
        languages,
        sources,
        story,
        storySources,
        since,
        until,
        includeDuplicates,
        from,
        size,
        sort,
        Relevance.RELEVANT);
  }

  /** The query of earlier releases: one language, one source, no entityAny or storySources. */
  public SearchQuery(
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
    this(
        q,
        entities,
        List.of(),
        stance,
        one(language),
        one(source),
        story,
        0,
        since,
        until,
        includeDuplicates,
        from,
        size,
        sort);
  }

  /** The articles of one story, copies included, from {@code from}, {@code size} of them. */
  public static SearchQuery story(
      String storyId, Relevance relevance, int from, int size, Sort sort) {
    return new SearchQuery(
        null, List.of(), List.of(), Map.of(), List.of(), List.of(), storyId, 0, null, null, true,
        from, size, sort, relevance);
  }

  public static SearchQuery text(String q, int size) {
    return new SearchQuery(
        q,
        List.of(),
        List.of(),
        Map.of(),
        List.of(),
        List.of(),
        null,
        0,
        null,
        null,
        false,
        0,
        size,
        Sort.NEWEST);
  }

  /** The same filters with other paging (stories and stats read every match, copies included). */
  public SearchQuery withPage(boolean duplicates, int from, int size) {
    return new SearchQuery(
        q,
        entities,
        entitiesAny,
        stance,
        languages,
        sources,
        story,
        storySources,
        since,
        until,
        duplicates,
        from,
        size,
        sort,
        relevance);
  }

  public boolean hasText() {
    return q != null && !q.isBlank();
  }

  private static List<String> one(String v) {
    return v == null || v.isBlank() ? List.of() : List.of(v);
  }
}
