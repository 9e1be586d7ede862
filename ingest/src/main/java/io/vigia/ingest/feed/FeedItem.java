package io.vigia.ingest.feed;

import java.time.Instant;

/**
 * One item of a feed or sitemap: where it links, its GUID, and what the feed says about it. {@code
 * content} is the full text a feed carried with the item ({@code content:encoded}, Atom content),
 * {@code image} its Media RSS / enclosure image; both may be null, as may every field but {@code
 * link}.
 */
public record FeedItem(
    String link,
    String guid,
    String title,
    Instant publishedAt,
    String summary,
    String language,
    String content,
    String image) {

  public FeedItem(String link, String guid, String title, Instant publishedAt, String summary) {
    this(link, guid, title, publishedAt, summary, null, null, null);
  }

  /** The same item pointing elsewhere (a Google News link resolved to the publisher's). */
  public FeedItem withLink(String other) {
    return new FeedItem(other, guid, title, publishedAt, summary, language, content, image);
  }
}
