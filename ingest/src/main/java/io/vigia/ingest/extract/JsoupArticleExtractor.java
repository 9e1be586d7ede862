package io.vigia.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * The article extractor: metadata first (JSON-LD, OpenGraph, meta, {@code <time>}; see {@link
 * PageMetadata}), then the body ({@link MainContent}), then what is still missing from the page's
 * visible text and URL (dates) and from the words (language). Infinite-scroll pages are cut to the
 * requested article first ({@link StackedArticles}); the standfirst under the headline is read
 * before the page is cleaned ({@link Standfirst}); pages for subscribers are marked ({@link
 * Paywall}) and keep their free teaser. Pages that are not articles (section fronts, video pages,
 * pages without a body) come back with {@code isArticle} false and the reason.
 */
public final class JsoupArticleExtractor implements ArticleExtractor {
  /**
   * Below this much body text a page is not an article (a gallery, a player, an empty shell). Kept
   * low on purpose: a two-sentence breaking-news brief is exactly what a monitor must not drop.
   */
  static final int MIN_ARTICLE_CHARS = 80;

  /** Below this much text, a page with many linked headlines is a section front. */
  static final int FRONT_MAX_CHARS = 400;

  /** Below this much body text the page is read a second time without the class hints. */
  static final int RETRY_BELOW_CHARS = 500;

  @Override
  public ExtractedPage extract(String url, byte[] body, Charset declaredCharset) {
    if (body == null || body.length == 0) {
      return ExtractedPage.unreadable(url, "empty body");
    }
    if (looksBinary(body)) {
      return ExtractedPage.unreadable(url, "binary content, not HTML text");
    }
    Document doc;
    try {
      doc =
          Jsoup.parse(
              new ByteArrayInputStream(body),
              declaredCharset == null ? null : declaredCharset.name(),
              url);
    } catch (IOException | RuntimeException e) {
      return ExtractedPage.unreadable(url, "unparseable HTML: " + e.getMessage());
    }
    PageMetadata meta = PageMetadata.read(doc, url);
    Elements h1s = doc.select(H1); // searched once for the headline, the stack and the standfirst
    String headline = headline(h1s, meta);
    Element kept = StackedArticles.keepRequested(doc, h1s, headline, meta.canonicalUrl(), url);
    Element h1 = headlineElement(kept == null ? h1s : stillOnThePage(h1s, doc), headline);
    String standfirst = Standfirst.after(h1);
    boolean paywalled = meta.paywalled() || Paywall.lockLabelNear(h1);
    OffsetDateTime published = meta.published();
    boolean offsetStated = meta.publishedOffsetStated();
    if (published != null && offsetStated && published.getOffset().getTotalSeconds() == 0) {
      // Stated in UTC (Arc, many CMSs): the time the page shows beside it gives the local offset,
      // hence the local day an evening story belongs to.
      ZoneOffset local = localOffset(doc, published);
      if (local != null) {
        published = published.withOffsetSameInstant(local);
      }
    }
    if (published == null) {
      published = visibleDate(doc);
      offsetStated = false;
    }
    if (published == null) {
      published = Dates.fromUrl(meta.canonicalUrl() != null ? meta.canonicalUrl() : url);
    }
    String text = MainContent.extract(doc, headline, standfirst, meta.authors(), true);
    if (text.length() < RETRY_BELOW_CHARS) {
      // As Readability does: a class hint can be wrong for a whole site ("Page-ad-margins" around
      // everything); when little is left, read the page again trusting no hint.
      try {
        Document fresh =
            Jsoup.parse(
                new ByteArrayInputStream(body),
                declaredCharset == null ? null : declaredCharset.name(),
                url);
        StackedArticles.keepRequested(fresh, headline, meta.canonicalUrl(), url);
        String again = MainContent.extract(fresh, headline, standfirst, meta.authors(), false);
        if (again.length() > text.length()) {
          text = again;
        }
      } catch (IOException | RuntimeException e) {
        // keep the first reading
      }
    }
    String detected = LanguageGuess.of(text.isEmpty() ? headline : text);
    String language = detected != null ? detected : meta.language();
    String byline = meta.authors().isEmpty() ? null : String.join(", ", meta.authors());
    String notArticle = notArticleReason(meta, text, doc);
    return new ExtractedPage(
        url,
        meta.canonicalUrl(),
        headline == null ? "" : headline,
        byline,
        published,
        offsetStated,
        meta.modified(),
        language,
        standfirst,
        text,
        meta.description(),
        meta.siteName(),
        meta.image(),
        paywalled,
        notArticle == null,
        notArticle);
  }

  /** The h1s not removed with a stacked article. */
  private static Elements stillOnThePage(Elements h1s, Document doc) {
    Elements out = new Elements();
    for (Element h1 : h1s) {
      Element top = h1;
      while (top.parent() != null) {
        top = top.parent();
      }
      if (top == doc) {
        out.add(h1);
      }
    }
    return out;
  }

  /** Of the page's {@code h1s}, the one that shows {@code headline}, else the first. */
  private static Element headlineElement(Elements h1s, String headline) {
    if (headline != null) {
      String want = norm(headline);
      for (Element h1 : h1s) {
        if (norm(h1.text()).equals(want)) {
          return h1;
        }
      }
    }
    return h1s.first();
  }

  /**
   * The offset at which the page shows {@code published} (stated in UTC) as local time, from the
   * first written date with a time of day in a date-like element; null when none shows it.
   */
  private static ZoneOffset localOffset(Document doc, OffsetDateTime published) {
    int dated = 0;
    for (Element e : dateElements(doc)) {
      String t = e.text();
      if (t.isEmpty() || t.length() >= 120) {
        continue;
      }
      LocalDateTime shown = Dates.parseVisibleLocal(t);
      if (shown != null) {
        return Dates.offsetShowing(published, shown);
      }
      if (Dates.parseVisible(t) != null && ++dated >= 3) {
        return null;
      }
    }
    return null;
  }

  /**
   * The visible headline: an h1 that the page's titles agree with, else JSON-LD, OpenGraph, or the
   * title without the site name.
   */
  static String headline(Elements h1s, PageMetadata meta) {
    String[] titles = {meta.headline(), meta.ogTitle(), meta.documentTitle()};
    String[] normTitles = new String[titles.length]; // each normalised once, when first needed
    for (Element h1 : h1s) {
      String h = h1.text().trim();
      if (h.length() < 10) {
        continue;
      }
      String nh = norm(h);
      for (int i = 0; i < titles.length; i++) {
        if (titles[i] == null) {
          continue;
        }
        if (normTitles[i] == null) {
          normTitles[i] = norm(titles[i]);
        }
        if (normTitles[i].contains(nh)) {
          return h;
        }
      }
    }
    if (meta.headline() != null) {
      return meta.headline();
    }
    if (meta.ogTitle() != null) {
      return withoutSiteName(meta.ogTitle(), meta.siteName());
    }
    Element h1 = h1s.first();
    if (h1 != null && h1.text().trim().length() >= 10) {
      return h1.text().trim();
    }
    return meta.documentTitle() == null
        ? null
        : withoutSiteName(meta.documentTitle(), meta.siteName());
  }

  private static String withoutSiteName(String title, String siteName) {
    String[] parts = title.split("\\s+[|\\-–—·:•»]{1,2}\\s+");
    if (parts.length == 1) {
      return title;
    }
    String best = parts[0];
    for (String p : parts) {
      if (siteName != null && norm(p).equals(norm(siteName))) {
        continue;
      }
      if (p.length() > best.length() || siteName != null && norm(best).equals(norm(siteName))) {
        best = p;
      }
    }
    return best.split("\\s+").length >= 3 ? best.trim() : title;
  }

  private static String norm(String s) {
    return MatchKey.of(s);
  }

  /** Elements that say they hold a date. */
  private static final Evaluator DATE_ELEMENTS =
      QueryParser.parse(
          "[class*=date], [class*=fecha], [class*=time], [class*=publish], [id*=date], [id*=fecha], time");

  private static final Evaluator H1 = QueryParser.parse("h1");
  private static final Evaluator LINKS = QueryParser.parse("a[href]");

  /**
   * The date-like elements in page order, found as the caller reads them: the first few usually
   * settle it, so the rest of the page is not searched.
   */
  private static Iterable<Element> dateElements(Document doc) {
    return () -> Selector.selectStream(DATE_ELEMENTS, doc).iterator();
  }

  /** A date written near the top of the story, in an element that says it holds one. */
  private static OffsetDateTime visibleDate(Document doc) {
    for (Element e : dateElements(doc)) {
      String t = e.text();
      if (t.length() > 0 && t.length() < 120) {
        OffsetDateTime d = Dates.parseVisible(t);
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  private static String notArticleReason(PageMetadata meta, String text, Document doc) {
    int chars = text.length();
    if (meta.ogType() != null && meta.ogType().startsWith("video") && chars < 1000) {
      return "a video page (og:type " + meta.ogType() + ") with " + chars + " characters of text";
    }
    if (chars < FRONT_MAX_CHARS) {
      int headlines = 0;
      for (Element a : doc.select(LINKS)) {
        if (a.text().length() >= 30) {
          headlines++;
        }
      }
      if (headlines >= 8 && !meta.articleTyped()) {
        return "a section front: "
            + headlines
            + " linked headlines and "
            + chars
            + " characters of body text";
      }
    }
    if (chars < MIN_ARTICLE_CHARS) {
      return chars == 0 ? "no body text" : "too little body text (" + chars + " characters)";
    }
    return null;
  }

  /**
   * NUL and control bytes in the first 4 KB mean this is not text (or UTF-16 mislabelled, which we
   * do not guess).
   */
  private static boolean looksBinary(byte[] body) {
    int n = Math.min(body.length, 4096);
    int bad = 0;
    for (int i = 0; i < n; i++) {
      int b = body[i] & 0xff;
      if (b == 0 || b < 0x09 || b > 0x0d && b < 0x20 && b != 0x1b) {
        bad++;
      }
    }
    return n > 0 && bad > n / 20;
  }

  @Override
  public String version() {
    return "vigia-readability/2";
  }
}
