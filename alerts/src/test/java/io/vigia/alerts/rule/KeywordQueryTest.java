package io.vigia.alerts.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordQueryTest {
  @Test
  void shouldRequireEveryWordIgnoringCaseAndAccents() {
    KeywordQuery q = KeywordQuery.parse("cne ELECCIÓN");
    assertThat(q.matches("El CNE anuncia", "la eleccion será en julio")).isTrue();
    assertThat(q.matches("El CNE anuncia", "nada más")).isFalse();
  }

  @Test
  void shouldMatchWholeWordsNotParts() {
    assertThat(KeywordQuery.parse("CNE").matches("", "CNEX y otros")).isFalse();
    assertThat(KeywordQuery.parse("acta*").matches("", "las actas del CNE")).isTrue();
  }

  @Test
  void shouldHonourPhrasesNegationAndOr() {
    assertThat(KeywordQuery.parse("\"consejo nacional\"").matches("", "el Consejo Nacional Electoral")).isTrue();
    assertThat(KeywordQuery.parse("\"nacional consejo\"").matches("", "el Consejo Nacional Electoral")).isFalse();
    assertThat(KeywordQuery.parse("CNE -fraude").matches("CNE", "sin fraude")).isFalse();
    assertThat(KeywordQuery.parse("CNE -fraude").matches("CNE", "limpio")).isTrue();
    assertThat(KeywordQuery.parse("Machado OR González").matches("", "Edmundo González habló")).isTrue();
    assertThat(KeywordQuery.parse("Machado OR González").matches("", "Maduro habló")).isFalse();
  }

  @Test
  void shouldMatchEverythingWhenBlank() {
    assertThat(KeywordQuery.parse(" ").matches("x", "y")).isTrue();
  }
}
