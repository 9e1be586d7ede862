package io.vigia.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
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
}
