package io.vigia.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {
  private final PhraseMatcher<String> m =
      new PhraseMatcher<String>()
          .add("Consejo Nacional Electoral", "cne-long")
          .add("Consejo", "consejo")
          .add("CNE", "cne")
          .add("UN", "un")
          .add("Nicolás Maduro", "maduro");

  private List<String> found(String text) {
    return m.findAll(Tokens.of(text)).stream().map(x -> x.value().get(0)).toList();
  }

  @Test
  void shouldPreferTheLongestMatch() {
    assertThat(found("El Consejo Nacional Electoral anunció")).containsExactly("cne-long");
  }

  @Test
  void shouldIgnoreAccentsAndCaseOfNames() {
    assertThat(found("NICOLAS MADURO y nicolás maduro")).containsExactly("maduro", "maduro");
  }

  @Test
  void shouldMatchAcronymsOnlyInCapitals() {
    assertThat(found("un informe del UN y del CNE, no del cne")).containsExactly("un", "cne");
  }

  @Test
  void shouldMatchWholeWordsOnly() {
    assertThat(found("Consejeros del Consejo")).containsExactly("consejo");
  }

  @Test
  void shouldSplitPossessivesAndHyphens() {
    assertThat(found("Nicolás Maduro's government")).containsExactly("maduro");
  }
}
