package io.vigia.ingest.extract;

import java.util.List;
import java.util.Locale;

/**
 * Words looked for anywhere inside class and id strings ("comment" in "commentlist"). Plain
 * substring search: a case-insensitive regex alternation of eighty words, tried at every position
 * of every class string of a page, was the largest single cost of cleaning it.
 */
record Keywords(List<String> words) {
  static Keywords of(String... words) {
    return new Keywords(List.of(words));
  }

  /** True when one of the words occurs in {@code lowercase} (already lower-cased by the caller). */
  boolean in(String lowercase) {
    for (String w : words) {
      if (lowercase.contains(w)) {
        return true;
      }
    }
    return false;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
