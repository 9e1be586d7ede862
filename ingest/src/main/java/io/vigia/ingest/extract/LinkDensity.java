package io.vigia.ingest.extract;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** The share of an element's text that is link text: menus and related lists are mostly links. */
final class LinkDensity {

  private static final Evaluator LINKS = QueryParser.parse("a");

  private LinkDensity() {}

  static double of(Element e) {
    int total = e.text().length();
    if (total == 0) {
      return 0;
    }
    int links = 0;
    for (Element a : e.select(LINKS)) {
      String href = a.attr("href");
      links += href.startsWith("#") ? a.text().length() / 3 : a.text().length();
    }
    return Math.min(1.0, (double) links / total);
  }
}
