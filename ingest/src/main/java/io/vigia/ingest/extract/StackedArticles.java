package io.vigia.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Infinite-scroll pages serve the requested article followed by the next ones, each with its own
 * headline and body. Scoring would take the longest; the answer is the one the page is about: the
 * one whose headline is the page's, or whose {@code data-url}-like attribute is its canonical URL
 * or {@code og:url}, else the first. The others are removed before the body is read.
 */
final class StackedArticles {
  /** A stacked article holds at least this much text (a logo's or a promo's h1 holds none). */
  private static final int MIN_STORY_CHARS = 400;

  private StackedArticles() {}

  /**
   * Removes from {@code doc} every stacked article but the requested one; returns the requested
   * one's root, or null when the page holds one article.
   */
  static Element keepRequested(Document doc, String pageHeadline, String canonical, String url) {
    return keepRequested(doc, doc.getElementsByTag("h1"), pageHeadline, canonical, url);
  }

  /** {@link #keepRequested(Document, String, String, String)} given the page's h1s. */
  static Element keepRequested(
      Document doc, List<Element> h1s, String pageHeadline, String canonical, String url) {
    if (h1s.size() < 2) {
      return null;
    }
    List<Element> roots = new ArrayList<>();
    for (Element h1 : h1s) {
      Element root = ownRoot(h1, h1s);
      if (root != null && isStory(root) && !roots.contains(root)) {
        roots.add(root);
      }
    }
    java.util.Set<String> headlines = new java.util.HashSet<>();
    for (Element root : roots) {
      // The same headline twice is one story (a sticky header repeating it), not a stack.
      if (!headlines.add(norm(root.getElementsByTag("h1").first().text()))) {
        return null;
      }
    }
    if (roots.size() < 2) {
      return null;
    }
    Element chosen = null;
    for (Element root : roots) {
      if (namesUrl(root, canonical) || namesUrl(root, url)) {
        chosen = root;
        break;
      }
    }
    if (chosen == null && pageHeadline != null) {
      String want = norm(pageHeadline);
      for (Element root : roots) {
        Element h1 = root.getElementsByTag("h1").first();
        if (h1 != null && norm(h1.text()).equals(want)) {
          chosen = root;
          break;
        }
      }
    }
    if (chosen == null) {
      chosen = roots.get(0);
    }
    for (Element root : roots) {
      if (root != chosen) {
        root.remove();
      }
    }
    return chosen;
  }

  /** A headline over a body: enough text, in at least two paragraphs of a sentence or more. */
  private static boolean isStory(Element root) {
    if (!TextLength.surelyLongerThan(root, MIN_STORY_CHARS - 1)
        && root.text().length() < MIN_STORY_CHARS) {
      return false;
    }
    int paragraphs = 0;
    for (Element p : root.getElementsByTag("p")) {
      if ((TextLength.surelyLongerThan(p, 79) || p.text().length() >= 80) && ++paragraphs >= 2) {
        return true;
      }
    }
    return false;
  }

  /**
   * The largest ancestor of {@code h1} that holds no other h1: that article's own container. {@code
   * h1s}: every h1 of the page, so an ancestor's are counted without searching it.
   */
  private static Element ownRoot(Element h1, List<Element> h1s) {
    Element root = h1;
    for (Element up = h1.parent(); up != null && up.parent() != null; up = up.parent()) {
      if (up.normalName().equals("body") || holdsMoreThanOne(up, h1s)) {
        break;
      }
      root = up;
    }
    return root == h1 ? null : root;
  }

  /** {@code e.getElementsByTag("h1").size() > 1}, given every h1 of the page. */
  static boolean holdsMoreThanOne(Element e, List<Element> h1s) {
    int inside = 0;
    for (Element h1 : h1s) {
      if (isInside(h1, e) && ++inside > 1) {
        return true;
      }
    }
    return false;
  }

  private static boolean isInside(Element e, Element ancestor) {
    for (Element p = e; p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** The root or its first descendants carry {@code url} in an attribute ({@code data-url}). */
  private static boolean namesUrl(Element root, String url) {
    if (url == null || url.isBlank()) {
      return false;
    }
    String want = withoutScheme(url);
    for (Element e = root; e != null; e = e.children().isEmpty() ? null : e.child(0)) {
      for (Attribute a : e.attributes()) {
        if (a.getKey().startsWith("data-") && withoutScheme(a.getValue()).equals(want)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String withoutScheme(String u) {
    return u.trim().replaceFirst("^https?://(www\\.)?", "").replaceFirst("[/?#]+$", "");
  }

  private static String norm(String s) {
    return MatchKey.of(s);
  }
}
