package io.vigia.ingest.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Readability's block scoring on a cleaned page: every paragraph scores (length, commas) into its
 * ancestors, weighted by class/id hints and discounted by link density; the best container is
 * widened where the story is cut up (its parent, the common ancestor of close rivals, a chain of
 * chunk wrappers), then joined by the siblings that look like content.
 */
final class BlockScoring {

  /** The blocks that score into their ancestors. */
  private static final Evaluator SCORED = QueryParser.parse("p, pre, td, blockquote, h2, h3");

  private static final Evaluator HEADINGS_OR_ITEMS = QueryParser.parse("h1, h2, h3, h4, li");

  private BlockScoring() {}

  /** The containers that hold the story, in page order. */
  static List<Element> storyContainers(Element body) {
    return withSiblings(bestCandidate(body));
  }

  /**
   * The container chosen as the article, the score its siblings are measured against (the best
   * score, also when the container was widened to an ancestor), and the scores of every scored
   * element.
   */
  private record Candidate(
      Element top, double score, Map<Element, double[]> scores, TextIndex texts) {}

  private static Candidate bestCandidate(Element body) {
    Map<Element, double[]> scores = new IdentityHashMap<>();
    TextIndex texts = new TextIndex(body);
    for (Element p : body.select(SCORED)) {
      int length = texts.length(p);
      if (length < 25) {
        continue;
      }
      double score = 1 + texts.commas(p) + Math.min(length / 100, 3);
      Element ancestor = p.parent();
      for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
        if (ancestor == body.parent()) {
          break;
        }
        double[] s = scores.computeIfAbsent(ancestor, BlockScoring::initialScore);
        s[0] += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
      }
    }
    List<Map.Entry<Element, double[]>> ranked = new ArrayList<>(scores.entrySet());
    for (Map.Entry<Element, double[]> e : ranked) {
      e.getValue()[0] *= 1 - texts.linkDensity(e.getKey());
    }
    if (ranked.isEmpty()) {
      return new Candidate(body, 0, scores, texts);
    }
    ranked.sort((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]));
    Element top = ranked.get(0).getKey();
    double best = ranked.get(0).getValue()[0];
    // A container holding the top one and most of its score is the article (paragraphs split into
    // sections).
    Element parent = top.parent();
    double[] ps = parent == null ? null : scores.get(parent);
    if (ps != null && parent != body.parent() && ps[0] >= best * 0.9) {
      top = parent;
    } else {
      top = commonAncestorOfRivals(top, best, ranked, body);
    }
    top = outermostWrapperOfAChunk(top, body);
    double[] own = scores.get(top);
    return new Candidate(top, Math.max(best, own == null ? 0 : own[0]), scores, texts);
  }

  /**
   * When the story is cut into many containers of one paragraph or section each (cards, chunks
   * between ads), the best one is only a piece: as Readability does, if at least three of the next
   * best candidates score nearly as well and share an ancestor with the best one, that ancestor is
   * the article.
   */
  private static Element commonAncestorOfRivals(
      Element top, double best, List<Map.Entry<Element, double[]>> ranked, Element body) {
    List<Element> rivals = new ArrayList<>();
    for (int i = 1; i < Math.min(ranked.size(), 5); i++) {
      if (ranked.get(i).getValue()[0] >= best * 0.75) {
        rivals.add(ranked.get(i).getKey());
      }
    }
    if (rivals.size() < 3) {
      return top;
    }
    for (Element ancestor = top.parent();
        ancestor != null && ancestor != body;
        ancestor = ancestor.parent()) {
      int inside = 0;
      for (Element r : rivals) {
        if (isAncestor(ancestor, r)) {
          inside++;
        }
      }
      if (inside >= 3) {
        return ancestor;
      }
    }
    return top;
  }

  /**
   * Stories cut into chunks (between ads, per CMS block) are often each wrapped in a chain of
   * single-child containers: the chunk's siblings, where the rest of the story lives, are the
   * outermost wrapper's. Climbing such a chain says nothing new about the content, so it is done
   * only when the outermost wrapper has a sibling built like it (same tag and class), a chunk the
   * sibling pass will then take too; a lone wrapper leads to the page layout, not to more story.
   */
  private static Element outermostWrapperOfAChunk(Element top, Element body) {
    Element up = top;
    while (up.parent() != null && up.parent() != body && onlyChildWithText(up)) {
      up = up.parent();
    }
    if (up == top || up.className().isEmpty() || up.parent() == null) {
      return top;
    }
    for (Element sibling : up.parent().children()) {
      if (sibling != up
          && sibling.normalName().equals(up.normalName())
          && sibling.className().equals(up.className())) {
        return up;
      }
    }
    return top;
  }

  /**
   * True when {@code e}'s siblings hold no text (an empty ad rail or placeholder is no content).
   */
  private static boolean onlyChildWithText(Element e) {
    for (Element sibling : e.parent().children()) {
      if (sibling != e && sibling.hasText()) {
        return false;
      }
    }
    return !e.parent().textNodes().stream().anyMatch(t -> !t.isBlank());
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static List<Element> withSiblings(Candidate candidate) {
    Element top = candidate.top();
    Map<Element, double[]> scores = candidate.scores();
    TextIndex texts = candidate.texts();
    List<Element> out = new ArrayList<>();
    Element parent = top.parent();
    if (parent == null || top.normalName().equals("body")) {
      out.add(top);
      return out;
    }
    double threshold = Math.max(10, candidate.score() * 0.2);
    boolean beforeTop = true;
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        out.add(sibling);
        beforeTop = false;
        continue;
      }
      double[] s = scores.get(sibling);
      boolean builtAlike =
          !top.className().isEmpty()
              && top.className().equals(sibling.className())
              && top.normalName().equals(sibling.normalName());
      double bonus = builtAlike ? candidate.score() * 0.2 : 0;
      if (s != null && s[0] + bonus >= threshold) {
        out.add(sibling);
      } else if (beforeTop && s != null && s[0] > 0 && isLead(sibling, texts)) {
        // The story's opening paragraphs in their own container ahead of the rest: too short to
        // pass the threshold the long remainder sets, but the lead.
        out.add(sibling);
      } else if (s == null && builtAlike && isProse(sibling, texts)) {
        // Another chunk of the story whose paragraphs sit too deep to have scored it.
        out.add(sibling);
      } else if (sibling.normalName().equals("p")) {
        String text = texts.text(sibling);
        double ld = texts.linkDensity(sibling);
        if (text.length() > 80 && ld < 0.25
            || text.length() > 0
                && text.length() <= 80
                && ld == 0
                && text.matches("(?s).*\\.( |$).*")) {
          out.add(sibling);
        }
      }
    }
    return out;
  }

  /**
   * Opening paragraphs of a story: at least one sentence-long paragraph, no headings (a teaser or a
   * box has its own title), hardly any links.
   */
  private static boolean isLead(Element e, TextIndex texts) {
    if (texts.length(e) < 100 || texts.linkDensity(e) >= 0.2) {
      return false;
    }
    if (!e.select(HEADINGS_OR_ITEMS).isEmpty()) {
      return false;
    }
    for (Element p : e.getElementsByTag("p")) {
      if (texts.length(p) >= 80) {
        return true;
      }
    }
    return false;
  }

  /** Mostly running text rather than links: at least a couple of sentences' worth. */
  private static boolean isProse(Element e, TextIndex texts) {
    return texts.length(e) >= 200 && texts.linkDensity(e) < 0.25;
  }

  private static double[] initialScore(Element e) {
    double s =
        switch (e.normalName()) {
          case "div", "article", "main", "section" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    if (e.normalName().equals("article")) {
      s += 10;
    }
    return new double[] {s + ClassHints.classWeight(e)};
  }

  static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '，' || c == '、') {
        n++;
      }
    }
    return n;
  }
}
