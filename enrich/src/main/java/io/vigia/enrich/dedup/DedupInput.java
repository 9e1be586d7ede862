package io.vigia.enrich.dedup;

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
    List<String> entityIds) {

  public DedupInput {
    Objects.requireNonNull(id, "id");
    entityIds = List.copyOf(entityIds);
  }

  public static DedupInput of(RawArticle a, List<String> entityIds) {
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
        entityIds);
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
