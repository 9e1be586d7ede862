package io.vigia.ingest.extract;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What an element's class and id say it is: never the story (share bars, related stories,
 * comments...), a date line, or the story itself (weights for the block scoring). A page repeats a
 * few class names over hundreds of elements and the patterns are long alternations, so the cleaning
 * judges each name once per page ({@link Hint}).
 */
final class ClassHints {
  private static final Keywords UNLIKELY_HINT =
      Keywords.of(
          "-ad-",
          "ai2html",
          "banner",
          "breadcrumb",
          "combx",
          "comment",
          "community",
          "cover-wrap",
          "disqus",
          "extra",
          "footer",
          "gdpr",
          "header",
          "legends",
          "menu",
          "related",
          "relacionad",
          "remark",
          "replies",
          "rss",
          "shoutbox",
          "sidebar",
          "skyscraper",
          "social",
          "sponsor",
          "supplemental",
          "ad-break",
          "agegate",
          "pagination",
          "pager",
          "popup",
          "yom-remote",
          "share",
          "compartir",
          "newsletter",
          "subscri",
          "suscri",
          "promo",
          "cookie",
          "consent",
          "recommend",
          "mostread",
          "most-read",
          "masleido",
          "mas-leido",
          "trending",
          "outbrain",
          "taboola",
          "signup",
          "sign-up",
          "widget",
          "navigation",
          "masthead",
          "readmore",
          "read-more",
          "leetambien",
          "lee-tambien",
          "te-puede",
          "tags",
          "byline",
          "author-bio",
          "caption",
          "credit");

  /** Hints no site uses for its story: honoured even on the second, hint-distrusting reading. */
  private static final Keywords CERTAINLY_NOT =
      Keywords.of(
          "comment",
          "disqus",
          "respond",
          "replies",
          "cookie",
          "consent",
          "gdpr",
          "newsletter",
          "subscri",
          "suscri",
          "share",
          "compartir",
          "social",
          "related",
          "relacionad",
          "outbrain",
          "taboola",
          "recommend",
          "mostread",
          "most-read",
          "masleido",
          "mas-leido",
          "trending");

  /** A small element that holds the publication date or time, not the story. */
  private static final Pattern DATE_HINT =
      Pattern.compile(
          "(?i)(^|[\\s_-])(date|dates|fecha|timestamp|pubdate|published|posted-on|"
              + "post-date|entry-date|article-date)([\\s_-]|$)");

  private static final Keywords MAYBE =
      Keywords.of(
          "and", "article", "body", "column", "content", "main", "shadow", "story", "entry", "post",
          "text", "cuerpo", "nota");

  /** Cheap first test for {@link #DATE_HINT}: one of these must occur. */
  private static final Keywords DATE_WORDS =
      Keywords.of("date", "fecha", "timestamp", "published", "posted");

  /**
   * Readability's positive and negative class weights, as plain words: its case-insensitive regular
   * expressions ({@code article|body|content|…} and {@code -ad-|hidden|…|foot|…}) find one of these
   * in the ASCII-lower-cased name exactly when they match ({@code ClassHintsTest}).
   */
  private static final Keywords POSITIVE =
      Keywords.of(
          "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
          "cuerpo", "noticia", "nota", "detalle");

  private static final Keywords NEGATIVE =
      Keywords.of(
          "-ad-",
          "hidden",
          "banner",
          "combx",
          "comment",
          "com-",
          "contact",
          "foot",
          "gdpr",
          "masthead",
          "media",
          "meta",
          "outbrain",
          "promo",
          "related",
          "scroll",
          "share",
          "shoutbox",
          "sidebar",
          "skyscraper",
          "sponsor",
          "shopping",
          "tags",
          "tool",
          "widget",
          "newsletter",
          "subscri",
          "social",
          "recommend",
          "cookie",
          "caption",
          "credit");

  private ClassHints() {}

  /**
   * What an element's class and id say it is. A page repeats a few class names over hundreds of
   * elements, and the patterns are long alternations, so each page judges each name once.
   */
  enum Hint {
    NONE,
    UNLIKELY,
    DATE;

    static Hint of(String hint, boolean stripUnlikely) {
      String lower = Keywords.lower(hint);
      if ((stripUnlikely ? UNLIKELY_HINT : CERTAINLY_NOT).in(lower) && !MAYBE.in(lower)) {
        return UNLIKELY;
      }
      return DATE_WORDS.in(lower) && DATE_HINT.matcher(lower).find() ? DATE : NONE;
    }
  }

  static int classWeight(Element e) {
    int w = 0;
    for (String hint : new String[] {e.className(), e.id()}) {
      if (hint.isEmpty()) {
        continue;
      }
      String lower = asciiLower(hint);
      if (NEGATIVE.in(lower) || hasWordHid(lower)) {
        w -= 25;
      }
      if (POSITIVE.in(lower)) {
        w += 25;
      }
    }
    return w;
  }

  /** Only A-Z lower-cased, as a regular expression's case-insensitive match without Unicode. */
  static String asciiLower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] out = s.toCharArray();
        for (int j = i; j < out.length; j++) {
          if (out[j] >= 'A' && out[j] <= 'Z') {
            out[j] += 'a' - 'A';
          }
        }
        return new String(out);
      }
    }
    return s;
  }

  /**
   * "hid" as a word between spaces or the ends ({@code ^hid$| hid$| hid |^hid }); the end, as
   * {@code $} reads it, also before a line terminator that ends the name.
   */
  private static boolean hasWordHid(String lower) {
    for (int p = lower.indexOf("hid"); p >= 0; p = lower.indexOf("hid", p + 1)) {
      if ((p == 0 || lower.charAt(p - 1) == ' ')
          && (p + 3 < lower.length() && lower.charAt(p + 3) == ' ' || endsAt(lower, p + 3))) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsAt(String s, int i) {
    String rest = s.substring(i);
    return rest.isEmpty()
        || rest.equals("\n")
        || rest.equals("\r\n")
        || rest.equals("\r")
        || rest.equals("\u0085")
        || rest.equals("\u2028")
        || rest.equals("\u2029");
  }
}
