package io.vigia.ingest.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Each element's text and link text under a root, measured once: the block scoring asks for the
 * same containers' text and link density many times (as a candidate, as a sibling, as a lead), and
 * each {@link Element#text()} walks the whole subtree. Link text adds up, so every link's count is
 * added to its ancestors in one pass; text is built on first use. Valid only while the tree does
 * not change.
 */
final class TextIndex {
  private final Map<Element, String> texts = new IdentityHashMap<>();
  private final Map<Element, Integer> linkChars = new IdentityHashMap<>();

  TextIndex(Element root) {
    for (Element a : root.select(LinkDensity.LINKS)) {
      int chars = LinkDensity.linkChars(a);
      for (Element up = a; up != null; up = up.parent()) {
        linkChars.merge(up, chars, Integer::sum);
      }
    }
  }

  /** {@code e.text()}, built once. */
  String text(Element e) {
    String t = texts.get(e);
    if (t == null) {
      t = e.text();
      texts.put(e, t);
    }
    return t;
  }

  /** {@link LinkDensity#of(Element)} for an element under the root. */
  double linkDensity(Element e) {
    int total = text(e).length();
    if (total == 0) {
      return 0;
    }
    return LinkDensity.of(linkChars.getOrDefault(e, 0), total);
  }
}
