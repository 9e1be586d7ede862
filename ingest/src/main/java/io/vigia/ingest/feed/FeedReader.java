package io.vigia.ingest.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Parses RSS/Atom/RDF with Rome. DTDs stay refused (Rome's default), which blocks XXE. */
public final class FeedReader {

  /** The items of the feed at {@code feedUrl}, links resolved against it. */
  public List<FeedItem> read(String feedUrl, byte[] body) throws FeedException {
    try {
      SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
      List<FeedItem> items = new ArrayList<>();
      for (SyndEntry e : feed.getEntries()) {
        String link = e.getLink();
        if (link == null || link.isBlank()) {
          link = e.getUri();
        }
        if (link == null || link.isBlank()) {
          continue;
        }
        link = URI.create(feedUrl).resolve(link.trim()).toString();
        items.add(new FeedItem(link, e.getUri(), e.getTitle(),
            e.getPublishedDate() == null ? null : e.getPublishedDate().toInstant(),
            e.getDescription() == null ? null : e.getDescription().getValue()));
      }
      return items;
    } catch (Exception e) {
      throw new FeedException("not a readable feed: " + e.getMessage(), e);
    }
  }

  /** The feed could not be parsed. */
  public static final class FeedException extends Exception {
    public FeedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
