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

  private static final Pattern POSITIVE =
      Pattern.compile(
          "(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|"
              + "cuerpo|noticia|nota|detalle");
  private static final Pattern NEGATIVE =
      Pattern.compile(
          "(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|"
              + "foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|"
              + "shopping|tags|tool|widget|newsletter|subscri|social|recommend|cookie|caption|credit");

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
      if (NEGATIVE.matcher(hint).find()) {
        w -= 25;
      }
      if (POSITIVE.matcher(hint).find()) {
        w += 25;
      }
    }
    return w;
  }
}
