package io.vigia.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The cleaning's shortcuts change nothing: the same elements go, the same bounds hold. */
class PageCleaningTest {

  @Test
  void shouldRemoveTheSameElementsAsLookingAtEveryElementOfThePage() {
    Random random = new Random(2021);
    for (int i = 0; i < 250; i++) {
      Document page = RandomPages.page(random);
      Document longWay = page.clone();
      boolean stripUnlikely = i % 3 != 0;

      PageCleaning.removeNotContent(page.body(), stripUnlikely);
      everyElementLookedAt(longWay.body(), stripUnlikely);

      assertThat(page.body().outerHtml()).as("page %d", i).isEqualTo(longWay.body().outerHtml());
    }
  }

  @Test
  void shouldKeepAQuotedPostInsideASocialWrapperAndDropTheShareBar() {
    Document page =
        Jsoup.parse(
            "<body><div class=story><p>The minister wrote:</p><div class=social-embed>"
                + "<blockquote class=twitter-tweet>The polls close at six, as the law says.</blockquote>"
                + "</div><div class=share><a href=/x>Share</a></div></div></body>");

    PageCleaning.removeNotContent(page.body(), true);

    assertThat(page.body().text())
        .isEqualTo("The minister wrote: The polls close at six, as the law says.");
  }

  @Test
  void shouldListTheElementsInPageOrderAsGetAllElementsDoes() {
    Random random = new Random(9);
    for (int i = 0; i < 200; i++) {
      Element body = RandomPages.page(random).body();
      List<Element> all = body.getAllElements();
      if (all.get(0) != body) {
        all = new ArrayList<>(all);
        all.add(0, body);
      }
      assertThat(PageCleaning.elementsInPageOrder(body)).containsExactlyElementsOf(all);
    }
  }

  /** The cleaning's first step as it was: every element of the page judged, removed ones too. */
  private static void everyElementLookedAt(Element body, boolean stripUnlikely) {
    Map<String, ClassHints.Hint> verdicts = new HashMap<>();
    for (Element e : new ArrayList<>(body.getAllElements())) {
      if (e == body || e.parent() == null) {
        continue;
      }
      if (PageCleaning.isNeverContent(e, stripUnlikely, verdicts, true)) {
        e.remove();
      }
    }
  }
}
