package io.vigia.enrich.stance;

import java.util.Arrays;
import java.util.List;

/**
 * Sentences of a text, for telling a sentence that names its speaker from one in the outlet's
 * voice. A sentence ends at a line break or at '.', '!' or '?' followed by a space, but not inside
 * a quotation: “The vote was clean. It was fair,” the minister said is one sentence, so the speaker
 * after the quote is found.
 */
final class Sentences {
  private final int[] starts;
  private final int size;

  private Sentences(int[] starts, int size) {
    this.starts = starts;
    this.size = size;
  }

  static Sentences of(String text, List<QuotationSpans.Span> quotes) {
    int[] starts = new int[16];
    int n = 1; // starts[0] = 0
    boolean[] quoted = new boolean[text.length()];
    for (QuotationSpans.Span q : quotes) {
      Arrays.fill(quoted, q.start(), q.end(), true);
    }
    for (int i = 0; i < text.length(); i++) {
      if (quoted[i]) {
        continue;
      }
      char c = text.charAt(i);
      boolean end =
          c == '\n'
              || (c == '.' || c == '!' || c == '?')
                  && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)));
      if (end && i + 1 < text.length()) {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    return new Sentences(starts, n);
  }

  int size() {
    return size;
  }

  /** The sentence holding the character at {@code offset}. */
  int indexOf(int offset) {
    int i = Arrays.binarySearch(starts, 0, size, offset);
    return i >= 0 ? i : -i - 2;
  }
}
