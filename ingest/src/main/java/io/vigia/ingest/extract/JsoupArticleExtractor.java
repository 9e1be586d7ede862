package io.vigia.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** First extractor: headline from og:title/h1, body from the paragraphs of the main container. */
public final class JsoupArticleExtractor implements ArticleExtractor {

  @Override
  public ExtractedPage extract(String url, byte[] body, Charset declaredCharset) {
    if (body == null || body.length == 0) {
      return ExtractedPage.unreadable(url, "empty body");
    }
    Document doc;
    try {
      doc = Jsoup.parse(new ByteArrayInputStream(body), declaredCharset == null ? null : declaredCharset.name(), url);
    } catch (IOException e) {
      return ExtractedPage.unreadable(url, "unparseable HTML: " + e.getMessage());
    }
    String title = meta(doc, "meta[property=og:title]");
    if (title == null) {
      Element h1 = doc.selectFirst("h1");
      title = h1 != null ? h1.text() : doc.title();
    }
    Element root = doc.selectFirst("article");
    if (root == null) {
      root = doc.body();
    }
    List<String> paragraphs = new ArrayList<>();
    if (root != null) {
      for (Element p : root.select("p")) {
        String t = p.text().trim();
        if (!t.isEmpty()) {
          paragraphs.add(t);
        }
      }
    }
    String text = String.join("\n\n", paragraphs);
    String canonical = doc.select("link[rel=canonical]").attr("abs:href");
    String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
    return new ExtractedPage(url, canonical.isEmpty() ? null : canonical, title, meta(doc, "meta[name=author]"), null, null,
        lang.isEmpty() ? null : lang.substring(0, Math.min(2, lang.length())), text, meta(doc, "meta[name=description]"),
        meta(doc, "meta[property=og:site_name]"), meta(doc, "meta[property=og:image]"), !text.isEmpty(),
        text.isEmpty() ? "no body text" : null);
  }

  private static String meta(Document doc, String css) {
    Element e = doc.selectFirst(css);
    return e == null || e.attr("content").isBlank() ? null : e.attr("content").trim();
  }

  @Override
  public String version() {
    return "jsoup-basic/1";
  }
}
