package io.vigia.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.common.text.TextNormalizer;
import org.junit.jupiter.api.Test;

class FoldedWordsTest {
  @Test
  void shouldGiveTheWordsAFoldAndSplitGive() {
    String text = "El CNE contó veintiún mil votos; O'Brien dijo: ¡Sí!";
    assertThat(FoldedWords.of(text))
        .containsExactly(TextNormalizer.fold(text).split("[^a-z0-9']+"));
  }

  @Test
  void shouldFoldAndSplitATextOnceForBothScans() {
    String text = "Turnout was forty-two percent";
    String[] first = FoldedWords.of(text);
    assertThat(FoldedWords.of(text)).isSameAs(first);
    String other = new String("Turnout was forty-two percent");
    assertThat(FoldedWords.of(other)).isNotSameAs(first).containsExactly(first);
  }
}
