package io.vigia.enrich.entities;

import io.vigia.enrich.text.Tokens;

/**
 * Whether one word is a common word rather than a name, by the linker's own lexicon: articles,
 * prepositions, sentence openers, titles, months and days, capitalised adjectives, and the words
 * that head or end a name without being one ("Ministerio", "Consejo", "Plaza", "Ministry"). What
 * {@code vigia learn} checks before it makes an analyst's one-word mention an alias: "Gobierno"
 * linked to one government in one article must not link every government everywhere.
 */
public final class CommonWords {
  private CommonWords() {}

  /** True when {@code word} (any case, accents or not) is a common word of the lexicon. */
  public static boolean isCommonWord(String word) {
    String w = Tokens.fold(word.strip());
    return NameLexicon.NOT_NAMES.contains(w)
        || NameLexicon.SENTENCE_STARTERS.contains(w)
        || NameLexicon.TITLES.contains(w)
        || NameLexicon.ADJECTIVES.contains(w)
        || NameLexicon.ORG_HEADS.contains(w)
        || NameLexicon.PLACE_HEADS.contains(w)
        || NameLexicon.ORG_TAILS.contains(w)
        || NameLexicon.PLACE_TAILS.contains(w)
        || NameLexicon.OTHER_HEADS.contains(w)
        || NameLexicon.JOINERS.contains(w);
  }
}
