package io.vigia.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the body of an article the way Readability does, in one pass over the tree: drop what is
 * never content (scripts, navigation, forms, captions, hidden and "unlikely" blocks such as share
 * bars, related stories, newsletter boxes, comments, cookie banners), score paragraphs by length
 * and commas into their ancestors, weighted by class/id hints and discounted by link density, take
 * the best container and its siblings that look like content, then read it out as paragraphs and
 * drop the blocks that are mostly links or publisher boilerplate.
 */
final class MainContent {
  private static final Keywords UNLIKELY_HINT =
      Keywords.of(
          "-ad-",
          "ai2html",
          "banner",
          "breadcrumb",
          "combx",
          "comment",
          "community",
          "cover-wrap",
          "disqus",
          "extra",
          "footer",
          "gdpr",
          "header",
          "legends",
          "menu",
          "related",
          "relacionad",
          "remark",
          "replies",
          "rss",
          "shoutbox",
          "sidebar",
          "skyscraper",
          "social",
          "sponsor",
          "supplemental",
          "ad-break",
          "agegate",
          "pagination",
          "pager",
          "popup",
          "yom-remote",
          "share",
          "compartir",
          "newsletter",
          "subscri",
          "suscri",
          "promo",
          "cookie",
          "consent",
          "recommend",
          "mostread",
          "most-read",
          "masleido",
          "mas-leido",
          "trending",
          "outbrain",
          "taboola",
          "signup",
          "sign-up",
          "widget",
          "navigation",
          "masthead",
          "readmore",
          "read-more",
          "leetambien",
          "lee-tambien",
          "te-puede",
          "tags",
          "byline",
          "author-bio",
          "caption",
          "credit");

  /** Hints no site uses for its story: honoured even on the second, hint-distrusting reading. */
  private static final Keywords CERTAINLY_NOT =
      Keywords.of(
          "comment",
          "disqus",
          "respond",
          "replies",
          "cookie",
          "consent",
          "gdpr",
          "newsletter",
          "subscri",
          "suscri",
          "share",
          "compartir",
          "social",
          "related",
          "relacionad",
          "outbrain",
          "taboola",
          "recommend",
          "mostread",
          "most-read",
          "masleido",
          "mas-leido",
          "trending");

  /** A small element that holds the publication date or time, not the story. */
  private static final Pattern DATE_HINT =
      Pattern.compile(
          "(?i)(^|[\\s_-])(date|dates|fecha|timestamp|pubdate|published|posted-on|"
              + "post-date|entry-date|article-date)([\\s_-]|$)");

  private static final Keywords MAYBE =
      Keywords.of(
          "and", "article", "body", "column", "content", "main", "shadow", "story", "entry", "post",
          "text", "cuerpo", "nota");

  /** Cheap first test for {@link #DATE_HINT}: one of these must occur. */
  private static final Keywords DATE_WORDS =
      Keywords.of("date", "fecha", "timestamp", "published", "posted");

  private static final Pattern POSITIVE =
      Pattern.compile(
          "(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|"
              + "cuerpo|noticia|nota|detalle");
  private static final Pattern NEGATIVE =
      Pattern.compile(
          "(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|"
              + "foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|"
              + "shopping|tags|tool|widget|newsletter|subscri|social|recommend|cookie|caption|credit");
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
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "li",
          "ul",
          "ol",
          "dl",
          "dd",
          "dt",
          "blockquote",
          "pre",
          "table",
          "tr",
          "td",
          "th",
          "tbody",
          "thead",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "hr",
          "address",
          "center");
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

  /** Lines publishers and republishers add around a story: never part of it. */
  private static final Pattern BOILERPLATE =
      Pattern.compile(
          "(?iu)^(©|\\(c\\)|copyright\\b|all rights reserved|todos los derechos|"
              + "we support our publishers|you can view this story|click here|haga clic|haz clic|read more\\b|read also|lee también|lea también|"
              + "te puede interesar|le puede interesar|también te puede|related:|relacionad[oa]s?:|sign up|subscribe|suscríbete|suscribete|"
              + "follow us|síguenos|siguenos|share this|compartir|advertisement|publicidad|anuncio|getty images|foto:|photo:|image:|"
              + "this article (was|is) (originally )?published|este artículo (fue|es)|la entrada .* se publicó|the post .* appeared first)");

  /**
   * A whole line that is a control or a widget's label, not writing: comment and share buttons, ad
   * labels, tag and topic headers, "you may also like", gallery counters ("Image 3 of 12", "1 /
   * 23"). Matched on the whole (short) line only, so a sentence that starts with one of these words
   * stays.
   */
  private static final Pattern INTERFACE_LINE =
      Pattern.compile(
          "(?iu)^(?:(?:\\d+\\s+)?comments?|comentarios?|comentários?|share( this)?|"
              + "sharing is caring|compartir|compartilhe|compartilhar|advert|advertisement|publicidad|publicidade|anuncio|tags|etiquetas|topics|"
              + "temas|filed under(?:\\s*:.*)?|like this|like loading|loading|cargando|carregando|text size|tamaño de (?:letra|texto)|"
              + "continue reading( below)?|sigue leyendo|continúa leyendo|you may also like|you might also like|te puede interesar|"
              + "también te puede interesar|você pode gostar|related|related (?:news|stories|articles|posts)|noticias relacionadas|"
              + "explore further|back to gallery|(?:image|photo|foto|imagen|imagem|slide)?\\s*\\d+\\s*(?:of|de|/)\\s*/?\\s*\\d+)"
              + "\\s*[:.…!]*$");

  private static final int INTERFACE_LINE_MAX = 40;

  private MainContent() {}

  /**
   * The body text, paragraphs separated by a blank line; {@code headline} is left out if repeated,
   * and so are lines that only say who wrote it ({@code authors}) and when.
   */
  static String extract(
      Document doc, String headline, List<String> authors, boolean stripUnlikely) {
    Element body = doc.body();
    if (body == null) {
      return "";
    }
    strip(body, stripUnlikely);
    List<Element> parts = withSiblings(bestCandidate(body));
    List<String> blocks = new ArrayList<>();
    for (Element part : parts) {
      readBlocks(part, blocks);
    }
    String norm = headline == null ? null : normalise(headline);
    List<String> kept = new ArrayList<>();
    for (String b : blocks) {
      if (norm != null && normalise(b).equals(norm) || BylineLines.isBylineOrDate(b, authors)) {
        continue;
      }
      kept.add(b);
    }
    return String.join("\n\n", kept);
  }

  private static String normalise(String s) {
    return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  /**
   * Removes what is never content, hidden blocks and unlikely candidates; turns text-only divs into
   * paragraphs.
   */
  private static void strip(Element body, boolean stripUnlikely) {
    Map<String, Hint> verdicts = new HashMap<>();
    for (Element e : new ArrayList<>(body.getAllElements())) {
      if (e == body || e.parent() == null) {
        continue;
      }
      String tag = e.normalName();
      if (NEVER_CONTENT.contains(tag) || isHidden(e)) {
        // Some sites wrap the whole page in a <form> (ASP.NET) or the story in a <header>-less
        // layout: a form or header holding a lot of text is a wrapper, not a widget.
        if (!(WRAPPERS.contains(tag) && (e.text().length() > 1000 || e.select("p").size() >= 3))) {
          e.remove();
        }
        continue;
      }
      if (!tag.equals("article") && !tag.equals("main") && !tag.equals("a") && !tag.equals("p")) {
        String hint = e.className() + " " + e.id();
        Hint verdict =
            hint.length() > 1
                ? verdicts.computeIfAbsent(hint, h -> Hint.of(h, stripUnlikely))
                : Hint.NONE;
        if (verdict == Hint.UNLIKELY && !insideTableOrCode(e) && !isQuotedPost(e)) {
          e.remove();
          continue;
        }
        if (verdict == Hint.DATE
            && e.text().length() < 100
            && e.select("p, div, article, section").size() <= 1) {
          e.remove();
          continue;
        }
        String role = e.attr("role");
        if (role.equals("navigation")
            || role.equals("complementary")
            || role.equals("banner")
            || role.equals("contentinfo")
            || role.equals("dialog")
            || role.equals("alert")
            || role.equals("menu")) {
          e.remove();
        }
      }
    }
    for (Element div : body.select("div")) {
      boolean blockChild = false;
      for (Element c : div.children()) {
        if (DIV_BLOCK_CHILDREN.contains(c.normalName())) {
          blockChild = true;
          break;
        }
      }
      if (!blockChild && div.text().length() >= 25) {
        div.tagName("p");
      }
    }
    for (Element container : body.select("div, section, article, main")) {
      wrapLooseText(container);
    }
    List<Element> spans = body.getElementsByTag("span");
    for (int i = spans.size() - 1;
        i >= 0;
        i--) { // innermost first: the card goes, the name it hangs on stays
      Element span = spans.get(i);
      if (isLinkCluster(span) && span.closest("p") != null) {
        span.remove();
      }
    }
  }

  /**
   * A run of links inside a sentence that is nothing but links (a hover card on a name with the
   * person's latest headlines, a "see also" cluster): hidden until hovered, never part of the
   * sentence it sits in.
   */
  private static boolean isLinkCluster(Element span) {
    return span.getElementsByTag("a").size() >= 3 && linkDensity(span) >= 0.9;
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

  /**
   * What an element's class and id say it is. A page repeats a few class names over hundreds of
   * elements, and the patterns are long alternations, so each page judges each name once.
   */
  private enum Hint {
    NONE,
    UNLIKELY,
    DATE;

    static Hint of(String hint, boolean stripUnlikely) {
      String lower = Keywords.lower(hint);
      if ((stripUnlikely ? UNLIKELY_HINT : CERTAINLY_NOT).in(lower) && !MAYBE.in(lower)) {
        return UNLIKELY;
      }
      return DATE_WORDS.in(lower) && DATE_HINT.matcher(lower).find() ? DATE : NONE;
    }
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
    Element quote = e.normalName().equals("blockquote") ? e : e.selectFirst("blockquote");
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
   * The container chosen as the article, the score its siblings are measured against (the best
   * score, also when the container was widened to an ancestor), and the scores of every scored
   * element.
   */
  private record Candidate(Element top, double score, Map<Element, double[]> scores) {}

  private static Candidate bestCandidate(Element body) {
    Map<Element, double[]> scores = new IdentityHashMap<>();
    for (Element p : body.select("p, pre, td, blockquote, h2, h3")) {
      String text = p.text();
      if (text.length() < 25) {
        continue;
      }
      double score = 1 + commas(text) + Math.min(text.length() / 100, 3);
      Element ancestor = p.parent();
      for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
        if (ancestor == body.parent()) {
          break;
        }
        double[] s = scores.computeIfAbsent(ancestor, MainContent::initialScore);
        s[0] += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
      }
    }
    List<Map.Entry<Element, double[]>> ranked = new ArrayList<>(scores.entrySet());
    for (Map.Entry<Element, double[]> e : ranked) {
      e.getValue()[0] *= 1 - linkDensity(e.getKey());
    }
    if (ranked.isEmpty()) {
      return new Candidate(body, 0, scores);
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
    return new Candidate(top, Math.max(best, own == null ? 0 : own[0]), scores);
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
    List<Element> out = new ArrayList<>();
    Element parent = top.parent();
    if (parent == null || top.normalName().equals("body")) {
      out.add(top);
      return out;
    }
    double threshold = Math.max(10, candidate.score() * 0.2);
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        out.add(sibling);
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
      } else if (s == null && builtAlike && isProse(sibling)) {
        // Another chunk of the story whose paragraphs sit too deep to have scored it.
        out.add(sibling);
      } else if (sibling.normalName().equals("p")) {
        String text = sibling.text();
        double ld = linkDensity(sibling);
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

  /** Mostly running text rather than links: at least a couple of sentences' worth. */
  private static boolean isProse(Element e) {
    return e.text().length() >= 200 && linkDensity(e) < 0.25;
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
    return new double[] {s + classWeight(e)};
  }

  private static int classWeight(Element e) {
    int w = 0;
    for (String hint : new String[] {e.className(), e.id()}) {
      if (hint.isEmpty()) {
        continue;
      }
      if (NEGATIVE.matcher(hint).find()) {
        w -= 25;
      }
      if (POSITIVE.matcher(hint).find()) {
        w += 25;
      }
    }
    return w;
  }

  private static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '，' || c == '、') {
        n++;
      }
    }
    return n;
  }

  private static double linkDensity(Element e) {
    int total = e.text().length();
    if (total == 0) {
      return 0;
    }
    int links = 0;
    for (Element a : e.select("a")) {
      String href = a.attr("href");
      links += href.startsWith("#") ? a.text().length() / 3 : a.text().length();
    }
    return Math.min(1.0, (double) links / total);
  }

  /**
   * Reads {@code root} out as text blocks, splitting at block elements; drops link lists and
   * boilerplate lines.
   */
  private static void readBlocks(Element root, List<String> out) {
    StringBuilder text = new StringBuilder();
    int[] linkChars = {0};
    int[] inLink = {0};
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              String s = t.getWholeText();
              text.append(s);
              if (inLink[0] > 0) {
                linkChars[0] += s.strip().length();
              }
            } else if (node instanceof Element e) {
              if (e.normalName().equals("a")) {
                inLink[0]++;
              } else if (e.normalName().equals("br")) {
                text.append(' ');
              } else if (BLOCKS.contains(e.normalName())) {
                flush(text, linkChars, out);
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e) {
              if (e.normalName().equals("a")) {
                inLink[0]--;
              } else if (BLOCKS.contains(e.normalName())) {
                flush(text, linkChars, out);
              }
            }
          }
        },
        root);
    flush(text, linkChars, out);
  }

  private static void flush(StringBuilder text, int[] linkChars, List<String> out) {
    String block = text.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    int links = linkChars[0];
    text.setLength(0);
    linkChars[0] = 0;
    if (block.isEmpty()) {
      return;
    }
    double density = (double) links / block.length();
    if (density > 0.5 && block.length() < 400 && block.length() - links < 80) {
      // A list of links (related stories, tags, share buttons); an item whose linked first
      // sentence is followed by a few more of its own ("10 things to know today") is text.
      return;
    }
    if (block.length() <= INTERFACE_LINE_MAX && INTERFACE_LINE.matcher(block).matches()) {
      return;
    }
    if (block.length() < 200 && BOILERPLATE.matcher(block).find()) {
      return;
    }
    out.add(block);
  }
}
