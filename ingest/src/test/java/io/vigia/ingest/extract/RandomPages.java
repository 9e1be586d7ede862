package io.vigia.ingest.extract;

import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Seeded random pages for checking that a shortcut gives what the long way gives: nested blocks and
 * inline elements, the tags, classes, ids, roles and hidden markers the cleaning acts on, and text
 * with the characters that change how text is written out (whitespace runs, no-break and zero-width
 * spaces, soft hyphens, control characters, commas, surrogate pairs, lock labels).
 */
final class RandomPages {
  private static final String[] TAGS = {
    "div",
    "div",
    "div",
    "p",
    "p",
    "span",
    "span",
    "a",
    "b",
    "pre",
    "li",
    "ul",
    "td",
    "h2",
    "h1",
    "section",
    "article",
    "code",
    "em",
    "textarea",
    "time",
    "blockquote",
    "table",
    "tr",
    "nav",
    "header",
    "footer",
    "form",
    "aside",
    "figure",
    "script",
    "main",
    "meta",
    "link"
  };
  private static final String[] CLASSES = {
    "",
    "",
    "",
    "story",
    "content",
    "share",
    "social-embed",
    "related",
    "date",
    "fecha",
    "comment",
    "byline",
    "main-content",
    "entry-content",
    "post-date",
    "newsletter",
    "footer-links",
    "ad-",
    "article-body",
    "hid",
    "banner",
    "media",
    "timestamp"
  };
  private static final String[] ATTRIBUTES = {
    "",
    "",
    "",
    "",
    " hidden",
    " aria-hidden=true",
    " style='display: none'",
    " role=navigation",
    " role=main",
    " id=comments",
    " id=story",
    " id=fecha-nota",
    " rel=canonical href=/a",
    " type=application/ld+json",
    " property=og:title content=T"
  };
  private static final String[] WORDS = {
    "word",
    "word",
    " ",
    "  ",
    "\n",
    "\t",
    "\u00a0",
    "\u200b",
    "\u00ad",
    ",",
    "，",
    "x,y",
    "\u0001",
    "é",
    "\uD83D\uDE00",
    "<br>",
    "<br><br>",
    "<img src=i.png>",
    "<!-- c -->",
    "<wbr>",
    "Para suscriptores",
    "Exclusivo para suscriptores",
    " 28 de julio de 2024 ",
    "A sentence long enough to be a paragraph of a story, with a comma or two, and a period.",
    "Another sentence of the story that a reader reads, written out at some length here."
  };

  private RandomPages() {}

  static Document page(Random random) {
    StringBuilder html = new StringBuilder("<body>");
    tree(random, html, 0);
    return Jsoup.parse(html.append("</body>").toString(), "https://example.org/story");
  }

  private static void tree(Random random, StringBuilder html, int depth) {
    int parts = 1 + random.nextInt(5);
    for (int i = 0; i < parts; i++) {
      if (depth < 7 && random.nextInt(3) < 2 - depth / 4) {
        String tag = TAGS[random.nextInt(TAGS.length)];
        html.append('<').append(tag);
        String c = CLASSES[random.nextInt(CLASSES.length)];
        if (!c.isEmpty()) {
          html.append(" class='").append(c).append('\'');
        }
        html.append(ATTRIBUTES[random.nextInt(ATTRIBUTES.length)]);
        if (tag.equals("a")) {
          html.append(random.nextBoolean() ? " href='#top'" : " href='/story'");
        }
        html.append('>');
        tree(random, html, depth + 1);
        html.append("</").append(tag).append('>');
      } else {
        html.append(WORDS[random.nextInt(WORDS.length)]);
      }
    }
  }
}
