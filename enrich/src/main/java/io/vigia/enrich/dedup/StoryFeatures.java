package io.vigia.enrich.dedup;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The story features of an article's text: what {@link Fingerprint} compares to tell one story from
 * another (names, figures, kinds of event, entities) and the names and figures in order for the
 * translation check. Reading the text is apart from comparing fingerprints.
 */
final class StoryFeatures {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /**
   * Characters after which a capital starts a sentence rather than a name. Spanish opens a question
   * or an exclamation with an inverted mark (¿, ¡), and its first word takes a capital.
   */
  private static final String SENTENCE_END =
      ".!?:;\"\u201c\u201d\u00ab\u00bb()-\u2013\u2014\u00bf\u00a1";

  /**
   * Names of days and months: English writes them with a capital, Spanish does not, and they name a
   * date, not an event (every article of one Tuesday says "Tuesday"), so they are no names.
   */
  private static final Set<String> CALENDAR =
      Set.of(
          ("monday tuesday wednesday thursday friday saturday sunday january february march april june"
                  + " july august september october november december jan feb mar apr jun jul aug"
                  + " sep sept oct nov dec")
              .split(" "));

  private StoryFeatures() {}

  /**
   * Story features: words written with a capital inside a sentence (names, acronyms, places),
   * figures with their separators unified ({@code 41.80} = {@code 41,80}) and figures written in
   * words as the same figure in digits ({@link NumberWords}), the kinds of event the text reports
   * ({@link EventVocabulary}) and entity ids. These survive translation, unlike the words around
   * them.
   */
  static long[] features(String title, String text, Collection<String> entityIds) {
    Set<String> out = new HashSet<>();
    for (String part : new String[] {title, text}) {
      if (part != null) {
        boolean shortPart = part.length() < 200;
        // Single digits count only in short parts (a headline), where they are rare enough to tell.
        scan(
            part,
            t -> {
              if (t.charAt(0) != '#' || t.length() > 2 || shortPart) {
                out.add(t);
              }
            });
      }
    }
    for (String part : new String[] {title, text}) {
      NumberWords.scan(part, out::add);
      EventVocabulary.scan(part, out::add);
    }
    for (String id : entityIds) {
      out.add("!" + id);
    }
    long[] hashes = new long[out.size()];
    int i = 0;
    for (String f : out) {
      hashes[i++] = Fingerprint.hash(f, 0, f.length());
    }
    Arrays.sort(hashes);
    return hashes;
  }

  /**
   * Calls back with each name ({@code @} + folded word written with a capital inside a sentence,
   * and acronyms) and figure ({@code #} + digits, separators unified) of the text, in order.
   */
  private static void scan(String s, Consumer<String> found) {
    int len = s.length();
    StringBuilder b = new StringBuilder(24);
    for (int i = 0; i < len; ) {
      char c = s.charAt(i);
      if (Character.isDigit(c)) {
        b.setLength(0);
        b.append('#');
        while (i < len) {
          char d = s.charAt(i);
          if (Character.isDigit(d)) {
            b.append(d);
            i++;
          } else if ((d == '.' || d == ',') && i + 1 < len && Character.isDigit(s.charAt(i + 1))) {
            b.append('|');
            i++;
          } else {
            break;
          }
        }
        found.accept(b.toString());
      } else if (Character.isLetter(c)) {
        int start = i;
        i++;
        while (i < len) {
          char d = s.charAt(i);
          if (Character.isLetter(d)
              || Character.getType(d) == Character.NON_SPACING_MARK
              || d == '\''
              || d == '\u2019') {
            i++;
          } else {
            break;
          }
        }
        if (Character.isUpperCase(c) && !sentenceStart(s, start)) {
          String word = s.substring(start, i);
          String name = stripPossessive(fold(word));
          if ((name.length() > 2 || isAcronym(word)) && !CALENDAR.contains(name)) {
            found.accept("@" + name);
          }
        }
      } else {
        i++;
      }
    }
  }

  private static boolean isAcronym(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLowerCase(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The names and figures of the text in order (names as in {@link #features}), at most {@link
   * Fingerprint#ANCHORS}.
   */
  static int[] anchors(String text) {
    int[] out = new int[Fingerprint.ANCHORS];
    int[] n = {0};
    if (text != null) {
      scan(
          text,
          t -> {
            if (n[0] < Fingerprint.ANCHORS) {
              out[n[0]++] = (int) Fingerprint.hash(t, 0, t.length());
            }
          });
    }
    return Arrays.copyOf(out, n[0]);
  }

  private static boolean sentenceStart(String s, int at) {
    int from = Math.max(0, at - 3);
    int j = at - 1;
    while (j >= from && Character.isWhitespace(s.charAt(j))) {
      j--;
    }
    return j < from || SENTENCE_END.indexOf(s.charAt(j)) >= 0;
  }

  private static String fold(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return MARKS
            .matcher(Normalizer.normalize(s, Normalizer.Form.NFD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT);
      }
    }
    return s.toLowerCase(Locale.ROOT);
  }

  private static String stripPossessive(String s) {
    return s.endsWith("'s") || s.endsWith("’s") ? s.substring(0, s.length() - 2) : s;
  }
}
