package io.vigia.search;

import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An article as the index stores it and the search API returns it: the enriched record flattened
 * into the fields people filter, sort and read. Analysts' corrections are overlaid on it before it
 * is written ({@code offTopic}, and corrected stance, entities and story in place of the
 * machine's), with the machine's own judgement kept in {@link #overlay()}, so every search, facet
 * and stat reads the corrected values and the machine's stay at hand.
 *
 * @param offTopic an analyst marked it off topic (the machine indexes only what it judged relevant)
 * @param overlay which fields analysts corrected and what the machine had judged; null when none
 * @param figures the figures the article states, in text order (stored so the API answers without
 *     enriching again)
 * @param figureConflicts its story's figure conflicts as known when the article was judged
 */
public record ArticleDocument(
    String id,
    String articleId,
    String url,
    String canonicalUrl,
    String title,
    String byline,
    Instant publishedAt,
    Instant fetchedAt,
    Instant indexedAt,
    String language,
    String source,
    String feedUrl,
    String text,
    String description,
    String siteName,
    String leadImage,
    String dedupStatus,
    String duplicateOf,
    String storyId,
    int storySources,
    double relevance,
    List<EntityRef> entities,
    List<StanceRef> stance,
    int enrichmentVersion,
    int profileVersion,
    boolean offTopic,
    Overlay overlay,
    Integer publishedOffsetSeconds,
    List<FigureRef> figures,
    List<ConflictRef> figureConflicts) {

  public ArticleDocument {
    entities = entities == null ? List.of() : List.copyOf(entities);
    stance = stance == null ? List.of() : List.copyOf(stance);
    figures = figures == null ? List.of() : List.copyOf(figures);
    figureConflicts = figureConflicts == null ? List.of() : List.copyOf(figureConflicts);
  }

  /** A document as the machine judged it by a given profile version, nothing corrected. */
  public ArticleDocument(
      String id,
      String articleId,
      String url,
      String canonicalUrl,
      String title,
      String byline,
      Instant publishedAt,
      Instant fetchedAt,
      Instant indexedAt,
      String language,
      String source,
      String feedUrl,
      String text,
      String description,
      String siteName,
      String leadImage,
      String dedupStatus,
      String duplicateOf,
      String storyId,
      int storySources,
      double relevance,
      List<EntityRef> entities,
      List<StanceRef> stance,
      int enrichmentVersion,
      int profileVersion) {
    this(
        id,
        articleId,
        url,
        canonicalUrl,
        title,
        byline,
        publishedAt,
        fetchedAt,
        indexedAt,
        language,
        source,
        feedUrl,
        text,
        description,
        siteName,
        leadImage,
        dedupStatus,
        duplicateOf,
        storyId,
        storySources,
        relevance,
        entities,
        stance,
        enrichmentVersion,
        profileVersion,
        false,
        null,
        null,
        List.of(),
        List.of());
  }

  /**
   * The fields analysts corrected ({@code stance:TARGET}, {@code relevant}, {@code entity:ID},
   * {@code story}) and the machine's judgement of everything a correction can change.
   */
  public record Overlay(List<String> fields, Machine machine) {
    public Overlay {
      fields = fields == null ? List.of() : List.copyOf(fields);
      java.util.Objects.requireNonNull(machine, "machine");
    }

    public boolean corrects(String field) {
      return fields.contains(field);
    }
  }

  /** What the machine judged of the fields a correction can change. */
  public record Machine(
      List<StanceRef> stance, List<EntityRef> entities, String storyId, int storySources) {
    public Machine {
      stance = stance == null ? List.of() : List.copyOf(stance);
      entities = entities == null ? List.of() : List.copyOf(entities);
    }
  }

  public record EntityRef(String id, String name, String type, int mentions, boolean linked) {}

  public record EvidenceRef(
      String text, int start, int end, String cue, double weight, boolean attributed) {}

  public record StanceRef(String target, String label, double score, List<EvidenceRef> evidence) {}

  /**
   * A figure the article states, as enrich read it ({@code Figure} in the schema): a quantity of
   * the profile's vocabulary about one subject, its normalised value, who the article says states
   * it (null: the outlet itself) and the election it is about (an election id; null when none
   * applies, and in documents indexed before figures named one).
   */
  public record FigureRef(
      String quantity,
      String subject,
      String subjectName,
      double value,
      Double total,
      Double max,
      boolean approximate,
      double precision,
      String attributedTo,
      String text,
      int start,
      int end,
      String election) {}

  /**
   * A conflict of the article's story: the values of one quantity and subject, about one election
   * (null: none known), sources differ on.
   */
  public record ConflictRef(
      String quantity, String subject, String election, List<ConflictValueRef> values) {
    public ConflictRef {
      values = values == null ? List.of() : List.copyOf(values);
    }
  }

  /** One of a conflict's values and the claims that state it. */
  public record ConflictValueRef(double value, Double max, List<ClaimRef> claims) {
    public ConflictValueRef {
      claims = claims == null ? List.of() : List.copyOf(claims);
    }
  }

  /** One article's statement of a conflicting value: which article, outlet, on whose word. */
  public record ClaimRef(String articleId, String source, String attributedTo, String text) {}

  /**
   * The document an enriched article writes. An update of an earlier article is written under the
   * earlier article's id, so it replaces that document instead of adding a second one.
   */
  public static ArticleDocument from(EnrichedArticle e, Instant indexedAt) {
    RawArticle a = e.getArticle();
    String status = e.getDedup().getStatus().name().toLowerCase(Locale.ROOT);
    String docId =
        e.getDedup().getStatus() == DedupStatus.UPDATE && e.getDedup().getDuplicateOf() != null
            ? e.getDedup().getDuplicateOf()
            : a.getId();
    return new ArticleDocument(
        docId,
        a.getId(),
        a.getUrl(),
        a.getCanonicalUrl(),
        a.getTitle(),
        a.getByline(),
        a.getPublishedAt(),
        a.getFetchedAt(),
        indexedAt,
        a.getLanguage(),
        a.getSource(),
        a.getFeedUrl(),
        a.getText(),
        a.getDescription(),
        a.getSiteName(),
        a.getLeadImage(),
        status,
        e.getDedup().getDuplicateOf(),
        e.getDedup().getStoryId(),
        e.getDedup().getStorySources(),
        e.getRelevance().getScore(),
        e.getEntities().stream()
            .map(
                x ->
                    new EntityRef(
                        x.getId(), x.getName(), x.getType(), x.getMentions(), x.getLinked()))
            .toList(),
        e.getStance().stream()
            .map(
                s ->
                    new StanceRef(
                        s.getTarget(),
                        s.getLabel().name().toLowerCase(Locale.ROOT),
                        s.getScore(),
                        s.getEvidence().stream()
                            .map(
                                v ->
                                    new EvidenceRef(
                                        v.getText(),
                                        v.getStart(),
                                        v.getEnd(),
                                        v.getCue(),
                                        v.getWeight(),
                                        v.getAttributed()))
                            .toList()))
            .toList(),
        e.getEnrichmentVersion(),
        e.getProfileVersion(),
        false,
        null,
        a.getPublishedOffsetSeconds(),
        FigureRecords.figures(e),
        FigureRecords.conflicts(e));
  }

  /** The machine's judgement of everything a correction can change in this document. */
  public Machine machineJudgement() {
    return overlay != null
        ? overlay.machine()
        : new Machine(stance, entities, storyId, storySources);
  }

  /** This document as the machine judged it: every correction taken off. */
  public ArticleDocument asJudgedByTheMachine() {
    Machine m = machineJudgement();
    return withJudgement(m.stance(), m.entities(), m.storyId(), m.storySources(), false, null);
  }

  /** This document with other values for what corrections change (everything else kept). */
  public ArticleDocument withJudgement(
      List<StanceRef> stance,
      List<EntityRef> entities,
      String storyId,
      int storySources,
      boolean offTopic,
      Overlay overlay) {
    return withJudgement(
        stance, entities, storyId, storySources, offTopic, overlay, publishedOffsetSeconds);
  }

  private ArticleDocument withJudgement(
      List<StanceRef> stance,
      List<EntityRef> entities,
      String storyId,
      int storySources,
      boolean offTopic,
      Overlay overlay,
      Integer publishedOffsetSeconds) {
    return new ArticleDocument(
        id,
        articleId,
        url,
        canonicalUrl,
        title,
        byline,
        publishedAt,
        fetchedAt,
        indexedAt,
        language,
        source,
        feedUrl,
        text,
        description,
        siteName,
        leadImage,
        dedupStatus,
        duplicateOf,
        storyId,
        storySources,
        relevance,
        entities,
        stance,
        enrichmentVersion,
        profileVersion,
        offTopic,
        overlay,
        publishedOffsetSeconds,
        figures,
        figureConflicts);
  }

  /**
   * The day the article belongs to, {@code yyyy-MM-dd}: its time read at the offset its page stated
   * (an evening story in Caracas, 22:10 -04:00, stays on its day), in UTC when the page stated
   * none; null without a time. What articles-per-day counts group by.
   */
  public String publishedDay() {
    Instant t = effectiveTime();
    if (t == null) {
      return null;
    }
    java.time.ZoneOffset offset =
        publishedAt != null && publishedOffsetSeconds != null
            ? java.time.ZoneOffset.ofTotalSeconds(publishedOffsetSeconds)
            : java.time.ZoneOffset.UTC;
    return java.time.LocalDate.ofInstant(t, offset).toString();
  }

  /** This document with the offset its page stated with its publication time (null: none). */
  public ArticleDocument withPublishedOffsetSeconds(Integer offsetSeconds) {
    return withJudgement(stance, entities, storyId, storySources, offTopic, overlay, offsetSeconds);
  }

  /** The time an article is sorted and filtered by: published, else fetched. */
  public Instant effectiveTime() {
    return publishedAt != null ? publishedAt : fetchedAt;
  }
}
