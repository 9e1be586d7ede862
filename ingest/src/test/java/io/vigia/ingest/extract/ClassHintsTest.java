package io.vigia.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Class weights read with plain words give what Readability's regular expressions give. */
class ClassHintsTest {
  /** Readability's expressions, as the weights were first read with them. */
  private static final Pattern POSITIVE =
      Pattern.compile(
          "(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|"
              + "cuerpo|noticia|nota|detalle");

  private static final Pattern NEGATIVE =
      Pattern.compile(
          "(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|"
              + "foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|"
              + "shopping|tags|tool|widget|newsletter|subscri|social|recommend|cookie|caption|credit");

  private static final List<String> PIECES =
      List.of(
          "hid", "HID", "Hid", "hidden", " ", "  ", "\n", "\r\n", "\r", "\u0085", "\u2028", "\t",
          "-", "_", "x", "ad", "-ad-", "-AD-", "Article", "MAIN", "content", "Foot", "nota",
          "noticia", "h-entry", "hentry", "com", "com-", "Comment", "social", "tags", "\u212A",
          "\u0130", "\u0131", "\u017F", "é", "Cuerpo", "media", "share", "page", "PoSt", "tool",
          "story", "credit");

  @Test
  void shouldWeighEveryClassAndIdAsTheRegularExpressionsDo() {
    Random random = new Random(25);
    int weighted = 0;
    for (int i = 0; i < 20_000; i++) {
      String className = randomName(random);
      String id = randomName(random);
      Element e = new Element("div").attr("class", className).attr("id", id);

      int weight = ClassHints.classWeight(e);

      assertThat(weight).as("class '%s' id '%s'", className, id).isEqualTo(byPatterns(e));
      weighted += weight != 0 ? 1 : 0;
    }
    assertThat(weighted).isGreaterThan(5_000);
  }

  @Test
  void shouldTakeHidOnlyAsAWord() {
    assertThat(ClassHints.classWeight(new Element("div").attr("class", "hid"))).isEqualTo(-25);
    assertThat(ClassHints.classWeight(new Element("div").attr("class", "box HID"))).isEqualTo(-25);
    assertThat(ClassHints.classWeight(new Element("div").attr("id", "hid\n"))).isEqualTo(-25);
    assertThat(ClassHints.classWeight(new Element("div").attr("class", "hide"))).isZero();
    assertThat(ClassHints.classWeight(new Element("div").attr("class", "x-hid"))).isZero();
  }

  @Test
  void shouldLowerOnlyAsciiLetters() {
    assertThat(ClassHints.asciiLower("ARTÍCULO Main")).isEqualTo("artÍculo main");
    assertThat(ClassHints.asciiLower("already lower")).isEqualTo("already lower");
  }

  private static String randomName(Random random) {
    StringBuilder s = new StringBuilder();
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      s.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return s.toString();
  }

  private static int byPatterns(Element e) {
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
}
