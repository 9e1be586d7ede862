package io.vigia.search;

import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An article as the index stores it and the search API returns it: the enriched record flattened
 * into the fields people filter, sort and read.
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
    Integer publishedOffsetSeconds) {

  /** A document whose page stated no offset with its publication time. */
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
      int enrichmentVersion) {
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
        null);
  }

  public record EntityRef(String id, String name, String type, int mentions, boolean linked) {}

  public record EvidenceRef(
      String text, int start, int end, String cue, double weight, boolean attributed) {}

  public record StanceRef(String target, String label, double score, List<EvidenceRef> evidence) {}

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
        a.getPublishedOffsetSeconds());
  }

  /** The time an article is sorted and filtered by: published, else fetched. */
  public Instant effectiveTime() {
    return publishedAt != null ? publishedAt : fetchedAt;
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
}
