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
      SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(withoutExternalDoctype(body))));
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

  /**
   * Old RSS 0.91 feeds declare the Netscape DTD ({@code <!DOCTYPE rss PUBLIC ... "http://my.netscape.com/...">}),
   * which Rome's DTD refusal rejects. A DOCTYPE without an internal subset declares no entity, so
   * blanking it out (same length, spaces) loses nothing; one with an internal subset ({@code [ ... ]},
   * where XXE and billion laughs live) is left alone and stays refused.
   */
  static byte[] withoutExternalDoctype(byte[] body) {
    int limit = Math.min(body.length, 4096);
    int start = indexOf(body, "<!DOCTYPE", limit);
    if (start < 0) {
      return body;
    }
    for (int i = start + 9; i < body.length; i++) {
      if (body[i] == '[') {
        return body;
      }
      if (body[i] == '>') {
        byte[] copy = body.clone();
        java.util.Arrays.fill(copy, start, i + 1, (byte) ' ');
        return copy;
      }
    }
    return body;
  }

  private static int indexOf(byte[] hay, String needle, int limit) {
    outer:
    for (int i = 0; i + needle.length() <= limit; i++) {
      for (int j = 0; j < needle.length(); j++) {
        if (Character.toUpperCase(hay[i + j]) != needle.charAt(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The feed could not be parsed. */
  public static final class FeedException extends Exception {
    public FeedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
