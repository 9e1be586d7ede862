package io.vigia.enrich.dedup;

import io.vigia.schemas.Entity;
import io.vigia.schemas.RawArticle;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What dedup needs of an article.
 *
 * @param source the outlet, as the host of the canonical URL: stories count distinct sources and an
 *     update is a near-copy from the same source
 * @param time the article's own time (published, else fetched), in epoch milliseconds
 * @param entityIds the ids of the entities linked in the article
 * @param entityNames their names (a linked entity's words are one name)
 */
public record DedupInput(
    String id,
    String canonicalUrl,
    String guid,
    String contentHash,
    String source,
    long time,
    String title,
    String text,
    List<String> entityIds,
    List<String> entityNames) {

  public DedupInput {
    Objects.requireNonNull(id, "id");
    entityIds = List.copyOf(entityIds);
    entityNames = List.copyOf(entityNames);
  }

  /** An article whose linked entities are known by id only. */
  public DedupInput(
      String id,
      String canonicalUrl,
      String guid,
      String contentHash,
      String source,
      long time,
      String title,
      String text,
      List<String> entityIds) {
    this(id, canonicalUrl, guid, contentHash, source, time, title, text, entityIds, List.of());
  }

  /** What dedup needs of the article and the entities linked in it. */
  public static DedupInput of(RawArticle a, List<Entity> entities) {
    long time =
        a.getPublishedAt() != null
            ? a.getPublishedAt().toEpochMilli()
            : a.getFetchedAt().toEpochMilli();
    return new DedupInput(
        a.getId(),
        a.getCanonicalUrl(),
        a.getGuid(),
        a.getContentHash(),
        sourceOf(a.getCanonicalUrl(), a.getSource()),
        time,
        a.getTitle(),
        a.getText(),
        entities.stream().map(e -> e.getId().toString()).toList(),
        entities.stream().map(e -> String.valueOf(e.getName())).toList());
  }

  /** The host of the URL without {@code www.}, else the given name. */
  public static String sourceOf(String url, String fallback) {
    try {
      String host = URI.create(url).getHost();
      if (host != null && !host.isBlank()) {
        host = host.toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
      }
    } catch (RuntimeException e) {
      // not a URL: fall back to the declared source
    }
    return fallback == null ? "" : fallback;
  }
}
