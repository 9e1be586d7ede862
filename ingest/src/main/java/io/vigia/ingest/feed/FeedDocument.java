package io.vigia.ingest.feed;

import java.time.Instant;
import java.util.List;

/**
 * What a feed URL turned out to hold: items to fetch, or (a sitemap index) more sitemaps to read.
 */
public sealed interface FeedDocument {

  /**
   * An RSS/RDF/Atom feed or a (news) sitemap: the articles it lists, newest first as the source
   * ordered them.
   */
  record Items(String format, List<FeedItem> items) implements FeedDocument {
    public Items {
      items = List.copyOf(items);
    }
  }

  /** A sitemap index: the sitemaps it lists, each with its {@code <lastmod>} when given. */
  record SitemapIndex(List<Sitemap> sitemaps) implements FeedDocument {
    public SitemapIndex {
      sitemaps = List.copyOf(sitemaps);
    }
  }

  /** One {@code <sitemap>} of an index. */
  record Sitemap(String url, Instant lastModified) {}
}
