package io.vigia.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.jsoup.Jsoup;

/**
 * Parses RSS 0.9x/1.0 (RDF)/2.0 and Atom with Rome, and sitemaps, news sitemaps and sitemap indexes
 * with {@link SitemapReader}. DTDs stay refused (Rome's default), which blocks XXE and billion
 * laughs; bytes are decoded by {@link FeedCharset} before any parser sees them.
 */
public final class FeedReader {
  private static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";

  /**
   * The items of the feed at {@code feedUrl}, links resolved against it (a sitemap index lists
   * none).
   */
  public List<FeedItem> read(String feedUrl, byte[] body) throws FeedException {
    FeedDocument d = readDocument(feedUrl, body, null);
    return d instanceof FeedDocument.Items items ? items.items() : List.of();
  }

  /**
   * What the document at {@code feedUrl} holds; {@code contentType} is the HTTP header (for its
   * charset), or null.
   */
  public FeedDocument readDocument(String feedUrl, byte[] body, String contentType)
      throws FeedException {
    String xml = FeedCharset.decode(withoutExternalDoctype(body), contentType);
    String root = requireShallow(xml);
    if (SitemapReader.isSitemap(root)) {
      return SitemapReader.read(feedUrl, xml);
    }
    SyndFeed feed;
    try {
      feed = new SyndFeedInput().build(new StringReader(xml));
    } catch (com.rometools.rome.io.FeedException | IllegalArgumentException e) {
      // What Rome documents for input it cannot read: not well-formed XML, a DTD, no feed type it
      // knows. Anything else thrown from here on is a bug (ours or Rome's) and is left to surface:
      // the fuzz test sees it, and IngestService still confines it to the one source.
      throw new FeedException("not a readable feed: " + e.getMessage(), e);
    }
    URI base = URI.create(feedUrl);
    List<FeedItem> items = new ArrayList<>();
    for (SyndEntry e : feed.getEntries()) {
      String link = e.getLink();
      if (link == null || link.isBlank()) {
        link = e.getUri();
      }
      if (link == null || link.isBlank()) {
        continue;
      }
      try {
        link = base.resolve(link.trim()).toString();
      } catch (IllegalArgumentException bad) {
        continue; // not a URL at all: nothing to fetch
      }
      items.add(
          new FeedItem(
              link,
              e.getUri(),
              plain(e.getTitle()),
              e.getPublishedDate() != null
                  ? e.getPublishedDate().toInstant()
                  : e.getUpdatedDate() == null ? null : e.getUpdatedDate().toInstant(),
              e.getDescription() == null ? null : e.getDescription().getValue(),
              feed.getLanguage(),
              content(e),
              image(e, base)));
    }
    return new FeedDocument.Items(feed.getFeedType(), items);
  }

  /**
   * Titles with markup ({@code <b>}, entities double-escaped in CDATA) become the text a reader
   * sees.
   */
  private static String plain(String title) {
    if (title == null || (title.indexOf('<') < 0 && title.indexOf('&') < 0)) {
      return title == null ? null : title.strip();
    }
    return Jsoup.parse(title).text().strip();
  }

  /**
   * The full text a feed carries ({@code content:encoded}, Atom {@code <content>}), as HTML, or
   * null.
   */
  private static String content(SyndEntry e) {
    for (SyndContent c : e.getContents()) {
      if (c.getValue() != null && !c.getValue().isBlank()) {
        return c.getValue();
      }
    }
    return null;
  }

  /**
   * Media RSS ({@code media:content} / {@code media:thumbnail}, also inside {@code media:group}) or
   * an image enclosure.
   */
  private static String image(SyndEntry e, URI base) {
    for (Element el : e.getForeignMarkup()) {
      String url = mediaImage(el);
      if (url != null) {
        return resolve(base, url);
      }
    }
    for (SyndEnclosure enc : e.getEnclosures()) {
      if (enc.getUrl() != null && enc.getType() != null && enc.getType().startsWith("image/")) {
        return resolve(base, enc.getUrl());
      }
    }
    return null;
  }

  private static String mediaImage(Element el) {
    if (!MEDIA_RSS.equals(el.getNamespaceURI())) {
      return null;
    }
    String url = el.getAttributeValue("url");
    boolean image =
        el.getName().equals("thumbnail")
            || "image".equals(el.getAttributeValue("medium"))
            || (el.getAttributeValue("type") != null
                && el.getAttributeValue("type").startsWith("image/"));
    if (url != null && image) {
      return url;
    }
    for (Element child : el.getChildren()) {
      String u = mediaImage(child);
      if (u != null) {
        return u;
      }
    }
    return null;
  }

  private static String resolve(URI base, String url) {
    try {
      return base.resolve(url.trim()).toString();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Deeper than any real feed (RSS and Atom nest a handful of levels, with some XHTML inside). */
  static final int MAX_DEPTH = 256;

  /**
   * Refuses documents nested absurdly deep before Rome sees them: JDOM and Rome's converters take
   * time quadratic in the depth (200,000 levels: ~40 s of one core), which would stall the polling
   * of every other feed. A streaming pass is linear and allocates nothing per level; what it cannot
   * read is left for Rome to reject with its own message.
   */
  private static String requireShallow(String xml) throws FeedException {
    javax.xml.stream.XMLInputFactory f = javax.xml.stream.XMLInputFactory.newFactory();
    f.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    int depth = 0;
    String root = null;
    try {
      javax.xml.stream.XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
      try {
        while (r.hasNext()) {
          int event = r.next();
          if (event == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
            root = root == null ? r.getLocalName() : root;
            if (++depth > MAX_DEPTH) {
              throw new FeedException(
                  "not a readable feed: elements nested more than " + MAX_DEPTH + " deep", null);
            }
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
    return root;
  }

  /**
   * Old RSS 0.91 feeds declare the Netscape DTD ({@code <!DOCTYPE rss PUBLIC ...
   * "http://my.netscape.com/...">}), which Rome's DTD refusal rejects. A DOCTYPE without an
   * internal subset declares no entity, so blanking it out (same length, spaces) loses nothing; one
   * with an internal subset ({@code [ ... ]}, where XXE and billion laughs live) is left alone and
   * stays refused.
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
