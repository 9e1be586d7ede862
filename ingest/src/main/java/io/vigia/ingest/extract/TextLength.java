package io.vigia.ingest.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A cheap lower bound on the length of an element's text, for the checks that only ask whether it
 * is longer than some size: the characters of its text nodes that {@link Element#text()} (or {@link
 * Element#ownText()}) keeps whatever surrounds them (not whitespace, not invisible, not a control
 * character the trim at either end could take). Counting them builds nothing and stops as soon as
 * the size is passed; when the bound says nothing, the caller measures the text.
 */
final class TextLength {
  private TextLength() {}

  /** True only if {@code e.text().length() > max}. */
  static boolean surelyLongerThan(Element e, int max) {
    int kept = 0;
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(e);
    while (!pending.isEmpty()) {
      Node n = pending.pop();
      if (n instanceof TextNode t) {
        kept += kept(t, max - kept);
        if (kept > max) {
          return true;
        }
      } else if (n instanceof Element el) {
        for (int i = el.childNodeSize() - 1; i >= 0; i--) {
          pending.push(el.childNode(i));
        }
      }
    }
    return false;
  }

  /** True only if {@code e.ownText().length() > max}. */
  static boolean ownSurelyLongerThan(Element e, int max) {
    int kept = 0;
    for (int i = 0; i < e.childNodeSize(); i++) {
      if (e.childNode(i) instanceof TextNode t) {
        kept += kept(t, max - kept);
        if (kept > max) {
          return true;
        }
      }
    }
    return false;
  }

  /** The kept characters of {@code t}, counted up to one more than {@code enough}. */
  private static int kept(TextNode t, int enough) {
    String s = t.getWholeText();
    int kept = 0;
    for (int j = 0; j < s.length() && kept <= enough; j++) {
      char c = s.charAt(j);
      if (c > ' ' && c != 160 && c != 173 && c != 8203) {
        kept++;
      }
    }
    return kept;
  }
}
