package io.vigia.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The bound never says a text is longer than it is, and says it often enough to save work. */
class TextLengthTest {
  private static final int[] SIZES = {0, 8, 24, 40, 79, 99, 399, 1000};

  @Test
  void shouldNeverSayATextIsLongerThanItIs() {
    Random random = new Random(7);
    int text = 0;
    int own = 0;
    for (int i = 0; i < 200; i++) {
      for (Element e : RandomPages.page(random).getAllElements()) {
        int length = e.text().length();
        int ownLength = e.ownText().length();
        for (int max : SIZES) {
          if (TextLength.surelyLongerThan(e, max)) {
            assertThat(length).as("text of %s", e.cssSelector()).isGreaterThan(max);
            text++;
          }
          if (TextLength.ownSurelyLongerThan(e, max)) {
            assertThat(ownLength).as("own text of %s", e.cssSelector()).isGreaterThan(max);
            own++;
          }
        }
      }
    }
    assertThat(text).as("the bound is taken").isGreaterThan(1000);
    assertThat(own).as("the own-text bound is taken").isGreaterThan(100);
  }

  @Test
  void shouldSayAParagraphIsLongerThanALockLabelWithoutBuildingItsText() {
    Element p =
        Jsoup.parse("<p>Para <b>los</b> suscriptores de siempre, una nota de la redacción.</p>")
            .selectFirst("p");
    Element label =
        Jsoup.parse("<span>  Para\u00a0suscriptores \u200b </span>").selectFirst("span");

    assertThat(TextLength.ownSurelyLongerThan(p, 40)).isTrue();
    assertThat(TextLength.ownSurelyLongerThan(label, 40)).isFalse();
    assertThat(TextLength.ownSurelyLongerThan(label, 15)).isTrue();
    assertThat(label.ownText()).hasSize(17);
    assertThat(TextLength.surelyLongerThan(p, 49)).isTrue();
    assertThat(TextLength.surelyLongerThan(p, p.text().length())).isFalse();
  }

  @Test
  void shouldNotCountScriptsOrComments() {
    Element div =
        Jsoup.parse(
                "<div><script>var x = 'a long script, longer than ten';</script><!-- a note -->ok</div>")
            .selectFirst("div");

    assertThat(TextLength.surelyLongerThan(div, 1)).isTrue();
    assertThat(TextLength.surelyLongerThan(div, 2)).isFalse();
    assertThat(div.text()).isEqualTo("ok");
  }
}
