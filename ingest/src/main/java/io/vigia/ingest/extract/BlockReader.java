package io.vigia.ingest.extract;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads the chosen containers out as text blocks, one per block element, dropping the blocks that
 * are mostly links, publisher boilerplate or a widget's label.
 */
final class BlockReader {
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

  /** Lines publishers and republishers add around a story: never part of it. */
  private static final Pattern BOILERPLATE =
      Pattern.compile(
          "(?iu)^(©|\\(c\\)|copyright\\b|all rights reserved|todos los derechos|"
              + "we support our publishers|you can view this story|click here|haga clic|haz clic|read more\\b|read also|lee también|lea también|"
              + "te puede interesar|le puede interesar|también te puede|related:|relacionad[oa]s?:|sign up|subscribe|suscríbete|suscribete|"
              + "follow us|síguenos|siguenos|share this|compartir|advertisement|publicidad|anuncio|getty images|foto:|photo:|image:|"
              + "this article (was|is) (originally )?published|este artículo (fue|es)|la entrada .* se publicó|the post .* appeared first|"
              // one-line appeals at the foot of a story: donations, channels, newsletters, paywalls
              + "apoya (el|nuestro|este) (periodismo|trabajo)|apóyanos|apoyanos|haz tu (donación|aporte)|dona (ahora|aquí|aqui|desde)|"
              + "tu (aporte|donación|contribución) (sostiene|hace|nos|es)|si (valoras|te gusta|aprecias) (nuestro|este) (trabajo|periodismo|contenido)|"
              + "únete a nuestro canal|unete a nuestro canal|únete a nuestra comunidad|recibe (nuestro|el|nuestra) (boletín|newsletter|resumen)|"
              + "inscríbete (gratis )?(en|a) nuestro|este contenido es exclusivo|para seguir leyendo|¿ya eres suscriptor|ya eres suscriptor|"
              + "support (our|independent) journalism|donate (now|today|here)|get our newsletter|join our (channel|newsletter|community))");

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

  private BlockReader() {}

  /**
   * Reads {@code root} out as text blocks, splitting at block elements; drops link lists and
   * boilerplate lines.
   */
  static void readBlocks(Element root, List<String> out) {
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
    String block = Whitespace.collapseWithNoBreakSpaces(text).strip();
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
