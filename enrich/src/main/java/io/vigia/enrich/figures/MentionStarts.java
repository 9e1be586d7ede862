package io.vigia.enrich.figures;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where {@link NumberScanner} tries its expression: at the start of a word that can begin a number
 * mention (a digit, a qualifier, "entre", a number word), and at a qualifier that needs the word
 * after it ("al menos", "más de", "at least") only when that word follows. Every other word of a
 * text is passed over by a table lookup, without a regular expression.
 */
final class MentionStarts {
  private MentionStarts() {}

  /**
   * Whether a mention written in words may start at the word [from, to) of the folded text ({@code
   * chars} its characters); a digit is the caller's to check.
   */
  static boolean at(String folded, char[] chars, int from, int to) {
    if (to - from > 15) {
      return false;
    }
    String word = mayStart(chars, from, to) ? folded.substring(from, to) : null;
    return word != null && startsOrIsWord(word) && followedAsNeeded(word, chars, to)
        || startsWith(chars, "mil", from)
        || startsWith(chars, "hundred", from)
        || startsWith(chars, "thousand", from);
  }

  /** First words a mention can start with besides digits: qualifiers, "entre", numbers. */
  private static final Set<String> STARTS =
      Set.of(
          "casi",
          "cerca",
          "alrededor",
          "aproximadamente",
          "unos",
          "unas",
          "some",
          "about",
          "around",
          "roughly",
          "approximately",
          "nearly",
          "almost",
          "just",
          "more",
          "over",
          "poco",
          "mas",
          "al",
          "at",
          "no",
          "hasta",
          "up",
          "menos",
          "less",
          "fewer",
          "supero",
          "superaron",
          "supera",
          "apenas",
          "barely",
          "only",
          "solo",
          "entre",
          "between");

  /**
   * The first two letters and the length of every word of {@link #STARTS} and {@link
   * NumberScanner#WORDS}: most words of a text are ruled out by this table alone, without copying
   * them out of the text.
   */
  private static final boolean[] SHAPES = new boolean[26 * 26 * 16];

  static {
    for (String w : STARTS) {
      SHAPES[shape(w, 0, w.length())] = true;
    }
    for (String w : NumberScanner.WORDS.keySet()) {
      SHAPES[shape(w, 0, w.length())] = true;
    }
  }

  /** The slot of a word of two to fifteen letters a-z in {@link #SHAPES}, or -1. */
  private static int shape(String s, int from, int to) {
    return to - from < 2 ? -1 : shape(s.charAt(from), s.charAt(from + 1), to - from);
  }

  private static int shape(char first, char second, int len) {
    if (len < 2 || len > 15) {
      return -1;
    }
    int a = first - 'a';
    int b = second - 'a';
    if (a < 0 || a >= 26 || b < 0 || b >= 26) {
      return -1;
    }
    return (a * 26 + b) * 16 + len;
  }

  /** Whether the word [from, to) may be one of {@link #STARTS} or {@link NumberScanner#WORDS}. */
  private static boolean mayStart(char[] folded, int from, int to) {
    int k = to - from < 2 ? -1 : shape(folded[from], folded[from + 1], to - from);
    return k >= 0 && SHAPES[k];
  }

  /**
   * The qualifiers that begin a mention only with the word after them ("al menos", "más de", "at
   * least"), and that word: the expression can match at no other "al", "no" or "at" of a text, so
   * it is not tried there.
   */
  static final Map<String, List<String>> NEEDS_NEXT =
      Map.ofEntries(
          Map.entry("cerca", List.of("de")),
          Map.entry("alrededor", List.of("de")),
          Map.entry("just", List.of("over", "under")),
          Map.entry("more", List.of("than")),
          Map.entry("poco", List.of("mas")),
          Map.entry("mas", List.of("de")),
          Map.entry("al", List.of("menos")),
          Map.entry("at", List.of("least")),
          Map.entry("no", List.of("mas")),
          Map.entry("up", List.of("to")),
          Map.entry("menos", List.of("de")),
          Map.entry("less", List.of("than")),
          Map.entry("fewer", List.of("than")));

  /**
   * Whether a word that may start a mention is followed as it must be: for one of {@link
   * #NEEDS_NEXT}, white space ({@code \s} of the expression) then its next word; any other, always.
   */
  private static boolean followedAsNeeded(String word, char[] text, int wordEnd) {
    List<String> next = NEEDS_NEXT.get(word);
    if (next == null) {
      return true;
    }
    int j = wordEnd;
    while (j < text.length && isRegexSpace(text[j])) {
      j++;
    }
    if (j == wordEnd) {
      return false;
    }
    for (String w : next) {
      if (startsWith(text, w, j)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsOrIsWord(String word) {
    return STARTS.contains(word) || NumberScanner.WORDS.containsKey(word);
  }

  /** {@link String#startsWith(String, int)} on the text's characters. */
  private static boolean startsWith(char[] text, String prefix, int at) {
    if (at + prefix.length() > text.length) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (text[at + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** {@code \s} of a regular expression: ASCII white space. */
  static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }
}
