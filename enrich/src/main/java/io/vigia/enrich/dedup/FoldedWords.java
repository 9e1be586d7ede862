package io.vigia.enrich.dedup;

import io.vigia.common.text.TextNormalizer;
import java.util.regex.Pattern;

/**
 * A text's folded words ({@link TextNormalizer#fold}, split at anything but letters, digits and
 * apostrophes), as {@link NumberWords} and {@link Wordings} read them: each article's title and
 * text are scanned by both, one after the other, so the words of the last text a thread asked about
 * are kept (folding and splitting were a tenth of the dedup thread's CPU, each done twice). The
 * array is shared: read it, never change it.
 */
final class FoldedWords {
  /** Compiled once: {@code String.split} with this expression compiles it on every call. */
  private static final Pattern BREAK = Pattern.compile("[^a-z0-9']+");

  private record Last(String text, String[] words) {}

  private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

  private FoldedWords() {}

  static String[] of(String text) {
    Last last = LAST.get();
    if (last != null && last.text() == text) { // the same string object: the same words
      return last.words();
    }
    String[] words = BREAK.split(TextNormalizer.fold(text));
    LAST.set(new Last(text, words));
    return words;
  }
}
