package io.vigia.enrich.entities;

import io.vigia.enrich.text.Tokens;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an article body that say who wrote, photographed or supplied it rather than what
 * happened: the agency dateline that opens wire copy ("CARACAS, 28 jul (EFE).-", "MEXICO CITY, Aug
 * 13 (Reuters) -"), credit lines ("Foto: Reuters", "Con información de AP y EFE", "Reporting by…")
 * and a lone agency tag closing a paragraph ("(EFE)"). Names there are outlets, photographers and
 * the dateline's city, not actors of the story, so the linker reads none of them.
 */
final class CreditLines {
  private CreditLines() {}

  /** An all-capitals dateline: "CARACAS, Venezuela (AP) —", "SAN ANTONIO DEL TÁCHIRA.". */
  private static final Pattern CAPS_DATELINE =
      Pattern.compile(
          "^\\s*\\p{Lu}[\\p{Lu} .'’-]*\\p{Lu}(,[^.()\\n—–]{0,40})?(\\s*\\([^)\\n]{1,60}\\))?\\s*(\\.-|—|–|-|\\.|:)");

  /** A dateline in ordinary case needs its agency: "Caracas, 28 jul (EFE).-". */
  private static final Pattern AGENCY_DATELINE =
      Pattern.compile(
          "^\\s*\\p{Lu}[\\p{L} ]{1,40},[^.()\\n—–]{0,40}\\([^)\\n]{1,60}\\)\\s*(\\.-|—|–|-|\\.|:)");

  /** Openers of a credit that runs to the end of its line (lower case, looked up by indexOf). */
  static final List<String> CREDIT_CUES =
      List.of(
          "foto:",
          "fotos:",
          "fotografía:",
          "photo:",
          "photos:",
          "image:",
          "imagen:",
          "imágenes:",
          "video:",
          "vídeo:",
          "crédito:",
          "credito:",
          "credit:",
          "fuente:",
          "source:",
          "cortesía:",
          "courtesy:",
          "redacción:",
          "texto:",
          "traducción:",
          "con información de",
          "con informacion de",
          "información de",
          "with reporting by",
          "additional reporting by",
          "reporting by",
          "editing by",
          "edited by",
          "writing by",
          "compiled by",
          "©",
          "copyright");

  /** An agency tag's content: a few words, no sentence. */
  private static final Pattern TAG = Pattern.compile("[\\p{L}\\-/ ,.]{2,40}");

  /** True for each token that lies in a dateline or a credit. */
  static boolean[] mask(Tokens t) {
    boolean[] masked = new boolean[t.size()];
    String text = t.text();
    if (t.size() == 0) {
      return masked;
    }
    Matcher d = CAPS_DATELINE.matcher(text);
    if (d.lookingAt() || (d = AGENCY_DATELINE.matcher(text)).lookingAt()) {
      cover(t, 0, d.end(), masked);
    }
    coverCues(t, masked);
    for (int end = lineEnd(text, 0); end <= text.length(); end = lineEnd(text, end + 1)) {
      coverClosingTag(t, end, masked);
      if (end == text.length()) {
        break;
      }
    }
    return masked;
  }

  /** Covers each credit cue that opens a line or a sentence, to the end of its line. */
  static void coverCues(Tokens t, boolean[] masked) {
    String text = t.text();
    // A credit opens a line or a sentence, so only those places are looked at (no cue begins with
    // a space, a tab or a parenthesis). Lower-casing keeps offsets except for İ: a text with one
    // is not looked up, as the lower-cased copy once was not.
    if (text.indexOf('\u0130') >= 0) {
      return;
    }
    // Whatever opens a line or a sentence follows a space, a tab, a parenthesis or a line break (or
    // nothing): a cue's first letter there starts a word. So only the words that start with a
    // cue's first letter are looked at, and "©", which is no letter, is looked for on its own.
    for (int i = 0; i < t.size(); i++) {
      int at = t.start(i);
      if (i > 0 && at - t.end(i - 1) == 1 && text.charAt(at - 1) == ' ') {
        continue; // one space after a word, which ends no sentence: most words, and no opening
      }
      char lower = Character.toLowerCase(text.charAt(at));
      if (lower < CUE_FIRST.length && CUE_FIRST[lower] && opensLineOrSentence(text, at)) {
        coverCuesAt(t, at, lower, masked);
      }
    }
    for (int at = text.indexOf(COPYRIGHT); at >= 0; at = text.indexOf(COPYRIGHT, at + 1)) {
      if (opensLineOrSentence(text, at)) {
        coverCuesAt(t, at, COPYRIGHT, masked);
      }
    }
  }

  private static final char COPYRIGHT = '©';

  /** Covers, to the end of its line, each cue starting with {@code lower} found at {@code at}. */
  private static void coverCuesAt(Tokens t, int at, char lower, boolean[] masked) {
    String text = t.text();
    for (String cue : CREDIT_CUES) {
      if (cue.charAt(0) == lower && startsWithLowerCased(text, at, cue)) {
        cover(t, at, lineEnd(text, at), masked);
      }
    }
  }

  /** The first letters of the cues (all below U+0100): the only places worth comparing. */
  private static final boolean[] CUE_FIRST = new boolean[0x100];

  static {
    for (String cue : CREDIT_CUES) {
      CUE_FIRST[cue.charAt(0)] = true;
    }
  }

  /** "… dijo. (EFE)" at the end of the line that ends at {@code end}. */
  private static void coverClosingTag(Tokens t, int end, boolean[] masked) {
    String text = t.text();
    int close = end - 1;
    while (close >= 0 && (text.charAt(close) == ' ' || text.charAt(close) == '.')) {
      close--;
    }
    if (close < 0 || text.charAt(close) != ')') {
      return;
    }
    int open = text.lastIndexOf('(', close);
    if (open < 0 || close - open > 42 || text.lastIndexOf('\n', close) > open) {
      return;
    }
    if (TAG.matcher(text).region(open + 1, close).matches() && opensLineOrSentence(text, open)) {
      cover(t, open, end, masked);
    }
  }

  /** {@code text} lower-cased has {@code cue} (lower case) at {@code at}, without the copy. */
  private static boolean startsWithLowerCased(String text, int at, String cue) {
    if (at + cue.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < cue.length(); k++) {
      if (Character.toLowerCase(text.charAt(at + k)) != cue.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Nothing before {@code at} on its line but spaces, or a sentence ends just before it. */
  static boolean opensLineOrSentence(String text, int at) {
    int p = at - 1;
    while (p >= 0 && (text.charAt(p) == ' ' || text.charAt(p) == '\t' || text.charAt(p) == '(')) {
      p--;
    }
    return p < 0 || opensAfter(text.charAt(p), p < at - 1);
  }

  /**
   * A place opens a line or sentence when the last character before it (spaces, tabs and
   * parentheses aside) is a line break, or ends a sentence and something was skipped after it.
   */
  private static boolean opensAfter(char before, boolean skipped) {
    return before == '\n'
        || (skipped
            && (before == '.'
                || before == '!'
                || before == '?'
                || before == '»'
                || before == '”'
                || before == '"'));
  }

  private static int lineEnd(String text, int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl;
  }

  private static void cover(Tokens t, int from, int to, boolean[] masked) {
    int lo = 0;
    int hi = t.size();
    while (lo < hi) { // first token starting at or after from
      int mid = (lo + hi) >>> 1;
      if (t.start(mid) < from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = lo; i < t.size() && t.start(i) < to; i++) {
      masked[i] = true;
    }
  }
}
