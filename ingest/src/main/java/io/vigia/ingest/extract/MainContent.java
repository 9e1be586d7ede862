package io.vigia.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the body of an article the way Readability does, in one pass over the tree: drop what is
 * never content (scripts, navigation, forms, captions, hidden and "unlikely" blocks such as share
 * bars, related stories, newsletter boxes, comments, cookie banners), score paragraphs by length
 * and commas into their ancestors, weighted by class/id hints and discounted by link density, take
 * the best container and its siblings that look like content, then read it out as paragraphs and
 * drop the blocks that are mostly links or publisher boilerplate.
 */
final class MainContent {
  private MainContent() {}

  /**
   * The body text, paragraphs separated by a blank line; {@code headline} and {@code standfirst}
   * (kept apart) are left out if repeated, and so are lines that only say who wrote it ({@code
   * authors}) and when.
   */
  static String extract(
      Document doc,
      String headline,
      String standfirst,
      List<String> authors,
      boolean stripUnlikely) {
    Element body = doc.body();
    if (body == null) {
      return "";
    }
    PageCleaning.strip(body, stripUnlikely);
    List<Element> parts = BlockScoring.storyContainers(body);
    List<String> blocks = new ArrayList<>();
    for (Element part : parts) {
      BlockReader.readBlocks(part, blocks);
    }
    String norm = headline == null ? null : normalise(headline);
    String dek = standfirst == null ? null : normalise(standfirst);
    List<String> kept = new ArrayList<>();
    for (String b : blocks) {
      String nb = norm != null || dek != null ? normalise(b) : null;
      if (nb != null && (nb.equals(norm) || nb.equals(dek))
          || BylineLines.isBylineOrDate(b, authors)) {
        continue;
      }
      kept.add(b);
    }
    return String.join("\n\n", kept);
  }

  private static String normalise(String s) {
    return MatchKey.of(s);
  }
}
