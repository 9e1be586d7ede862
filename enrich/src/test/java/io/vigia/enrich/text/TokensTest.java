package io.vigia.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokensTest {
  /** The definition of a fold: decompose, drop the accents, lower case. */
  private static String reference(String word) {
    String d = Normalizer.normalize(word, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < d.length(); i++) {
      if (Character.getType(d.charAt(i)) != Character.NON_SPACING_MARK) {
        sb.append(d.charAt(i));
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  @Test
  void shouldFoldAccentsAndCaseAway() {
    assertThat(Tokens.fold("Nicolás")).isEqualTo("nicolas");
    assertThat(Tokens.fold("OPOSICIÓN")).isEqualTo("oposicion");
    assertThat(Tokens.fold("Peña")).isEqualTo("pena");
    assertThat(Tokens.fold("Ça")).isEqualTo("ca");
  }

  @Test
  void shouldFoldEveryLatinCharacterAsTheDecompositionDoes() {
    for (char c = 1; c < 0x250; c++) {
      String s = "a" + c + "Z";
      assertThat(Tokens.fold(s)).as("U+%04X", (int) c).isEqualTo(reference(s));
    }
  }

  @Test
  void shouldFoldMixedWordsAsTheDecompositionDoes() {
    String alphabet = "aAéÉñÑçÇüÜßøØłŁİıǎǍŉ\u0301ΣσςЖж1";
    Random r = new Random(3);
    for (int k = 0; k < 2000; k++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1 + r.nextInt(8); i > 0; i--) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      assertThat(Tokens.fold(sb.toString())).as(sb.toString()).isEqualTo(reference(sb.toString()));
    }
  }

  @Test
  void shouldFoldTokensInPlace() {
    Tokens t = Tokens.of("El CONSEJO «Nacional» Electoral, según Peña.");
    assertThat(t.size()).isEqualTo(6);
    assertThat(t.folded(1)).isEqualTo("consejo");
    assertThat(t.folded(4)).isEqualTo("segun");
    assertThat(t.folded(5)).isEqualTo("pena");
    assertThat(t.surface(2)).isEqualTo("Nacional");
  }

  /**
   * Tokens cut and fold each word in one pass with looked-up tables; they must give exactly what
   * cutting at code points and folding each word by its definition gives, for any text.
   */
  @Test
  void shouldCutAndFoldRandomTextsAsTheDefinitionDoes() {
    String[] pieces = {
      "a",
      "Z",
      "m",
      "É",
      "é",
      "ñ",
      "Ñ",
      "ç",
      "ü",
      "ß",
      "ø",
      "Ł",
      "ł",
      "İ",
      "ı",
      "ǎ",
      "ŉ",
      "ǅ",
      "Ŀ",
      "ſ",
      "ª",
      "º",
      "µ",
      "ÿ",
      "Ÿ",
      "\u0301",
      "\u0303",
      "Σ",
      "ς",
      "Ж",
      "ж",
      "中",
      "文",
      "ع",
      "٣",
      "१",
      "0",
      "7",
      "½",
      "²",
      "\uD835\uDC00",
      "\uD83D\uDE00",
      "\uD835",
      "\uDC00",
      " ",
      " ",
      "  ",
      "\n",
      "\t",
      "\u00A0",
      ".",
      ",",
      ";",
      "-",
      "'",
      "’",
      "«",
      "»",
      "“",
      "”",
      "(",
      ")",
      "¿",
      "¡",
      "—",
      "@",
      "#",
      "%",
      "&",
      "_",
      "/",
      "©",
      "\u200B",
      "Nicolás",
      "MADURO",
      "Peña",
      "CNE",
      "Ça",
      "d'Amelio",
      "São",
      "Ærø",
      "Œuvre",
      "Straße",
      "ĲSSEL",
      "한국"
    };
    Random r = new Random(11);
    for (int n = 0; n < 5000; n++) {
      String text = RandomTexts.of(r, pieces, r.nextInt(40));
      Tokens t = Tokens.of(text);
      List<int[]> words = referenceWords(text);
      assertThat(t.size()).as("%s", text).isEqualTo(words.size());
      for (int i = 0; i < t.size(); i++) {
        int from = words.get(i)[0];
        int to = words.get(i)[1];
        String fold = reference(text.substring(from, to));
        assertThat(new int[] {t.start(i), t.end(i)})
            .as("%s #%d", text, i)
            .containsExactly(from, to);
        assertThat(t.capitalised(i)).isEqualTo(Character.isUpperCase(text.codePointAt(from)));
        assertThat(t.foldedHash(i)).as("%s #%d", text, i).isEqualTo(fold.hashCode());
        assertThat(t.foldsTo(i, fold.toCharArray())).as("%s #%d", text, i).isTrue();
        assertThat(t.foldsTo(i, (fold + "x").toCharArray())).isFalse();
        assertThat(t.folded(i)).as("%s #%d", text, i).isEqualTo(fold);
      }
    }
  }

  /** Words as defined: a letter or digit, then letters, digits and combining accents. */
  private static List<int[]> referenceWords(String text) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (!Character.isLetterOrDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int from = i;
      while (i < text.length()) {
        cp = text.codePointAt(i);
        if (!Character.isLetterOrDigit(cp) && Character.getType(cp) != Character.NON_SPACING_MARK) {
          break;
        }
        i += Character.charCount(cp);
      }
      out.add(new int[] {from, i});
    }
    return out;
  }

  @Test
  void shouldCarryEachWordsFoldAsCharactersAndHash() {
    Tokens t = Tokens.of("SEGÚN Peña, 한국");
    assertThat(t.foldsTo(0, "segun".toCharArray())).isTrue();
    assertThat(t.foldsTo(0, "segu".toCharArray())).isFalse();
    assertThat(t.foldsTo(1, "pena".toCharArray())).isTrue();
    assertThat(t.foldedHash(1)).isEqualTo("pena".hashCode());
    assertThat(t.folded(2)).isEqualTo(reference("한국")).hasSize(6); // each syllable, three letters
    assertThat(t.foldsTo(2, reference("한국").toCharArray())).isTrue();
  }
}
