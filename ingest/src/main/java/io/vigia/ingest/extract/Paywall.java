package io.vigia.ingest.extract;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Pages for subscribers: JSON-LD says {@code isAccessibleForFree: false}, or the article's header
 * carries a lock label ("Para suscriptores", "Exclusivo para suscriptores", "Solo para
 * suscriptores"). The label is the site's interface, never part of the text.
 */
final class Paywall {
  /** A lock label, as a regular expression without anchors. */
  static final String LOCK =
      "(?:contenido\\s+)?(?:exclusivo\\s+|s[oó]lo\\s+|solo\\s+)?para\\s+suscriptor(?:es|as)"
          + "|exclusivo\\s+(?:para\\s+)?suscriptor(?:es|as)|subscribers?\\s+only|for\\s+subscribers";

  static final Pattern LOCK_LINE = Pattern.compile("(?iu)^\\W*(?:" + LOCK + ")\\W*$");

  private Paywall() {}

  /**
   * True when a short element near {@code headline} (in its container or the one above) is only a
   * lock label.
   */
  static boolean lockLabelNear(Element headline) {
    if (headline == null) {
      return false;
    }
    Element area = headline.parent();
    if (area != null
        && area.parent() != null
        && !TextLength.surelyLongerThan(area, 1499)
        && area.text().length() < 1500) {
      area = area.parent();
    }
    if (area == null) {
      return false;
    }
    for (Element e : area.getAllElements()) {
      if (!PageCleaning.hasOwnText(e) || TextLength.ownSurelyLongerThan(e, 40)) {
        continue;
      }
      String t = e.ownText();
      if (!t.isEmpty() && t.length() <= 40 && LOCK_LINE.matcher(e.text()).matches()) {
        return true;
      }
    }
    return false;
  }
}
