package io.vigia.enrich.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NumberScannerTest {
  /**
   * The scanner does not try its expression at a qualifier of {@link MentionStarts#NEEDS_NEXT}
   * without the word that must follow it; that is right only while the expression cannot start
   * there without it.
   */
  @Test
  void shouldNeverMatchAtAQualifierWithoutTheWordThatMustFollowIt() {
    List<String> others = List.of("", "el ", "de ", "the ", "mas ", "than ", "to ", "menos ");
    for (Map.Entry<String, List<String>> e : MentionStarts.NEEDS_NEXT.entrySet()) {
      for (String other : others) {
        if (e.getValue().contains(other.strip())) {
          continue;
        }
        String text = e.getKey() + " " + other + "25 votos";
        assertThat(NumberScanner.MENTION.matcher(text).lookingAt()).as(text).isFalse();
      }
    }
  }

  @Test
  void shouldReadEveryQualifierThatNeedsTheWordAfterIt() {
    List<String> written =
        List.of(
            "al menos 25 votos",
            "at least 25 votes",
            "no mas de 25 votos",
            "mas de 25 votos",
            "poco mas de 25 votos",
            "more than 25 votes",
            "up to 25 votes",
            "just over 25 votes",
            "just under 25 votes",
            "menos de 25 votos",
            "less than 25 votes",
            "fewer than 25 votes",
            "cerca de 25 votos",
            "alrededor de 25 votos");
    for (String text : written) {
      String folded = "con " + text;
      List<NumberMention> found = NumberScanner.scan(folded);
      assertThat(found).as(text).hasSize(1);
      assertThat(found.get(0).start()).as(text).isEqualTo(4);
      assertThat(found.get(0).value()).as(text).isEqualTo(25.0);
      assertThat(found.get(0).approximate()).as(text).isTrue();
    }
    // every qualifier that needs a word after it is one of these
    assertThat(MentionStarts.NEEDS_NEXT.keySet())
        .allMatch(q -> written.stream().anyMatch(t -> t.startsWith(q + " ")));
  }

  /**
   * {@link MentionStarts} rules words out before the expression is tried: it must never rule out a
   * word where the expression matches. Texts are glued from every word written in the expression
   * itself (so a qualifier added to it and not to the table fails here), numbers and spaces.
   */
  @Test
  void shouldTryTheExpressionWhereverItCouldMatch() {
    List<String> pieces = new ArrayList<>(List.of("25", "1.200", "41,8", " ", " ", "  ", "\n"));
    Matcher words = Pattern.compile("[a-z]{2,}").matcher(NumberScanner.MENTION.pattern());
    while (words.find()) {
      pieces.add(words.group());
      pieces.add(words.group() + " ");
    }
    Random random = new Random(5);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int k = 1 + random.nextInt(8); k > 0; k--) {
        b.append(pieces.get(random.nextInt(pieces.size())));
      }
      String text = b.toString();
      char[] chars = text.toCharArray();
      Matcher m =
          NumberScanner.MENTION.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      for (int i = 0; i < chars.length; i++) {
        if (!FoldedText.isWordChar(chars[i])
            || (i > 0 && FoldedText.isWordChar(chars[i - 1]))
            || Character.isDigit(chars[i])) {
          continue;
        }
        int end = i;
        while (end < chars.length && FoldedText.isWordChar(chars[end])) {
          end++;
        }
        if (m.region(i, chars.length).lookingAt()) {
          assertThat(MentionStarts.at(text, chars, i, end)).as("'%s' at %d", text, i).isTrue();
        }
      }
    }
  }
}
