package io.vigia.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
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
  void shouldNeverSayOwnTextIsLongerThanItIs() {
    Random random = new Random(7);
    int longer = 0;
    for (int i = 0; i < 200; i++) {
      for (Element e : RandomPages.page(random).getAllElements()) {
        int own = e.ownText().length();
        for (int max : new int[] {0, 8, 40}) {
          if (PageCleaning.ownTextLongerThan(e, max)) {
            assertThat(own).as("own text of %s", e.cssSelector()).isGreaterThan(max);
            longer++;
          }
        }
      }
    }
    assertThat(longer).as("the shortcut is taken").isGreaterThan(100);
  }

  @Test
  void shouldSayAParagraphIsLongerThanALockLabelWithoutBuildingItsText() {
    Element p =
        Jsoup.parse("<p>Para <b>los</b> suscriptores de siempre, una nota de la redacción.</p>")
            .selectFirst("p");
    Element label =
        Jsoup.parse("<span>  Para\u00a0suscriptores \u200b </span>").selectFirst("span");

    assertThat(PageCleaning.ownTextLongerThan(p, 40)).isTrue();
    assertThat(PageCleaning.ownTextLongerThan(label, 40)).isFalse();
    assertThat(PageCleaning.ownTextLongerThan(label, 15)).isTrue();
    assertThat(label.ownText()).hasSize(17);
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
