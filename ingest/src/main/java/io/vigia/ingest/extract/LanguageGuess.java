package io.vigia.ingest.extract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The language of a text from its function words, for pages that do not declare one (or declare the
 * site's, not the article's). Function words are frequent, short and differ between languages, so
 * counting them decides within a few sentences of a body.
 *
 * <p>Spanish and English are what the pipeline watches; Portuguese, French, Italian, German and
 * Catalan are here so that an article in one of them (a Brazilian outlet on Venezuela, say) is
 * named for what it is instead of being taken for Spanish. A word that belongs to several of the
 * lists ("de", "la", "que") counts for none: only the words that tell the languages apart vote.
 * Anything undecided is left unknown rather than guessed.
 *
 * <p>Why not a statistical detector (Tika's Optimaize, lingua): measured here, Optimaize costs
 * about 2 s of CPU and ~110 MB of heap to load its profiles at every start of ingest and of {@code
 * vigia extract}, and 0.3 ms per 1,000 characters; lingua is an 80 MB jar. On article bodies in
 * these languages the word lists decide as well (docs/extraction.md), in microseconds.
 */
final class LanguageGuess {
  private static final Map<String, Set<String>> WORDS = new LinkedHashMap<>();

  static {
    WORDS.put(
        "es",
        Set.of(
            "de", "la", "que", "el", "en", "los", "del", "se", "las", "por", "un", "para", "con",
            "una", "su", "al", "es", "lo", "como", "más", "pero", "sus", "le", "ya", "fue", "este",
            "ha", "sí", "porque", "esta", "entre", "cuando", "muy", "sin", "sobre", "también",
            "hasta", "hay", "donde", "desde", "todo", "nos", "durante", "y", "o", "según", "tras",
            "ante", "él", "ella", "ellos", "pues", "aunque", "dijo", "años", "había", "han", "sido",
            "están", "será"));
    WORDS.put(
        "en",
        Set.of(
            "the", "of", "and", "to", "in", "is", "that", "for", "it", "as", "was", "with", "be",
            "by", "on", "not", "he", "this", "are", "or", "his", "from", "at", "which", "but",
            "have", "an", "had", "they", "you", "were", "their", "has", "been", "would", "will",
            "said", "after", "who", "its", "than"));
    WORDS.put(
        "pt",
        Set.of(
            "de", "que", "o", "a", "do", "da", "em", "um", "uma", "os", "as", "dos", "das", "não",
            "no", "na", "nos", "nas", "com", "para", "por", "mais", "ao", "à", "seu", "sua", "são",
            "foi", "pelo", "pela", "também", "isso", "esse", "essa", "como", "mas", "já", "ainda",
            "quando", "entre", "depois", "sobre", "até", "ele", "ela", "eles", "disse", "está",
            "estão", "tem", "têm", "anos", "é", "e", "ou", "há", "será", "foram", "segundo",
            "após"));
    WORDS.put(
        "fr",
        Set.of(
            "de", "la", "le", "les", "des", "et", "en", "un", "une", "du", "est", "que", "qui",
            "dans", "pour", "pas", "au", "aux", "sur", "par", "avec", "ce", "cette", "il", "elle",
            "ils", "sont", "ont", "été", "mais", "ou", "plus", "a", "son", "sa", "ses", "leur",
            "selon", "après", "aussi", "être", "avait", "entre", "lors", "dont", "où", "déjà"));
    WORDS.put(
        "it",
        Set.of(
            "di", "il", "la", "che", "e", "è", "per", "un", "una", "del", "della", "dei", "delle",
            "in", "con", "non", "si", "da", "al", "alla", "sono", "ha", "hanno", "anche", "più",
            "ma", "come", "gli", "le", "nel", "nella", "sul", "sulla", "questo", "questa", "stato",
            "stata", "dopo", "secondo", "tra", "fra", "ancora", "essere", "già"));
    WORDS.put(
        "de",
        Set.of(
            "der", "die", "das", "und", "in", "den", "von", "zu", "mit", "ist", "des", "sich",
            "nicht", "auf", "für", "im", "dem", "ein", "eine", "als", "auch", "es", "an", "werden",
            "aus", "er", "hat", "dass", "sie", "nach", "wird", "bei", "einer", "um", "am", "sind",
            "noch", "wie", "einem", "über", "einen", "so", "zum", "war", "haben", "nur", "oder",
            "aber"));
    WORDS.put(
        "ca",
        Set.of(
            "de", "la", "i", "el", "que", "en", "els", "les", "del", "per", "amb", "una", "un",
            "és", "va", "són", "al", "dels", "més", "però", "també", "com", "aquest", "aquesta",
            "seu", "seva", "han", "ha", "sobre", "entre", "fins", "perquè", "quan", "després",
            "segons", "ni", "ja", "molt", "tot", "hi", "ho", "li"));
  }

  /** Words of one list only: they are the ones that tell the languages apart. */
  static final Map<String, String> TELLING = telling();

  /** The longest telling word: a longer run of letters is not looked up. */
  private static final int LONGEST =
      TELLING.keySet().stream().mapToInt(String::length).max().orElse(0);

  private LanguageGuess() {}

  private static Map<String, String> telling() {
    Map<String, String> owner = new HashMap<>();
    Set<String> shared = new HashSet<>();
    WORDS.forEach(
        (lang, words) -> {
          for (String w : words) {
            if (owner.putIfAbsent(w, lang) != null) {
              shared.add(w);
            }
          }
        });
    shared.forEach(owner::remove);
    return Map.copyOf(owner);
  }

  /** An ISO 639-1 code, or null when the text is too short or no language clearly leads. */
  static String of(String text) {
    if (text == null || text.length() < 40) {
      return null;
    }
    Map<String, Integer> votes = new HashMap<>();
    int words = 0;
    // The words are the runs of letters (Unicode category L), as split("[^\\p{L}]+") cuts them.
    String lower = text.substring(0, Math.min(text.length(), 5000)).toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < lower.length()) {
      int start = i;
      while (i < lower.length()) {
        int cp = lower.codePointAt(i);
        if (!Character.isLetter(cp)) {
          break;
        }
        i += Character.charCount(cp);
      }
      if (i == start) {
        i += Character.charCount(lower.codePointAt(i));
        continue;
      }
      words++;
      String lang = i - start <= LONGEST ? TELLING.get(lower.substring(start, i)) : null;
      if (lang != null) {
        votes.merge(lang, 1, Integer::sum);
      }
    }
    return decide(votes, words);
  }

  /**
   * The language of the telling words' votes: the leader, when the text has at least 8 words, the
   * leader at least 3 votes and at least twice the runner-up's; else null.
   */
  static String decide(Map<String, Integer> votes, int words) {
    String best = null;
    int first = 0;
    int second = 0;
    for (Map.Entry<String, Integer> e : votes.entrySet()) {
      if (e.getValue() > first) {
        second = first;
        first = e.getValue();
        best = e.getKey();
      } else if (e.getValue() > second) {
        second = e.getValue();
      }
    }
    if (words < 8 || first < 3 || first < 2 * second) {
      return null;
    }
    return best;
  }
}
