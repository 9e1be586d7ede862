package io.vigia.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WhitespaceTest {
  private static final String CHARACTERS = " \t\n\u000B\f\r\u00a0\u2003ab,.é";

  @Test
  void shouldCollapseRunsAsTheRegularExpressionDoes() {
    assertThat(Whitespace.collapse("  a \t\n b\u00a0 c ")).isEqualTo(" a b\u00a0 c ");
  }

  @Test
  void shouldCountNoBreakSpacesAsSpacesAsReplacingThemFirstDoes() {
    Random random = new Random(5);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int n = random.nextInt(30); n > 0; n--) {
        s.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
      }
      assertThat(Whitespace.collapseWithNoBreakSpaces(s))
          .isEqualTo(s.toString().replace('\u00a0', ' ').replaceAll("[ \\t\\n\\x0B\\f\\r]+", " "))
          .isEqualTo(Whitespace.collapse(s.toString().replace('\u00a0', ' ')));
    }
  }
}
