package io.vigia.ingest.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** The share of an element's text that is link text: menus and related lists are mostly links. */
final class LinkDensity {
  static final Evaluator LINKS = QueryParser.parse("a");

  private LinkDensity() {}

  static double of(Element e) {
    int total = e.text().length();
    if (total == 0) {
      return 0;
    }
    int links = 0;
    for (Element a : e.select(LINKS)) {
      links += linkChars(a);
    }
    return of(links, total);
  }

  /** What a link counts for: its text, a third of it for an in-page link ({@code #…}). */
  static int linkChars(Element a) {
    return linkChars(a, a.text().length());
  }

  /** {@link #linkChars(Element)} for a link whose text is {@code textLength} characters long. */
  static int linkChars(Element a, int textLength) {
    return a.attr("href").startsWith("#") ? textLength / 3 : textLength;
  }

  static double of(int linkChars, int totalChars) {
    return Math.min(1.0, (double) linkChars / totalChars);
  }
}
