package io.vigia.enrich.dedup;

import io.vigia.enrich.text.NumberWordValues;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Figures written in words, in English and Spanish, as the story feature the same figure written in
 * digits gives ({@code #} + digits, thousands and decimals separated by {@code |}): "eleven" and
 * "11", "ciento noventa" and "190", "four and a half million" and "4.5 million", "cincuenta
 * millones" and "50 millones". One outlet writes a figure in digits and another, or a translation,
 * in words (style books spell out small numbers and a figure that opens a sentence); without this a
 * story's shared figure is shared only when both wrote it the same way.
 *
 * <p>A scale word (million, billion, millones, millardos) is not a figure in the digits' scan
 * either ("50 millones" gives {@code #50}), so it is left out here too; thousands are part of the
 * figure ({@code tres mil} is {@code #3|000}, like "3.000"). Words that are also ordinary words in
 * the other language are left out: Spanish "once" (eleven) is English "once". Everything here is
 * general knowledge of the two languages' number words, not of any article.
 */
final class NumberWords {
  /**
   * Words that are also ordinary words in the other language or articles: Spanish "once" (eleven)
   * is English "once"; "un", "una" and "uno" are articles as often as figures, and single digits do
   * not count in a body anyway.
   */
  private static final Set<String> AMBIGUOUS = Set.of("once", "un", "una", "uno");

  /** Units, teens and tens, which add up within a group below a thousand. */
  private static final Map<String, Integer> UNITS = new HashMap<>();

  /** Spanish hundreds ({@code cien} to {@code novecientas}), which add to their group too. */
  private static final Map<String, Integer> HUNDREDS = new HashMap<>();

  static {
    NumberWordValues.VALUES.forEach(
        (word, value) -> {
          if (AMBIGUOUS.contains(word)) {
            return;
          }
          (NumberWordValues.isSpanishHundred(word) ? HUNDREDS : UNITS).put(word, value);
        });
  }

  private NumberWords() {}

  /**
   * Calls back with the figure feature ({@code #} + digits, as {@link Fingerprint#features} writes
   * a figure in digits) of each figure the text writes in words.
   */
  static void scan(String text, Consumer<String> found) {
    if (text == null || text.isEmpty()) {
      return;
    }
    String[] w = FoldedWords.of(text);
    for (int i = 0; i < w.length; ) {
      if (!startsNumber(w[i])) {
        i++;
        continue;
      }
      // A run of number words: total so far, the group below a thousand being built.
      long total = 0;
      long group = 0;
      boolean any = false;
      int j = i;
      while (j < w.length) {
        String s = w[j];
        Integer u = UNITS.get(s);
        Integer h = HUNDREDS.get(s);
        if (u != null) {
          group += u;
          any = true;
          j++;
        } else if (h != null) {
          group += h;
          any = true;
          j++;
        } else if (s.equals("hundred") && any) {
          group = (group == 0 ? 1 : group) * 100;
          j++;
        } else if ((s.equals("thousand") || s.equals("mil")) && !isScale(w, j + 1)) {
          total += (group == 0 ? 1 : group) * 1000;
          group = 0;
          any = true;
          j++;
        } else if (connects(w, j)) {
          j++; // "one hundred and ten", "treinta y cinco"
        } else {
          break;
        }
      }
      long value = total + group;
      // "four and a half (million)", "cuatro (millones) y medio"
      int k = j;
      boolean half = isHalf(w, k);
      if (!half && isScale(w, k)) {
        k++;
        half = isHalf(w, k);
      }
      // Single figures are words of every sentence ("one of", "no one"), as in the digits' scan.
      if (any && j > i && (value >= 10 || half)) {
        found.accept(feature(value, half));
      }
      i = Math.max(j, i + 1);
    }
  }

  /**
   * Whether the word at {@code at} joins two parts of one figure: English "and" after hundred or
   * thousand ("one hundred and ten"), Spanish "y" between tens and units ("treinta y cinco"), not
   * between two figures ("between twenty and thirty").
   */
  private static boolean connects(String[] w, int at) {
    if (at == 0 || at + 1 >= w.length) {
      return false;
    }
    String before = w[at - 1];
    Integer next = UNITS.get(w[at + 1]);
    if (w[at].equals("and")) {
      return (before.equals("hundred") || before.equals("thousand")) && next != null;
    }
    Integer tens = UNITS.get(before);
    return w[at].equals("y")
        && tens != null
        && tens >= 30
        && tens % 10 == 0
        && next != null
        && next > 0
        && next < 10;
  }

  private static boolean startsNumber(String s) {
    return UNITS.containsKey(s) || HUNDREDS.containsKey(s) || s.equals("mil");
  }

  private static boolean isScale(String[] w, int at) {
    if (at >= w.length) {
      return false;
    }
    String s = w[at];
    return s.equals("million")
        || s.equals("millions")
        || s.equals("billion")
        || s.equals("billions")
        || s.equals("trillion")
        || s.equals("millon")
        || s.equals("millones")
        || s.equals("millardo")
        || s.equals("millardos")
        || s.equals("billon")
        || s.equals("billones");
  }

  private static boolean isHalf(String[] w, int at) {
    return at + 2 < w.length
            && w[at].equals("and")
            && w[at + 1].equals("a")
            && w[at + 2].equals("half")
        || at + 1 < w.length
            && w[at].equals("y")
            && (w[at + 1].equals("medio") || w[at + 1].equals("media"));
  }

  /** The figure as the digits' scan writes it: thousands grouped, a half as {@code |5}. */
  static String feature(long value, boolean half) {
    String digits = Long.toString(value);
    StringBuilder b = new StringBuilder("#");
    int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    b.append(digits, 0, lead);
    if (value >= 1000) {
      for (int p = lead; p < digits.length(); p += 3) {
        b.append('|').append(digits, p, p + 3);
      }
    }
    if (half) {
      b.append("|5");
    }
    return b.toString();
  }
}
