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
  private final boolean[] capital;

  /**
   * The folds of all words, one after the other: word {@code i}'s is {@code foldedChars[
   * foldedFrom[i] .. foldedFrom[i + 1])}, with {@code hash[i]} its {@link String#hashCode}. The
   * String itself is made only when asked for ({@link #folded}): the phrase matcher compares
   * characters and hashes and needs none.
   */
  private final char[] foldedChars;

  private final int[] foldedFrom;
  private final int[] hash;
  private final String[] folded;
  private final int size;

  private Tokens(
      String text,
      int[] start,
      int[] end,
      boolean[] capital,
      char[] foldedChars,
      int[] foldedFrom,
      int[] hash,
      String[] folded,
      int size) {
    this.text = text;
    this.start = start;
    this.end = end;
    this.capital = capital;
    this.foldedChars = foldedChars;
    this.foldedFrom = foldedFrom;
    this.hash = hash;
    this.folded = folded;
    this.size = size;
  }

  public static Tokens of(String text) {
    String t = text == null ? "" : text;
    char[] src = t.toCharArray(); // read as an array: no bounds check per character
    int len = src.length;
    int cap = Math.max(16, len / 5);
    int[] s = new int[cap];
    int[] e = new int[cap];
    boolean[] up = new boolean[cap];
    int[] h = new int[cap];
    int[] from = new int[cap + 1];
    String[] f = new String[cap];
    // Room for the rest of the text folded a character each, kept whenever a fold is longer.
    char[] chars = new char[len];
    int pos = 0; // end of the folds written so far
    int n = 0;
    int i = 0;
    while (i < len) {
      char first = src[i];
      boolean upper;
      if (first < WORD_FOLD.length) { // below U+0180 no character is a surrogate or a mark
        if (WORD_FOLD[first] == NOT_IN_WORD) {
          i++;
          continue;
        }
        upper = UPPER_CASE[first];
      } else {
        int cp = Character.codePointAt(src, i);
        if (!Character.isLetterOrDigit(cp)) {
          i += Character.charCount(cp);
          continue;
        }
        upper = Character.isUpperCase(cp);
      }
      int wordFrom = i;
      int foldFrom = pos;
      int hash = 0;
      boolean quick = true; // every character so far folds on its own (see WORD_FOLD)
      while (i < len) {
        char c = src[i];
        if (c < WORD_FOLD.length) {
          char fc = WORD_FOLD[c];
          if (fc == NOT_IN_WORD) {
            break;
          }
          if (fc == NOT_ALONE) {
            quick = false;
          } else if (quick) {
            chars[pos++] = fc;
            hash = 31 * hash + fc;
          }
          i++;
        } else {
          int cp = Character.codePointAt(src, i);
          if (!Character.isLetterOrDigit(cp)
              && !(Character.getType(cp) == Character.NON_SPACING_MARK)) {
            break;
          }
          quick = false;
          i += Character.charCount(cp);
        }
      }
      String slow = null;
      if (!quick) { // the word's fold needs the decomposition: written over what was begun
        slow = slowFold(t.substring(wordFrom, i));
        pos = foldFrom;
        if (pos + slow.length() + (len - i) > chars.length) {
          chars = Arrays.copyOf(chars, Math.max(chars.length * 2, pos + slow.length() + len - i));
        }
        slow.getChars(0, slow.length(), chars, pos);
        pos += slow.length();
        hash = slow.hashCode();
      }
      if (n == s.length) {
        s = Arrays.copyOf(s, n * 2);
        e = Arrays.copyOf(e, n * 2);
        up = Arrays.copyOf(up, n * 2);
        h = Arrays.copyOf(h, n * 2);
        from = Arrays.copyOf(from, n * 2 + 1);
        f = Arrays.copyOf(f, n * 2);
      }
      s[n] = wordFrom;
      e[n] = i;
      up[n] = upper;
      h[n] = hash;
      f[n] = slow;
      n++;
      from[n] = pos;
    }
    return new Tokens(t, s, e, up, chars, from, h, f, n);
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

  /**
   * For cutting words, the same characters: {@link #NOT_IN_WORD} for what is no letter or digit,
   * {@link #NOT_ALONE} for a letter or digit that does not fold on its own, else its fold (one
   * lookup per character tells both whether it belongs to a word and what it folds to).
   */
  private static final char[] WORD_FOLD = new char[FOLDED.length];

  private static final char NOT_IN_WORD = 0;
  private static final char NOT_ALONE = 1; // no letter or digit folds to U+0001

  /** {@link Character#isUpperCase} for the same characters. */
  private static final boolean[] UPPER_CASE = new boolean[FOLDED.length];

  static {
    for (char c = 1; c < FOLDED.length; c++) {
      UPPER_CASE[c] = Character.isUpperCase(c);
      String f = slowFold(String.valueOf(c));
      if (f.length() == 1) {
        FOLDED[c] = f.charAt(0);
      }
      if (Character.isLetterOrDigit(c)) {
        WORD_FOLD[c] = FOLDED[c] > NOT_ALONE ? FOLDED[c] : NOT_ALONE;
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
    String f = folded[i];
    if (f == null) {
      f = new String(foldedChars, foldedFrom[i], foldedFrom[i + 1] - foldedFrom[i]);
      folded[i] = f;
    }
    return f;
  }

  /** {@code folded(i).hashCode()}, computed while the word was cut. */
  public int foldedHash(int i) {
    return hash[i];
  }

  /** True when word {@code i} folds to exactly {@code word}'s characters. */
  public boolean foldsTo(int i, char[] word) {
    int from = foldedFrom[i];
    if (foldedFrom[i + 1] - from != word.length) {
      return false;
    }
    for (int k = 0; k < word.length; k++) { // words are short: a plain loop beats Arrays.equals
      if (foldedChars[from + k] != word[k]) {
        return false;
      }
    }
    return true;
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
    return capital[i];
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
