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
    byte[] xml = withoutExternalDoctype(body);
    requireShallow(xml);
    try {
      SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
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

  /** Deeper than any real feed (RSS and Atom nest a handful of levels, with some XHTML inside). */
  static final int MAX_DEPTH = 256;

  /**
   * Refuses documents nested absurdly deep before Rome sees them: JDOM and Rome's converters
   * take time quadratic in the depth (200,000 levels: ~40 s of one core), which would stall the
   * polling of every other feed. A streaming pass is linear and allocates nothing per level;
   * what it cannot read is left for Rome to reject with its own message.
   */
  private static void requireShallow(byte[] xml) throws FeedException {
    javax.xml.stream.XMLInputFactory f = javax.xml.stream.XMLInputFactory.newFactory();
    f.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    int depth = 0;
    try {
      javax.xml.stream.XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
      try {
        while (r.hasNext()) {
          int event = r.next();
          if (event == javax.xml.stream.XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
            throw new FeedException("not a readable feed: elements nested more than " + MAX_DEPTH + " deep", null);
          } else if (event == javax.xml.stream.XMLStreamConstants.END_ELEMENT) {
            depth--;
          }
        }
      } finally {
        r.close();
      }
    } catch (javax.xml.stream.XMLStreamException | RuntimeException e) {
      // not well-formed or not XML at all: Rome reports it
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
