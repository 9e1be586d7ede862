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
    char[] buf = new char[32]; // the current word's fold, while its characters all fold alone
    int n = 0;
    int i = 0;
    int len = t.length();
    while (i < len) {
      char first = t.charAt(i);
      if (first < FOLDED.length) { // below U+0180 no character is a surrogate or a combining mark
        if (!LETTER_OR_DIGIT[first]) {
          i++;
          continue;
        }
      } else {
        int cp = t.codePointAt(i);
        if (!Character.isLetterOrDigit(cp)) {
          i += Character.charCount(cp);
          continue;
        }
      }
      int from = i;
      int k = 0;
      boolean quick = true; // every character so far folds on its own (see FOLDED)
      while (i < len) {
        char c = t.charAt(i);
        if (c < FOLDED.length) {
          if (!LETTER_OR_DIGIT[c]) {
            break;
          }
          char fc = FOLDED[c];
          if (fc == 0) {
            quick = false;
          } else if (quick) {
            if (k == buf.length) {
              buf = Arrays.copyOf(buf, k * 2);
            }
            buf[k++] = fc;
          }
          i++;
        } else {
          int cp = t.codePointAt(i);
          if (!Character.isLetterOrDigit(cp)
              && !(Character.getType(cp) == Character.NON_SPACING_MARK)) {
            break;
          }
          quick = false;
          i += Character.charCount(cp);
        }
      }
      if (n == s.length) {
        s = Arrays.copyOf(s, n * 2);
        e = Arrays.copyOf(e, n * 2);
        f = Arrays.copyOf(f, n * 2);
      }
      s[n] = from;
      e[n] = i;
      f[n] = quick ? new String(buf, 0, k) : slowFold(t.substring(from, i));
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

  /** {@link Character#isLetterOrDigit} for the same characters, looked up instead of computed. */
  private static final boolean[] LETTER_OR_DIGIT = new boolean[FOLDED.length];

  static {
    for (char c = 1; c < FOLDED.length; c++) {
      LETTER_OR_DIGIT[c] = Character.isLetterOrDigit(c);
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
