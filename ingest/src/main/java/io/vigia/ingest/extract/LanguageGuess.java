package io.vigia.ingest.extract;

import java.util.Locale;
import java.util.Set;

/**
 * Spanish or English from the words themselves, for pages that do not declare a language (or
 * declare the site's, not the article's): function words are frequent, short and different in
 * the two languages, so counting them decides within a few sentences. Anything else is left
 * unknown rather than guessed.
 */
final class LanguageGuess {
  private static final Set<String> ES = Set.of("de", "la", "que", "el", "en", "los", "del", "se", "las", "por", "un", "para", "con",
      "una", "su", "al", "es", "lo", "como", "más", "pero", "sus", "le", "ya", "fue", "este", "ha", "sí", "porque", "esta", "entre",
      "cuando", "muy", "sin", "sobre", "también", "hasta", "hay", "donde", "desde", "todo", "nos", "durante", "y", "o");
  private static final Set<String> EN = Set.of("the", "of", "and", "to", "in", "is", "that", "for", "it", "as", "was", "with", "be",
      "by", "on", "not", "he", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had", "they", "you", "were",
      "their", "has", "been", "would", "will", "said", "after", "who", "its", "than");

  private LanguageGuess() {}

  /** "es", "en", or null when the text is too short or neither language dominates. */
  static String of(String text) {
    if (text == null || text.length() < 40) {
      return null;
    }
    int es = 0;
    int en = 0;
    int words = 0;
    for (String w : text.substring(0, Math.min(text.length(), 5000)).toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (w.isEmpty()) {
        continue;
      }
      words++;
      if (ES.contains(w)) {
        es++;
      }
      if (EN.contains(w)) {
        en++;
      }
    }
    if (words < 8 || es + en < 3) {
      return null;
    }
    if (es >= 2 * en) {
      return "es";
    }
    if (en >= 2 * es) {
      return "en";
    }
    return null;
  }
}
