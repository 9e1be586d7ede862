package io.vigia.ingest.feed;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads sitemaps (sitemaps.org {@code <urlset>}), news sitemaps (Google News {@code <news:news>}:
 * publication date, title, language) and sitemap indexes ({@code <sitemapindex>}). Streaming and
 * with DTDs and external entities off, like the feed parser.
 */
final class SitemapReader {
  private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

  static {
    FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
  }

  private SitemapReader() {}

  /** Whether the document's root element is a sitemap's or a sitemap index's. */
  static boolean isSitemap(String rootElement) {
    return "urlset".equals(rootElement) || "sitemapindex".equals(rootElement);
  }

  static FeedDocument read(String sitemapUrl, String xml) throws FeedReader.FeedException {
    URI base = URI.create(sitemapUrl);
    List<FeedItem> items = new ArrayList<>();
    List<FeedDocument.Sitemap> sitemaps = new ArrayList<>();
    boolean index = false;
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
      try {
        Entry e = null;
        StringBuilder text = new StringBuilder();
        while (r.hasNext()) {
          int event = r.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            String name = r.getLocalName();
            text.setLength(0);
            if (name.equals("sitemapindex")) {
              index = true;
            } else if (name.equals("url") || name.equals("sitemap")) {
              e = new Entry();
            }
          } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
            if (text.length() < 8192) {
              text.append(r.getText());
            }
          } else if (event == XMLStreamConstants.END_ELEMENT && e != null) {
            String value = text.toString().trim();
            String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
            boolean news = ns.contains("sitemap-news");
            switch (r.getLocalName()) {
              case "loc" -> {
                if (!ns.contains("sitemap-image")) {
                  e.loc = value;
                }
              }
              case "lastmod" -> e.lastModified = date(value);
              case "publication_date" -> e.published = news ? date(value) : e.published;
              case "title" -> e.title = news ? value : e.title;
              case "language" -> e.language = news ? value : e.language;
              case "url" -> {
                if (e.loc != null && !e.loc.isEmpty()) {
                  items.add(
                      new FeedItem(
                          base.resolve(e.loc).toString(),
                          e.loc,
                          e.title,
                          e.published != null ? e.published : e.lastModified,
                          null,
                          e.language,
                          null,
                          null));
                }
                e = null;
              }
              case "sitemap" -> {
                if (e.loc != null && !e.loc.isEmpty()) {
                  sitemaps.add(
                      new FeedDocument.Sitemap(base.resolve(e.loc).toString(), e.lastModified));
                }
                e = null;
              }
              default -> {
                // other extensions (image, video) say nothing we use
              }
            }
            text.setLength(0);
          }
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException | IllegalArgumentException e) {
      throw new FeedReader.FeedException("not a readable sitemap: " + e.getMessage(), e);
    }
    return index
        ? new FeedDocument.SitemapIndex(sitemaps)
        : new FeedDocument.Items("sitemap", items);
  }

  /** W3C datetime as sitemaps use it: a day, or a time with an offset; anything else is no date. */
  static Instant date(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      // 2024-07-29T10:15+01:00 (no seconds) is valid W3C datetime
      String withSeconds =
          s.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d([Zz]|[+-].*)")
              ? s.substring(0, 16) + ":00" + s.substring(16)
              : s;
      return OffsetDateTime.parse(withSeconds.replace('z', 'Z')).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static final class Entry {
    String loc;
    String title;
    String language;
    Instant published;
    Instant lastModified;
  }
}
