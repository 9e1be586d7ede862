package io.vigia.enrich.figures;

import io.vigia.enrich.figures.Actors.Mention;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * An article's text as the figures stage reads it: the original, its folded copy (same offsets),
 * its sentences and paragraphs, where the profile's cues are, and the actors it names. A sentence
 * ends at '.', '!' or '?' followed by a space, or at a line break; a paragraph at a blank line.
 *
 * <p>A figure's subject and source are sought within its paragraph only, so the actors are found
 * paragraph by paragraph, the first time a figure asks: the paragraphs without figures (most of an
 * article) are never read for names.
 */
final class ArticleText {
  final String text;
  final String folded;
  final CueIndex.Hits cues;
  private final BiFunction<Integer, Integer, List<Mention>> actorsIn;
  private final Map<Integer, List<Mention>> actorsByParagraph = new HashMap<>();
  private final int[] starts;
  private final int[] paragraph;
  private final int size;

  /**
   * @param chars the folded text's characters (its sentence ends are the text's: folding changes
   *     letters only)
   * @param actorsIn the actors named within [from, to) of the text, in order
   */
  ArticleText(
      String text,
      String folded,
      char[] chars,
      CueIndex.Hits cues,
      BiFunction<Integer, Integer, List<Mention>> actorsIn) {
    this.text = text;
    this.folded = folded;
    this.cues = cues;
    this.actorsIn = actorsIn;
    int[] s = new int[32];
    int[] p = new int[32];
    int n = 1;
    int par = 0;
    int len = chars.length;
    for (int i = 0; i < len; i++) {
      char c = chars[i];
      boolean newline = c == '\n';
      boolean end =
          newline
              || (c == '.' || c == '!' || c == '?')
                  && i + 1 < len
                  && Character.isWhitespace(chars[i + 1])
                  && !abbreviation(text, i);
      if (newline && i + 1 < len && chars[i + 1] == '\n') {
        par++;
      }
      if (end && i + 1 < len) {
        if (n == s.length) {
          s = Arrays.copyOf(s, n * 2);
          p = Arrays.copyOf(p, n * 2);
        }
        s[n] = i + 1;
        p[n] = par;
        n++;
      }
    }
    this.starts = s;
    this.paragraph = p;
    this.size = n;
  }

  /** "nov. 22", "Jan. 9", "Dr. X": a short word before the dot is no sentence end. */
  private static boolean abbreviation(String text, int dot) {
    int k = dot - 1;
    while (k >= 0 && Character.isLetter(text.charAt(k))) {
      k--;
    }
    int len = dot - 1 - k;
    return len > 0
            && len <= 3
            && Character.isLetter(text.charAt(dot - 1))
            && (k < 0 || text.charAt(k) == ' ' || text.charAt(k) == ',')
            && dot + 2 < text.length()
            && !Character.isUpperCase(text.charAt(dot + 2))
        || len == 2 && text.regionMatches(true, dot - 2, "Dr", 0, 2)
        || len == 2 && text.regionMatches(true, dot - 2, "Mr", 0, 2);
  }

  int sentences() {
    return size;
  }

  int sentenceOf(int offset) {
    int i = Arrays.binarySearch(starts, 0, size, offset);
    return i >= 0 ? i : -i - 2;
  }

  int sentenceStart(int s) {
    return starts[s];
  }

  int sentenceEnd(int s) {
    return s + 1 < size ? starts[s + 1] : text.length();
  }

  /** Where the paragraph holding {@code offset} starts. */
  int paragraphStart(int offset) {
    int s = sentenceOf(offset);
    while (s > 0 && paragraph[s - 1] == paragraph[s]) {
      s--;
    }
    return starts[s];
  }

  boolean sameParagraph(int s1, int s2) {
    return paragraph[s1] == paragraph[s2];
  }

  /**
   * The last actor named within [from, to) of one paragraph that {@code eligible} accepts: the last
   * person among them when {@code preferPerson} and there is one.
   */
  Mention lastNamed(int from, int to, boolean preferPerson, Predicate<Mention> eligible) {
    Mention any = null;
    Mention person = null;
    for (Mention m : actorsAround(Math.max(from, to - 1))) {
      if (m.start() >= from && m.end() <= to && eligible.test(m)) {
        any = m;
        person = m.actor().person() ? m : person;
      }
    }
    return preferPerson && person != null ? person : any;
  }

  /** The actors named in the paragraph holding {@code offset}, in text order. */
  List<Mention> actorsAround(int offset) {
    int s = sentenceOf(offset);
    return actorsByParagraph.computeIfAbsent(
        paragraph[s],
        p -> {
          int first = s;
          while (first > 0 && paragraph[first - 1] == p) {
            first--;
          }
          int next = s + 1;
          while (next < size && paragraph[next] == p) {
            next++;
          }
          return actorsIn.apply(starts[first], next < size ? starts[next] : text.length());
        });
  }
}
