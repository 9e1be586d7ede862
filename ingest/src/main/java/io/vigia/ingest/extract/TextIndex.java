package io.vigia.ingest.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Each element's text and link text under a root, from one walk: the block scoring asks for the
 * text and link density of every candidate container, and {@link Element#text()} walks the whole
 * subtree each time (a page's containers nest, so the same words were read once per ancestor).
 *
 * <p>The walk writes the root's text the way {@link Element#text()} does (whitespace runs one
 * space, a space where a block or {@code <br>} separates words, {@code <pre>} kept as written) and
 * remembers where each element's part starts and ends. An element's own {@code text()} is that part
 * trimmed: the two writings differ only before the element's first character that is not a space
 * (the root's writing may have a space pending there, a fresh one not), and both end identically
 * once that character is written; the trim removes the difference. {@code TextIndexTest} checks
 * this against {@code text()} on every element of the fixture pages.
 *
 * <p>Link text adds up, so every link's count is added to its ancestors. Valid only while the tree
 * does not change.
 */
final class TextIndex {
  private final StringBuilder all = new StringBuilder();
  private final Map<Element, int[]> spans = new IdentityHashMap<>();
  private final Map<Element, Integer> linkChars = new IdentityHashMap<>();

  TextIndex(Element root) {
    List<Element> links = new ArrayList<>();
    NodeTraversor.traverse(new Writer(links), root);
    for (Element a : links) {
      int chars = LinkDensity.linkChars(a, length(a));
      for (Element up = a; up != null; up = up.parent()) {
        linkChars.merge(up, chars, Integer::sum);
      }
    }
  }

  /** {@code e.text()}. */
  String text(Element e) {
    int[] span = spans.get(e);
    if (span == null) {
      return e.text();
    }
    int from = firstVisible(span);
    int to = endVisible(span, from);
    return all.substring(from, to);
  }

  /** {@code e.text().length()}, without building the text. */
  int length(Element e) {
    int[] span = spans.get(e);
    if (span == null) {
      return e.text().length();
    }
    int from = firstVisible(span);
    return endVisible(span, from) - from;
  }

  /** The commas (Latin and CJK) in {@code e.text()}, without building the text. */
  int commas(Element e) {
    int[] span = spans.get(e);
    if (span == null) {
      return BlockScoring.commas(e.text());
    }
    int n = 0;
    for (int i = span[0]; i < span[1]; i++) {
      char c = all.charAt(i);
      if (c == ',' || c == '，' || c == '、') {
        n++;
      }
    }
    return n;
  }

  /** {@link LinkDensity#of(Element)} for an element under the root. */
  double linkDensity(Element e) {
    int total = length(e);
    if (total == 0) {
      return 0;
    }
    return LinkDensity.of(linkChars.getOrDefault(e, 0), total);
  }

  /** Where {@link String#trim()} would start the span. */
  private int firstVisible(int[] span) {
    int from = span[0];
    while (from < span[1] && all.charAt(from) <= ' ') {
      from++;
    }
    return from;
  }

  /** Where {@link String#trim()} would end the span. */
  private int endVisible(int[] span, int from) {
    int to = span[1];
    while (to > from && all.charAt(to - 1) <= ' ') {
      to--;
    }
    return to;
  }

  /** Jsoup's text accumulator (jsoup 1.24), recording each element's span. */
  private final class Writer implements NodeVisitor {
    private final List<Element> links;

    Writer(List<Element> links) {
      this.links = links;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        if (preserveWhitespace(t.parent()) || t instanceof CDataNode) {
          all.append(t.getWholeText());
        } else {
          appendNormalised(t.getWholeText(), lastIsSpace());
        }
      } else if (node instanceof Element e) {
        spans.put(e, new int[] {all.length(), -1});
        if (e.normalName().equals("a")) {
          links.add(e);
        }
        if (all.length() > 0 && leadingSeparator(e) && !lastIsSpace()) {
          all.append(' ');
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        Node next = node.nextSibling();
        if (trailingSeparator(e)
            && (next instanceof TextNode || next instanceof Element n && n.tag().isInline())
            && !lastIsSpace()) {
          all.append(' ');
        }
        spans.get(e)[1] = all.length();
      }
    }
  }

  private boolean lastIsSpace() {
    return all.length() != 0 && all.charAt(all.length() - 1) == ' ';
  }

  /** Jsoup's whitespace normalisation: runs of whitespace one space, invisible characters out. */
  private void appendNormalised(String s, boolean stripLeading) {
    boolean lastWasWhite = false;
    boolean reachedNonWhite = false;
    for (int i = 0; i < s.length(); i++) {
      // Code points as jsoup reads them; a surrogate (of a pair, or alone) is never whitespace nor
      // invisible, so it is copied as it stands.
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 160) {
        if (!(stripLeading && !reachedNonWhite) && !lastWasWhite) {
          all.append(' ');
          lastWasWhite = true;
        }
      } else if (c != 8203 && c != 173) {
        all.append(c);
        lastWasWhite = false;
        reachedNonWhite = true;
      }
    }
  }

  private static boolean preserveWhitespace(Element parent) {
    Element e = parent;
    for (int i = 0; i < 6 && e != null; i++, e = e.parent()) {
      if (e.tag().preserveWhitespace()) {
        return true;
      }
    }
    return false;
  }

  private static boolean leadingSeparator(Element e) {
    return e.isBlock()
        || e.normalName().equals("br")
        || e.tag().is(Tag.TextBoundary) && e.childNodeSize() > 0 && e.hasText();
  }

  private static boolean trailingSeparator(Element e) {
    return e.tag().is(Tag.TextBoundary) || !e.tag().isInline() || hasBlockChild(e);
  }

  private static boolean hasBlockChild(Element e) {
    for (int i = 0; i < e.childNodeSize(); i++) {
      if (e.childNode(i) instanceof Element c && c.isBlock()) {
        return true;
      }
    }
    return false;
  }
}
