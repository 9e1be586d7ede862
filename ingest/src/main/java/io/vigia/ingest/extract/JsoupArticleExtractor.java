package io.vigia.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article extractor: metadata first (JSON-LD, OpenGraph, meta, {@code <time>}; see {@link
 * PageMetadata}), then the body ({@link MainContent}), then what is still missing from the page's
 * visible text and URL (dates) and from the words (language). Pages that are not articles (section
 * fronts, video pages, paywalls, pages without a body) come back with {@code isArticle} false and
 * the reason.
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
    String headline = headline(doc, meta);
    OffsetDateTime published = meta.published();
    if (published == null) {
      published = visibleDate(doc);
    }
    if (published == null) {
      published = Dates.fromUrl(meta.canonicalUrl() != null ? meta.canonicalUrl() : url);
    }
    String text = MainContent.extract(doc, headline, meta.authors(), true);
    if (text.length() < RETRY_BELOW_CHARS) {
      // As Readability does: a class hint can be wrong for a whole site ("Page-ad-margins" around
      // everything); when little is left, read the page again trusting no hint.
      try {
        String again =
            MainContent.extract(
                Jsoup.parse(
                    new ByteArrayInputStream(body),
                    declaredCharset == null ? null : declaredCharset.name(),
                    url),
                headline,
                meta.authors(),
                false);
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
        meta.modified(),
        language,
        text,
        meta.description(),
        meta.siteName(),
        meta.image(),
        notArticle == null,
        notArticle);
  }

  /**
   * The visible headline: an h1 that the page's titles agree with, else JSON-LD, OpenGraph, or the
   * title without the site name.
   */
  static String headline(Document doc, PageMetadata meta) {
    String[] titles = {meta.headline(), meta.ogTitle(), meta.documentTitle()};
    for (Element h1 : doc.select("h1")) {
      String h = h1.text().trim();
      if (h.length() < 10) {
        continue;
      }
      String nh = norm(h);
      for (String t : titles) {
        if (t != null && norm(t).contains(nh)) {
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
    Element h1 = doc.selectFirst("h1");
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
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  /** A date written near the top of the story, in an element that says it holds one. */
  private static OffsetDateTime visibleDate(Document doc) {
    for (Element e :
        doc.select(
            "[class*=date], [class*=fecha], [class*=time], [class*=publish], [id*=date], [id*=fecha], time")) {
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
    if (meta.paywalled() && chars < 1000) {
      return "paywalled: only " + chars + " characters visible";
    }
    if (chars < FRONT_MAX_CHARS) {
      int headlines = 0;
      for (Element a : doc.select("a[href]")) {
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
