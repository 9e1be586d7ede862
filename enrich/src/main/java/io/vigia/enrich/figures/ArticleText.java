package io.vigia.enrich.figures;

import io.vigia.enrich.figures.Actors.Mention;
import java.util.Arrays;
import java.util.List;

/**
 * An article's text as the figures stage reads it: the original, its folded copy (same offsets),
 * its sentences and paragraphs, and the actors it names. A sentence ends at '.', '!' or '?'
 * followed by a space, or at a line break; a paragraph at a blank line.
 */
final class ArticleText {
  final String text;
  final String folded;
  final List<Mention> actors;
  private final int[] starts;
  private final int[] paragraph;
  private final int size;

  ArticleText(String text, String folded, List<Mention> actors) {
    this.text = text;
    this.folded = folded;
    this.actors = actors;
    int[] s = new int[32];
    int[] p = new int[32];
    int n = 1;
    int par = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean newline = c == '\n';
      boolean end =
          newline
              || (c == '.' || c == '!' || c == '?')
                  && i + 1 < text.length()
                  && Character.isWhitespace(text.charAt(i + 1))
                  && !abbreviation(text, i);
      if (newline && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        par++;
      }
      if (end && i + 1 < text.length()) {
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
}
