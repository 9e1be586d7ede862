package io.vigia.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * What a page says about itself: JSON-LD (a NewsArticle or its kin, also inside {@code @graph}),
 * OpenGraph and {@code article:*} meta, Dublin Core and the common ad-hoc meta names, {@code
 * <time>}, {@code itemprop}. Read before the body is cleaned, so nothing is lost to it.
 */
record PageMetadata(
    String headline,
    String ogTitle,
    String documentTitle,
    List<String> authors,
    OffsetDateTime published,
    boolean publishedOffsetStated,
    OffsetDateTime modified,
    String language,
    String canonicalUrl,
    String description,
    String siteName,
    String image,
    String ogType,
    boolean articleTyped,
    boolean paywalled) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "newsarticle",
          "article",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "backgroundnewsarticle",
          "blogposting",
          "reviewnewsarticle",
          "liveblogposting",
          "report",
          "webpage-article");

  private static final List<Evaluator> PUBLISHED_META =
      queries(
          "meta[property=article:published_time]",
          "meta[name=article:published_time]",
          "meta[property=og:published_time]",
          "meta[itemprop=datePublished]",
          "meta[name=pubdate]",
          "meta[name=publishdate]",
          "meta[name=publish-date]",
          "meta[name=date]",
          "meta[name=dc.date]",
          "meta[name=DC.date.issued]",
          "meta[name=dcterms.created]",
          "meta[name=sailthru.date]",
          "meta[name=parsely-pub-date]",
          "meta[name=cXenseParse:recs:publishtime]",
          "meta[property=bt:pubDate]");

  private static final List<Evaluator> AUTHOR_META =
      queries(
          "meta[name=author]",
          "meta[property=article:author]",
          "meta[name=dc.creator]",
          "meta[name=byl]",
          "meta[name=sailthru.author]",
          "meta[name=parsely-author]");

  private static final Evaluator AUTHOR_ELEMENT =
      QueryParser.parse(
          "[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], .byline__name, .author-name, .byline");
  private static final Evaluator TIME_ELEMENT =
      QueryParser.parse(
          "[itemprop=datePublished][datetime], [itemprop=datePublished][content], time[pubdate][datetime], "
              + "article time[datetime], header time[datetime], time[datetime]");
  private static final Evaluator HTML = QueryParser.parse("html");
  private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical]");
  private static final Evaluator JSON_LD = QueryParser.parse("script[type=application/ld+json]");
  private static final Evaluator MODIFIED_META =
      QueryParser.parse("meta[property=article:modified_time]");
  private static final Evaluator LANGUAGE_META =
      QueryParser.parse("meta[http-equiv=content-language]");
  private static final Evaluator LOCALE_META = QueryParser.parse("meta[property=og:locale]");
  private static final Evaluator URL_META = QueryParser.parse("meta[property=og:url]");
  private static final Evaluator IMAGE_META = QueryParser.parse("meta[property=og:image]");
  private static final Evaluator SITE_NAME_META = QueryParser.parse("meta[property=og:site_name]");
  private static final Evaluator OG_DESCRIPTION_META =
      QueryParser.parse("meta[property=og:description]");
  private static final Evaluator DESCRIPTION_META = QueryParser.parse("meta[name=description]");
  private static final Evaluator TYPE_META = QueryParser.parse("meta[property=og:type]");
  private static final Evaluator TITLE_META = QueryParser.parse("meta[property=og:title]");

  /** Selectors parsed once, not on every page. */
  private static List<Evaluator> queries(String... css) {
    List<Evaluator> out = new ArrayList<>();
    for (String c : css) {
      out.add(QueryParser.parse(c));
    }
    return List.copyOf(out);
  }

  static PageMetadata read(Document doc, String url) {
    HeadElements head = HeadElements.of(doc);
    Elements metas = head.metas();
    JsonNode ld = articleJsonLd(head.jsonLd());
    String headline = text(ld, "headline");
    List<String> authors = new ArrayList<>();
    if (ld != null) {
      JsonNode a = ld.path("author");
      for (JsonNode one : a.isArray() ? a : List.of(a)) {
        String name = one.isTextual() ? one.asText() : one.path("name").asText("");
        if (!name.isBlank() && name.length() < 80) {
          authors.add(name.trim());
        }
      }
    }
    if (authors.isEmpty()) {
      for (Evaluator query : AUTHOR_META) {
        String v = meta(metas, query);
        if (v != null && !v.startsWith("http") && v.length() < 100) {
          authors.add(v.replaceFirst("(?i)^(by|por)\\s+", ""));
          break;
        }
      }
    }
    if (authors.isEmpty()) {
      Element e = doc.selectFirst(AUTHOR_ELEMENT);
      if (e != null) {
        String v = e.text().replaceFirst("(?i)^(by|por)\\s+", "").trim();
        if (!v.isEmpty() && v.length() < 100) {
          authors.add(v);
        }
      }
    }

    // Every machine date the page gives for its publication, most trusted first: the first one
    // wins, but it lends its instant to the local offset another one states (JSON-LD in UTC,
    // article:published_time in -04:00), so the article keeps its local day.
    List<String> stated = new ArrayList<>();
    stated.add(text(ld, "datePublished"));
    for (Evaluator query : PUBLISHED_META) {
      stated.add(meta(metas, query));
    }
    Published published = Published.first(stated);
    if (published == null || published.at().getOffset().getTotalSeconds() == 0) {
      Element t = doc.selectFirst(TIME_ELEMENT);
      if (t != null) {
        stated.add(t.hasAttr("datetime") ? t.attr("datetime") : t.attr("content"));
        published = Published.first(stated);
      }
    }
    OffsetDateTime modified = Dates.parseMachine(text(ld, "dateModified"));
    if (modified == null) {
      modified = Dates.parseMachine(meta(metas, MODIFIED_META));
    }

    String lang = null;
    Element html = htmlElement(doc);
    if (html != null && !html.attr("lang").isBlank()) {
      lang = html.attr("lang");
    } else if (meta(metas, LANGUAGE_META) != null) {
      lang = meta(metas, LANGUAGE_META);
    } else if (text(ld, "inLanguage") != null) {
      lang = text(ld, "inLanguage");
    } else if (meta(metas, LOCALE_META) != null) {
      lang = meta(metas, LOCALE_META);
    }
    if (lang != null) {
      lang = lang.trim().toLowerCase(Locale.ROOT);
      lang =
          lang.length() >= 2
                  && Character.isLetter(lang.charAt(0))
                  && Character.isLetter(lang.charAt(1))
              ? lang.substring(0, 2)
              : null;
    }

    String canonical = absoluteHref(head.canonicalLinks());
    if (canonical.isBlank()) {
      canonical = absolute(doc, meta(metas, URL_META));
    }
    String image = meta(metas, IMAGE_META);
    if (image == null && ld != null) {
      JsonNode img = ld.path("image");
      img = img.isArray() && img.size() > 0 ? img.get(0) : img;
      image = img.isTextual() ? img.asText() : img.path("url").asText(null);
    }
    String siteName = meta(metas, SITE_NAME_META);
    if (siteName == null && ld != null) {
      siteName = ld.path("publisher").path("name").asText(null);
    }
    String description = meta(metas, OG_DESCRIPTION_META);
    if (description == null) {
      description = meta(metas, DESCRIPTION_META);
    }
    String ogType = meta(metas, TYPE_META);
    boolean paywalled =
        ld != null && ld.path("isAccessibleForFree").asText("true").equalsIgnoreCase("false");
    return new PageMetadata(
        clean(headline),
        clean(meta(metas, TITLE_META)),
        clean(doc.title()),
        List.copyOf(new LinkedHashSet<>(authors)),
        published == null ? null : published.at(),
        published != null && published.offsetStated(),
        modified,
        lang,
        canonical == null || canonical.isBlank() ? null : canonical,
        description,
        siteName,
        absolute(doc, image),
        ogType == null ? null : ogType.toLowerCase(Locale.ROOT),
        ld != null,
        paywalled);
  }

  /**
   * {@code doc.selectFirst("html")}: the document's first element, as the parser always makes it,
   * without setting up a search.
   */
  private static Element htmlElement(Document doc) {
    Element first = doc.firstElementChild();
    if (first != null && !HTML.matches(doc, doc) && HTML.matches(doc, first)) {
      return first;
    }
    return doc.selectFirst(HTML);
  }

  /**
   * {@code links.attr("abs:href")}, resolving each URL once ({@code hasAttr} and {@code attr}
   * resolved it twice): the first link with an absolute {@code href} (or an attribute named {@code
   * abs:href}), else "".
   */
  static String absoluteHref(Elements links) {
    for (Element e : links) {
      if (e.attributesSize() == 0) {
        continue;
      }
      String abs = e.absUrl("href");
      if (!abs.isEmpty() || e.attributes().hasKeyIgnoreCase("abs:href")) {
        String literal = e.attributes().getIgnoreCase("abs:href");
        return literal.isEmpty() ? abs : literal;
      }
    }
    return "";
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = Whitespace.collapse(org.jsoup.parser.Parser.unescapeEntities(s, false)).trim();
    return t.isEmpty() ? null : t;
  }

  private static String absolute(Document doc, String href) {
    if (href == null || href.isBlank()) {
      return null;
    }
    try {
      return java.net.URI.create(doc.location()).resolve(href.trim()).toString();
    } catch (RuntimeException e) {
      return href.trim();
    }
  }

  /**
   * The first of {@code metas} (the page's {@code <meta>} elements) that {@code query} selects:
   * much cheaper than walking the page each time.
   */
  private static String meta(Elements metas, Evaluator query) {
    Element e = null;
    for (Element m : metas) {
      if (query.matches(m, m)) {
        e = m;
        break;
      }
    }
    if (e == null) {
      return null;
    }
    String v = e.hasAttr("content") ? e.attr("content") : e.attr("value");
    return v.isBlank() ? null : v.trim();
  }

  private static String text(JsonNode n, String field) {
    if (n == null) {
      return null;
    }
    JsonNode v = n.path(field);
    if (v.isArray() && v.size() > 0) {
      v = v.get(0);
    }
    return v.isValueNode() && !v.asText().isBlank() ? v.asText().trim() : null;
  }

  /** The first JSON-LD object typed as an article, searched through arrays and {@code @graph}. */
  private static JsonNode articleJsonLd(Elements scripts) {
    for (Element script : scripts) {
      String data = script.data().trim();
      if (data.isEmpty() || data.length() > 2_000_000) {
        continue;
      }
      try {
        JsonNode found = findArticle(JSON.readTree(data), 0);
        if (found != null) {
          return found;
        }
      } catch (Exception e) {
        // broken JSON-LD is common; the other sources remain
      }
    }
    return null;
  }

  private static JsonNode findArticle(JsonNode n, int depth) {
    if (n == null || depth > 6) {
      return null;
    }
    if (n.isArray()) {
      for (JsonNode c : n) {
        JsonNode f = findArticle(c, depth + 1);
        if (f != null) {
          return f;
        }
      }
      return null;
    }
    if (!n.isObject()) {
      return null;
    }
    JsonNode type = n.path("@type");
    for (JsonNode t : type.isArray() ? type : List.of(type)) {
      if (ARTICLE_TYPES.contains(t.asText("").toLowerCase(Locale.ROOT))) {
        return n;
      }
    }
    JsonNode f = findArticle(n.path("@graph"), depth + 1);
    return f != null ? f : findArticle(n.path("mainEntity"), depth + 1);
  }

  /**
   * The elements the metadata is read from, gathered in one walk over the page instead of one walk
   * each: {@code <meta>}, {@code link[rel=canonical]}, JSON-LD scripts, in page order.
   */
  record HeadElements(Elements metas, Elements canonicalLinks, Elements jsonLd) {
    static HeadElements of(Document doc) {
      HeadElements found = new HeadElements(new Elements(), new Elements(), new Elements());
      // Elements in page order (pre-order), without visiting every text node as a traversal does.
      Deque<Element> pending = new ArrayDeque<>();
      pending.push(doc);
      while (!pending.isEmpty()) {
        Element e = pending.pop();
        for (int i = e.childNodeSize() - 1; i >= 0; i--) {
          if (e.childNode(i) instanceof Element child) {
            pending.push(child);
          }
        }
        switch (e.normalName()) {
          case "meta" -> found.metas().add(e);
          case "link" -> {
            if (CANONICAL.matches(doc, e)) {
              found.canonicalLinks().add(e);
            }
          }
          case "script" -> {
            if (JSON_LD.matches(doc, e)) {
              found.jsonLd().add(e);
            }
          }
          default -> {}
        }
      }
      return found;
    }
  }

  /** A publication time and whether the page stated its offset. */
  private record Published(OffsetDateTime at, boolean offsetStated) {
    /**
     * The first parseable of {@code values}, taking the local offset a later one states for the
     * same instant when the first is in UTC or states none.
     */
    static Published first(List<String> values) {
      Published first = null;
      for (String v : values) {
        OffsetDateTime d = Dates.parseMachine(v);
        if (d == null) {
          continue;
        }
        boolean states = Dates.statesOffset(v);
        if (first == null) {
          first = new Published(d, states);
        } else if (states
            && d.getOffset().getTotalSeconds() != 0
            && first.at().getOffset().getTotalSeconds() == 0
            && Math.abs(d.toEpochSecond() - first.at().toEpochSecond()) < 60) {
          return new Published(first.at().withOffsetSameInstant(d.getOffset()), true);
        }
      }
      return first;
    }
  }
}
