package io.vigia.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberWordsTest {
  private static List<String> figures(String text) {
    List<String> out = new ArrayList<>();
    NumberWords.scan(text, out::add);
    return out;
  }

  @Test
  void shouldWriteAFigureInWordsAsTheSameFigureInDigits() {
    assertThat(figures("Eleven people died.")).containsExactly("#11");
    assertThat(figures("Regresaron ciento noventa venezolanos.")).containsExactly("#190");
    assertThat(figures("Treinta y cinco detenidos.")).containsExactly("#35");
    assertThat(figures("Twenty-one soldiers.")).containsExactly("#21");
    assertThat(figures("some two hundred and ten cases")).containsExactly("#210");
    assertThat(figures("tres mil ochocientos votos")).containsExactly("#3|800");
    assertThat(figures("doscientas veinticinco personas")).containsExactly("#225");
  }

  @Test
  void shouldLeaveTheScaleOutAsTheDigitsScanDoes() {
    // "$50 million" and "50 millones" give #50 in digits: the words give the same.
    assertThat(figures("a reward of fifty million dollars")).containsExactly("#50");
    assertThat(figures("una recompensa de cincuenta millones de dólares")).containsExactly("#50");
    // "4.5 million" and "4,5 millones" give #4|5.
    assertThat(figures("four and a half million members")).containsExactly("#4|5");
    assertThat(figures("cuatro millones y medio de milicianos")).containsExactly("#4|5");
  }

  @Test
  void shouldSkipSingleFiguresAndWordsOfTheOtherLanguage() {
    // Single figures are everyday words ("one of", "no one"), as single digits are in a body.
    assertThat(figures("One of the two men")).isEmpty();
    // Spanish "once" (eleven) is an English word.
    assertThat(figures("Once again the council met.")).isEmpty();
    // Two figures joined by "and" or "y" are two figures, not their sum.
    assertThat(figures("between twenty and thirty")).containsExactly("#20", "#30");
    assertThat(figures("entre veinte y treinta")).containsExactly("#20", "#30");
    assertThat(figures("The weather was mild.")).isEmpty();
    assertThat(figures(null)).isEmpty();
  }

  @Test
  void shouldGiveTheSameStoryFeatureForAFigureInWordsAndInDigits() {
    long[] words = Fingerprint.features(null, "Eleven people were killed.", List.of());
    long[] digits = Fingerprint.features(null, "Murieron 11 personas.", List.of());
    assertThat(words).containsAnyOf(digits);
    long[] thousands = Fingerprint.features(null, "tres mil ochocientos presos", List.of());
    long[] separated = Fingerprint.features(null, "some 3,800 prisoners", List.of());
    assertThat(thousands).containsAnyOf(separated);
  }
}
