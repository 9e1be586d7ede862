package io.vigia.ingest.extract;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The line a page sets under its headline to sum the story up (dek, standfirst, bajada, sumario,
 * entradilla, epígrafe, subtitle): part of what a reader reads as the article, often inside the
 * page's {@code <header>}, which the body cleaning drops. Found by its class or id among the few
 * elements right after the headline, before the page is cleaned.
 */
final class Standfirst {
  private static final Keywords HINT =
      Keywords.of(
          "dek",
          "standfirst",
          "subtitle",
          "subtitulo",
          "subheadline",
          "sub-headline",
          "subhead",
          "sumario",
          "bajada",
          "entradilla",
          "epigrafe",
          "copete",
          "summary",
          "excerpt",
          "description",
          "bajadilla");

  /** Words in a class that name something else built like a standfirst. */
  private static final Keywords NOT =
      Keywords.of("caption", "credit", "author", "byline", "date", "fecha", "related", "teaser");

  private static final Pattern LEADING_LOCK =
      Pattern.compile(
          "^(?:" + Paywall.LOCK + ")\\s*[:·|-]?\\s*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** How many elements after the headline are looked at. */
  private static final int WINDOW = 12;

  private Standfirst() {}

  /** The standfirst under {@code headline} (the page's h1), without a lock label; or null. */
  static String after(Element headline) {
    if (headline == null) {
      return null;
    }
    int seen = 0;
    for (Element e = next(headline); e != null && seen < WINDOW; e = next(e), seen++) {
      String name = e.normalName();
      if (name.equals("h1") || name.equals("article")) {
        return null;
      }
      String hint = Keywords.lower(e.className() + " " + e.id());
      if (hint.isBlank() || !HINT.in(hint) || NOT.in(hint)) {
        continue;
      }
      String text = LEADING_LOCK.matcher(e.text().strip()).replaceFirst("").strip();
      if (text.length() >= 30 && text.length() <= 600 && LinkDensity.of(e) < 0.3) {
        return text;
      }
    }
    return null;
  }

  /** The element after {@code e} in document order, not inside it. */
  private static Element next(Element e) {
    for (Element at = e; at != null; at = at.parent()) {
      Element sibling = at.nextElementSibling();
      if (sibling != null) {
        return sibling;
      }
    }
    return null;
  }
}
