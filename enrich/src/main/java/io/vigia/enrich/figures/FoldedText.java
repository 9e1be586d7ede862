package io.vigia.enrich.figures;

/**
 * A text in lower case without accents, character for character (same length, same offsets), so a
 * cue found in the folded text is at the same place in the original.
 */
final class FoldedText {
  private static final String FROM = "áàâäãéèêëíìîïóòôöõúùûüñçÁÀÂÄÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇ’";
  private static final String TO = "aaaaaeeeeiiiiooooouuuuncaaaaaeeeeiiiiooooouuuunc'";

  private FoldedText() {}

  /** Every character below U+3000 folded once, so folding a text is one table read a character. */
  private static final char[] TABLE = new char[0x3000];

  static {
    for (char c = 0; c < TABLE.length; c++) {
      TABLE[c] = foldChar(c);
    }
  }

  private static char foldChar(char c) {
    if (c < 128) {
      return Character.toLowerCase(c);
    }
    int k = FROM.indexOf(c);
    return k >= 0 ? TO.charAt(k) : Character.toLowerCase(c);
  }

  static String fold(String s) {
    return new String(foldChars(s));
  }

  /**
   * The folded characters of a text, as an array: the stage's passes over a whole article read it
   * rather than the folded String (no bounds check per character, whatever the String's coding).
   */
  static char[] foldChars(String s) {
    char[] out = s.toCharArray();
    for (int i = 0; i < out.length; i++) {
      char c = out[i];
      out[i] = c < TABLE.length ? TABLE[c] : foldChar(c);
    }
    return out;
  }

  /** {@link Character#isLetterOrDigit(char)}, read from a table for ASCII. */
  static boolean isWordChar(char c) {
    return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
  }

  private static final boolean[] ASCII_WORD = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_WORD[c] = Character.isLetterOrDigit(c);
    }
  }

  /** Whether {@code cue} starts a word at {@code at} in the folded text. */
  static boolean startsWord(String folded, String cue, int at) {
    return folded.startsWith(cue, at)
        && (at == 0 || !Character.isLetterOrDigit(folded.charAt(at - 1)));
  }

  /**
   * The start of the occurrence of a cue (at a word start) within [from, to) nearest to {@code
   * pos}, or -1. Scans only the range: the work per number stays within its sentence.
   */
  static int nearest(String folded, String cue, int from, int to, int pos) {
    int best = -1;
    int bestDistance = Integer.MAX_VALUE;
    int last = Math.min(to, folded.length()) - cue.length();
    char first = cue.charAt(0);
    for (int i = Math.max(0, from); i <= last; i++) {
      if (folded.charAt(i) == first
          && folded.startsWith(cue, i)
          && (i == 0 || !Character.isLetterOrDigit(folded.charAt(i - 1)))) {
        int d = i < pos ? pos - (i + cue.length()) : i - pos;
        if (d < bestDistance) {
          best = i;
          bestDistance = d;
        }
      }
    }
    return best;
  }

  /** Whether any cue starts a word within [from, to). */
  static boolean anyIn(String folded, Iterable<String> cues, int from, int to) {
    for (String c : cues) {
      if (nearest(folded, c, Math.max(0, from), Math.min(folded.length(), to), from) >= 0) {
        return true;
      }
    }
    return false;
  }
}
