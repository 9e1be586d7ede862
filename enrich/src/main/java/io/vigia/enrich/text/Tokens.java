package io.vigia.enrich.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A text cut into word tokens, each with its offsets in the original, its surface form and a folded
 * form (lower case, accents removed) so matching is accent- and case-insensitive while acronyms can
 * still insist on their exact case. Letters and digits make words; everything else separates them,
 * so possessives ("Maduro's") and hyphenated names split into their words.
 */
public final class Tokens {
  private final String text;
  private final int[] start;
  private final int[] end;
  private final String[] folded;
  private final int size;

  private Tokens(String text, int[] start, int[] end, String[] folded, int size) {
    this.text = text;
    this.start = start;
    this.end = end;
    this.folded = folded;
    this.size = size;
  }

  public static Tokens of(String text) {
    String t = text == null ? "" : text;
    int cap = Math.max(16, t.length() / 5);
    int[] s = new int[cap];
    int[] e = new int[cap];
    String[] f = new String[cap];
    int n = 0;
    int i = 0;
    int len = t.length();
    while (i < len) {
      int cp = t.codePointAt(i);
      if (!Character.isLetterOrDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int from = i;
      while (i < len) {
        int c = t.codePointAt(i);
        if (!Character.isLetterOrDigit(c)
            && !(Character.getType(c) == Character.NON_SPACING_MARK)) {
          break;
        }
        i += Character.charCount(c);
      }
      if (n == s.length) {
        s = Arrays.copyOf(s, n * 2);
        e = Arrays.copyOf(e, n * 2);
        f = Arrays.copyOf(f, n * 2);
      }
      s[n] = from;
      e[n] = i;
      f[n] = fold(t, from, i);
      n++;
    }
    return new Tokens(t, s, e, f, n);
  }

  /** Lower case without accents: "Nicolás" and "NICOLAS" fold alike. */
  public static String fold(String word) {
    return fold(word, 0, word.length());
  }

  /**
   * The fold of every character below U+0180 (ASCII, Latin-1, Latin Extended-A: the letters of
   * Spanish and English and their neighbours) that folds to one character on its own; 0 where it
   * does not. A word made only of these folds character by character to exactly what {@link
   * #slowFold} gives, without the decomposition: most words of an article take this path.
   */
  private static final char[] FOLDED = new char[0x180];

  static {
    for (char c = 1; c < FOLDED.length; c++) {
      String f = slowFold(String.valueOf(c));
      if (f.length() == 1) {
        FOLDED[c] = f.charAt(0);
      }
    }
  }

  private static String fold(String text, int from, int to) {
    char[] out = new char[to - from];
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      char f = c < FOLDED.length ? FOLDED[c] : 0;
      if (f == 0) {
        return slowFold(text.substring(from, to));
      }
      out[k - from] = f;
    }
    return new String(out);
  }

  private static String slowFold(String word) {
    boolean ascii = true;
    for (int i = 0; i < word.length() && ascii; i++) {
      ascii = word.charAt(i) < 128;
    }
    if (ascii) {
      return word.toLowerCase(Locale.ROOT);
    }
    String d = Normalizer.normalize(word, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  public int size() {
    return size;
  }

  public String folded(int i) {
    return folded[i];
  }

  public String surface(int i) {
    return text.substring(start[i], end[i]);
  }

  public int start(int i) {
    return start[i];
  }

  public int end(int i) {
    return end[i];
  }

  public String text() {
    return text;
  }

  /** True when the token starts with an upper-case letter. */
  public boolean capitalised(int i) {
    return Character.isUpperCase(text.codePointAt(start[i]));
  }

  /** True when the token begins a sentence (or the text): the character before it ends one. */
  public boolean sentenceStart(int i) {
    for (int p = start[i] - 1; p >= 0; p--) {
      char c = text.charAt(p);
      if (Character.isWhitespace(c)
          || c == '"'
          || c == '“'
          || c == '«'
          || c == '\''
          || c == '‘'
          || c == '('
          || c == '¿'
          || c == '¡'
          || c == '—'
          || c == '-') {
        continue;
      }
      return c == '.' || c == '!' || c == '?' || c == ':' || c == '\n';
    }
    return true;
  }
}
