package io.vigia.enrich.dedup;

import io.vigia.common.text.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A vocabulary of ids, each with its English and Spanish wordings, found in folded text: what
 * {@link EventVocabulary} (kinds of event) and {@link OfficeVocabulary} (offices) share. A wording
 * is a sequence of folded words; a word ending in {@code *} matches any word it starts (at least
 * four letters before it).
 */
final class Wordings {
  /** Wordings by the key of their first word ({@link #key}). */
  private final Map<String, List<String[]>> byFirst = new HashMap<>();

  /** The story features ({@link Fingerprint#hash}) of the ids. */
  private final Set<Long> features = new HashSet<>();

  /**
   * @param prefix the prefix of every id's story feature
   * @param lines each an id, a colon, then its wordings separated by {@code |}
   */
  Wordings(String prefix, String[] lines) {
    for (String line : lines) {
      int colon = line.indexOf(':');
      String id = prefix + line.substring(0, colon).trim();
      features.add(Fingerprint.hash(id, 0, id.length()));
      for (String wording : line.substring(colon + 1).split("\\|")) {
        String[] words = TextNormalizer.fold(wording).split("[^a-z0-9*']+");
        String first = words[0];
        if (first.endsWith("*") && first.length() < 5) {
          throw new IllegalStateException("a prefix needs four letters: " + wording);
        }
        String[] entry = new String[words.length + 1];
        entry[0] = id;
        System.arraycopy(words, 0, entry, 1, words.length);
        byFirst.computeIfAbsent(key(first.replace("*", "")), k -> new ArrayList<>()).add(entry);
      }
    }
  }

  /** Whether the story feature (a hash) is one of the ids. */
  boolean contains(long feature) {
    return features.contains(feature);
  }

  /** Calls back with the feature (prefix + id) of each id the text has a wording of, once each. */
  void scan(String text, Consumer<String> found) {
    if (text == null || text.isEmpty()) {
      return;
    }
    String[] words = FoldedWords.of(text);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < words.length; i++) {
      List<String[]> wordings = byFirst.get(key(words[i]));
      if (wordings == null) {
        continue;
      }
      for (String[] w : wordings) {
        if (!seen.contains(w[0]) && matches(words, i, w)) {
          seen.add(w[0]);
          found.accept(w[0]);
        }
      }
    }
  }

  private static boolean matches(String[] words, int at, String[] wording) {
    if (at + wording.length - 1 > words.length) {
      return false;
    }
    for (int k = 1; k < wording.length; k++) {
      String want = wording[k];
      String got = words[at + k - 1];
      boolean ok =
          want.endsWith("*")
              ? got.startsWith(want.substring(0, want.length() - 1))
              : got.equals(want);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The first four characters of a word (all of a shorter one): where its wordings are filed. */
  private static String key(String word) {
    return word.length() > 4 ? word.substring(0, 4) : word;
  }
}
