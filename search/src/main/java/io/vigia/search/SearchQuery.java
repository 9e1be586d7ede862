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

  /** Every filter unset: all articles not marked off topic, newest first, no copies, 10 a page. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A query named filter by filter; what is not set is no condition (and the defaults of {@link
   * #builder()}). Checked as the record checks it, on {@link #build()}.
   */
  public static final class Builder {
    private String q;
    private List<String> entities = List.of();
    private List<String> entitiesAny = List.of();
    private Map<String, String> stance = Map.of();
    private List<String> languages = List.of();
    private List<String> sources = List.of();
    private String story;
    private int storySources;
    private Instant since;
    private Instant until;
    private boolean includeDuplicates;
    private int from;
    private int size = 10;
    private Sort sort = Sort.NEWEST;
    private Relevance relevance = Relevance.RELEVANT;

    private Builder() {}

    public Builder q(String q) {
      this.q = q;
      return this;
    }

    /** Articles that carry every one of these entity ids. */
    public Builder entities(List<String> entities) {
      this.entities = entities;
      return this;
    }

    /** Articles that carry at least one of these entity ids. */
    public Builder entitiesAny(List<String> entitiesAny) {
      this.entitiesAny = entitiesAny;
      return this;
    }

    /** Target → label ({@code favor}, {@code against}, {@code neutral}). */
    public Builder stance(Map<String, String> stance) {
      this.stance = stance;
      return this;
    }

    public Builder languages(List<String> languages) {
      this.languages = languages;
      return this;
    }

    public Builder language(String language) {
      return languages(one(language));
    }

    public Builder sources(List<String> sources) {
      this.sources = sources;
      return this;
    }

    public Builder source(String source) {
      return sources(one(source));
    }

    public Builder story(String story) {
      this.story = story;
      return this;
    }

    /** Only articles of stories told by at least this many sources (0: no condition). */
    public Builder storySources(int storySources) {
      this.storySources = storySources;
      return this;
    }

    public Builder since(Instant since) {
      this.since = since;
      return this;
    }

    public Builder until(Instant until) {
      this.until = until;
      return this;
    }

    public Builder includeDuplicates(boolean includeDuplicates) {
      this.includeDuplicates = includeDuplicates;
      return this;
    }

    public Builder page(int from, int size) {
      this.from = from;
      this.size = size;
      return this;
    }

    public Builder sort(Sort sort) {
      this.sort = sort;
      return this;
    }

    public Builder relevance(Relevance relevance) {
      this.relevance = relevance;
      return this;
    }

    public SearchQuery build() {
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
          includeDuplicates,
          from,
          size,
          sort,
          relevance);
    }
  }

  /** The articles of one story, copies included, from {@code from}, {@code size} of them. */
  public static SearchQuery story(
      String storyId, Relevance relevance, int from, int size, Sort sort) {
    return builder()
        .story(storyId)
        .includeDuplicates(true)
        .relevance(relevance)
        .page(from, size)
        .sort(sort)
        .build();
  }

  public static SearchQuery text(String q, int size) {
    return builder().q(q).page(0, size).build();
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
