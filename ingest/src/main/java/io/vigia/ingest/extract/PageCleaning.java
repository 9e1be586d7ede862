package io.vigia.ingest.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The first step of reading a page's body: removes what is never content (scripts, navigation,
 * forms, captions, hidden blocks, blocks whose class or id says share bar, related stories,
 * newsletter, comments...), turns text-only divs and loose text runs into paragraphs, and drops
 * hover cards of links inside sentences.
 */
final class PageCleaning {

  private static final Evaluator P = QueryParser.parse("p");
  private static final Evaluator BLOCKS = QueryParser.parse("p, div, article, section");
  private static final Evaluator DIV = QueryParser.parse("div");
  private static final Evaluator CONTAINERS = QueryParser.parse("div, section, article, main");
  private static final Evaluator BLOCKQUOTE = QueryParser.parse("blockquote");
  private static final Set<String> NEVER_CONTENT =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "iframe",
          "svg",
          "canvas",
          "form",
          "button",
          "input",
          "select",
          "textarea",
          "nav",
          "aside",
          "footer",
          "header",
          "figcaption",
          "figure",
          "picture",
          "video",
          "audio",
          "object",
          "embed",
          "dialog",
          "menu",
          "link",
          "meta");

  /** Inline content (HTML's phrasing content): what a paragraph is made of. */
  private static final Set<String> PHRASING =
      Set.of(
          "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font",
          "i", "img", "ins", "kbd", "label", "mark", "q", "ruby", "s", "samp", "small", "span",
          "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr");

  private static final Set<String> WRAPPERS = Set.of("form", "header", "section");
  private static final Set<String> DIV_BLOCK_CHILDREN =
      Set.of(
          "blockquote",
          "dl",
          "div",
          "img",
          "ol",
          "p",
          "pre",
          "table",
          "ul",
          "section",
          "article",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6");

  private PageCleaning() {}

  /**
   * Removes what is never content, hidden blocks and unlikely candidates; turns text-only divs into
   * paragraphs.
   */
  static void strip(Element body, boolean stripUnlikely) {
    removeNotContent(body, stripUnlikely);
    for (Element div : body.select(DIV)) {
      boolean blockChild = false;
      for (int i = 0; i < div.childNodeSize(); i++) {
        if (div.childNode(i) instanceof Element c && DIV_BLOCK_CHILDREN.contains(c.normalName())) {
          blockChild = true;
          break;
        }
      }
      if (!blockChild && (TextLength.surelyLongerThan(div, 24) || div.text().length() >= 25)) {
        div.tagName("p");
      }
    }
    for (Element container : body.select(CONTAINERS)) {
      wrapLooseText(container);
    }
    List<Element> spans = body.getElementsByTag("span");
    for (int i = spans.size() - 1;
        i >= 0;
        i--) { // innermost first: the card goes, the name it hangs on stays
      Element span = spans.get(i);
      if (span.closest(P) != null && isLinkCluster(span)) {
        span.remove();
      }
    }
  }

  /**
   * The first step: removes every element that is never content ({@link #isNeverContent}), in page
   * order; what is inside a removed element is not looked at.
   */
  static void removeNotContent(Element body, boolean stripUnlikely) {
    Map<String, ClassHints.Hint> verdicts = new HashMap<>();
    List<Element> all = elementsInPageOrder(body);
    boolean quotes = false;
    for (Element e : all) {
      if (e.normalName().equals("blockquote")) {
        quotes = true;
        break;
      }
    }
    Element removed = null;
    for (Element e : new ArrayList<>(all)) {
      if (e == body || e.parent() == null) {
        continue;
      }
      if (removed != null) {
        if (isInside(e, removed)) {
          // Already off the page with an ancestor: whatever it is, it is gone (elements come in
          // page order, so a removed element's descendants follow it, all together).
          continue;
        }
        removed = null;
      }
      if (isNeverContent(e, stripUnlikely, verdicts, quotes)) {
        e.remove();
        removed = e;
      }
    }
  }

  /**
   * Whether {@code e} is never content: a tag that never is, hidden, a lock label, a class or id
   * that says so (unless a quoted post or inside a table or code), a small date line, a role that
   * says navigation or the like. {@code quotes}: the page has a blockquote.
   */
  static boolean isNeverContent(
      Element e, boolean stripUnlikely, Map<String, ClassHints.Hint> verdicts, boolean quotes) {
    String tag = e.normalName();
    if (NEVER_CONTENT.contains(tag) || isHidden(e)) {
      // Some sites wrap the whole page in a <form> (ASP.NET) or the story in a <header>-less
      // layout: a form or header holding a lot of text is a wrapper, not a widget.
      return !(WRAPPERS.contains(tag)
          && (TextLength.surelyLongerThan(e, 1000)
              || e.text().length() > 1000
              || e.select(P).size() >= 3));
    }
    if (isLockLabel(e)) {
      return true;
    }
    if (tag.equals("article") || tag.equals("main") || tag.equals("a") || tag.equals("p")) {
      return false;
    }
    if (e.attributesSize() == 0) {
      return false; // no class, id or role
    }
    String hint = e.className() + " " + e.id();
    ClassHints.Hint verdict =
        hint.length() > 1
            ? verdicts.computeIfAbsent(hint, h -> ClassHints.Hint.of(h, stripUnlikely))
            : ClassHints.Hint.NONE;
    if (verdict == ClassHints.Hint.UNLIKELY
        && !insideTableOrCode(e)
        && !(quotes && isQuotedPost(e))) {
      return true;
    }
    if (verdict == ClassHints.Hint.DATE
        && !TextLength.surelyLongerThan(e, 99)
        && e.text().length() < 100
        && e.select(BLOCKS).size() <= 1) {
      return true;
    }
    String role = e.attr("role");
    return role.equals("navigation")
        || role.equals("complementary")
        || role.equals("banner")
        || role.equals("contentinfo")
        || role.equals("dialog")
        || role.equals("alert")
        || role.equals("menu");
  }

  /**
   * {@code root.getAllElements()} with the root first: the elements in page order, gathered without
   * a selector.
   */
  static List<Element> elementsInPageOrder(Element root) {
    List<Element> out = new ArrayList<>();
    Deque<Element> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Element e = pending.pop();
      out.add(e);
      for (int i = e.childNodeSize() - 1; i >= 0; i--) {
        if (e.childNode(i) instanceof Element child) {
          pending.push(child);
        }
      }
    }
    return out;
  }

  /** Whether {@code e} is {@code ancestor} or below it. */
  private static boolean isInside(Element e, Element ancestor) {
    for (Element p = e; p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  /**
   * A run of links inside a sentence that is nothing but links (a hover card on a name with the
   * person's latest headlines, a "see also" cluster): hidden until hovered, never part of the
   * sentence it sits in.
   */
  private static boolean isLinkCluster(Element span) {
    return span.getElementsByTag("a").size() >= 3 && LinkDensity.of(span) >= 0.9;
  }

  /**
   * Text written straight into a container next to its block children ({@code <div>text<br>text<div
   * class=share>…</div></div>}, common in older CMSs and in WYSIWYG output) is a paragraph the
   * scoring would never see: as Readability does, each run of inline content becomes a {@code <p>},
   * and two {@code <br>} in a row end one paragraph and start the next.
   */
  private static void wrapLooseText(Element container) {
    boolean blockChild = false;
    boolean looseText = false;
    for (Node n : container.childNodes()) {
      if (n instanceof TextNode t && !t.isBlank()) {
        looseText = true;
      } else if (n instanceof Element e && !PHRASING.contains(e.normalName())) {
        blockChild = true;
      }
    }
    if (!blockChild || !looseText) {
      return;
    }
    List<Node> run = new ArrayList<>();
    int brs = 0;
    for (Node n : new ArrayList<>(container.childNodes())) {
      boolean phrasing =
          n instanceof TextNode || n instanceof Element e && PHRASING.contains(e.normalName());
      if (!phrasing) {
        wrap(run);
        brs = 0;
        continue;
      }
      if (n instanceof Element e && e.normalName().equals("br")) {
        if (++brs >= 2) {
          wrap(run);
        }
      } else if (!(n instanceof TextNode t && t.isBlank())) {
        brs = 0;
      }
      run.add(n);
    }
    wrap(run);
  }

  /**
   * Moves {@code run} into a new {@code <p>} in its place, unless it holds no text; empties {@code
   * run}.
   */
  private static void wrap(List<Node> run) {
    boolean text = false;
    for (Node n : run) {
      if (n instanceof TextNode t
          ? !t.isBlank()
          : n instanceof Element e && !e.normalName().equals("br") && e.hasText()) {
        text = true;
        break;
      }
    }
    if (text) {
      Element p = new Element("p");
      run.get(0).before(p);
      for (Node n : run) {
        p.appendChild(n);
      }
    }
    run.clear();
  }

  private static boolean isHidden(Element e) {
    if (e.hasAttr("hidden")
        || "true".equals(e.attr("aria-hidden")) && !e.normalName().equals("span")) {
      return true;
    }
    String style = e.attr("style");
    return !style.isEmpty()
        && style.replace(" ", "").toLowerCase(java.util.Locale.ROOT).contains("display:none");
  }

  /**
   * A post quoted from a social network ({@code <div class="social-embed"><blockquote
   * class="twitter-tweet">…}) is part of the story even though its wrapper's class says "social":
   * share bars and follow boxes hold buttons and links, not a quotation that is most of their text.
   */
  private static boolean isQuotedPost(Element e) {
    Element quote = e.normalName().equals("blockquote") ? e : e.selectFirst(BLOCKQUOTE);
    if (quote == null) {
      return false;
    }
    int all = e.text().length();
    return all > 0 && quote.text().length() >= all * 0.8;
  }

  private static boolean insideTableOrCode(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      String t = p.normalName();
      if (t.equals("table") || t.equals("code") || t.equals("pre")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A paywall's lock label ("Para suscriptores") on its own element: the site's interface beside
   * the standfirst or the headline, never part of the text.
   */
  private static boolean isLockLabel(Element e) {
    if (!hasOwnText(e) || TextLength.ownSurelyLongerThan(e, 40)) {
      return false; // most elements hold other elements or a long text: spare building it
    }
    String own = e.ownText();
    return own.length() >= 8
        && own.length() <= 40
        && (own.contains("uscript") || own.contains("ubscrib"))
        && e.text().length() <= 40
        && Paywall.LOCK_LINE.matcher(e.text()).matches();
  }

  /**
   * Whether {@code e} has text of its own (a non-blank text child): exactly when {@link
   * Element#ownText()} is not empty, without building it.
   */
  static boolean hasOwnText(Element e) {
    for (int i = 0; i < e.childNodeSize(); i++) {
      if (e.childNode(i) instanceof org.jsoup.nodes.TextNode t && !t.isBlank()) {
        return true;
      }
    }
    return false;
  }
}
