package io.vigia.enrich.figures;

import io.vigia.enrich.figures.ProfileFigureExtractor.Clause;
import java.util.List;
import java.util.Set;

/**
 * A noun that stands before its number, linked to it by a verb of counting or a count word: "los
 * fallecidos suman 36", "la cifra de detenidos asciende a 2.000", "put the death toll at 26". The
 * usual order (the noun after its number) is {@link ProfileFigureExtractor}'s; this is the other.
 */
final class NounBefore {
  private NounBefore() {}

  /** How far before a number its noun may stand when a verb of counting links them. */
  private static final int NOUN_BEFORE = 60;

  /** A verb that links a noun before it to the count right after it: "suman", "numbered". */
  private static final Set<String> LINK_VERBS =
      Set.of(
          "suman",
          "sumaron",
          "suma",
          "sumaban",
          "totalizan",
          "totalizaron",
          "rondan",
          "rondaban",
          "son",
          "eran",
          "fueron",
          "reached",
          "totaled",
          "totalled",
          "totals",
          "numbered");

  /** A verb that does so through "a"/"to": "asciende a", "se eleva a", "rose to". */
  private static final Set<String> LINK_VERBS_TO =
      Set.of(
          "ascienden",
          "asciende",
          "ascendio",
          "ascendieron",
          "ascendia",
          "llegan",
          "llega",
          "llego",
          "llegaron",
          "alcanzan",
          "alcanza",
          "alcanzo",
          "alcanzaron",
          "aumento",
          "aumentaron",
          "subio",
          "subieron",
          "eleva",
          "elevo",
          "elevan",
          "elevaron",
          "rose",
          "risen",
          "climbed",
          "increased",
          "grew");

  /** An auxiliary of the passive before a participle: "fueron (detenidas)", "han sido". */
  private static final Set<String> PASSIVE =
      Set.of("fueron", "sido", "resultaron", "quedaron", "were", "been");

  /** A word that announces a count of what follows it: "la cifra de", "the number of". */
  private static final Set<String> COUNT_WORDS =
      Set.of(
          "cifra",
          "numero",
          "total",
          "balance",
          "saldo",
          "conteo",
          "recuento",
          "number",
          "count",
          "toll",
          "tally");

  /**
   * What stands right before a number that may link it to a noun before it: a verb of counting
   * starting at {@code linkAt} ({@code counted} false), or a preposition ("a", "to", "at", "en")
   * that needs the noun right before it and a count word before that ({@code counted} true).
   */
  record Link(int from, int linkAt, boolean counted) {
    static final Link NONE = new Link(0, -1, false);
  }

  /** The link before a number, read from its last two words (once per number). */
  static Link linkBefore(String folded, NumberMention n, Clause c) {
    int from = Math.max(c.segmentFrom(), n.start() - NOUN_BEFORE);
    int w1 = wordBefore(folded, n.start(), from);
    if (w1 < 0) {
      return Link.NONE;
    }
    String a = folded.substring(w1, wordEnd(folded, w1));
    if (LINK_VERBS.contains(a)) {
      return new Link(from, w1, false);
    }
    int w2 = wordBefore(folded, w1, from);
    String b = w2 < 0 ? "" : folded.substring(w2, wordEnd(folded, w2));
    // "fueron detenidas unas 1.800", "han sido arrestados 300": a passive participle right before
    // the number is its noun.
    if (PASSIVE.contains(b)) {
      return new Link(w1, wordEnd(folded, w1), false);
    }
    boolean to = a.equals("a") || a.equals("to") || a.equals("hasta");
    if ((a.equals("de") && (b.equals("es") || b.equals("era") || b.equals("fue")))
        || (a.equals("at") && (b.equals("stands") || b.equals("stood")))
        || (to && LINK_VERBS_TO.contains(b))) {
      return new Link(from, w2, false);
    }
    if (w2 >= 0 && (to || a.equals("at") || a.equals("en"))) {
      return new Link(from, w1, true);
    }
    return Link.NONE;
  }

  /**
   * Whether one of the nouns stands before the number, linked to it by a verb of counting ("los
   * fallecidos en las protestas suman 36", "detainees numbered 2,000") or announced as a count
   * ("eleva la cifra de arrestados a más de 2.000", "put the number of detainees at 1,800"), with
   * no punctuation or other number between.
   */
  static boolean nounBefore(String folded, List<String> nouns, Link link) {
    if (link.linkAt() < 0) {
      return false;
    }
    if (!link.counted()) {
      for (int at = link.linkAt() - 1; at >= link.from(); at--) {
        char ch = folded.charAt(at);
        if (ch == ',' || ch == ';' || ch == ':' || ch == '.' || ch == '(' || ch == ')') {
          return false;
        }
        if (at > 0 && Character.isLetterOrDigit(folded.charAt(at - 1))) {
          continue;
        }
        for (String noun : nouns) {
          if (folded.startsWith(noun, at) && at + noun.length() <= link.linkAt()) {
            return true;
          }
        }
      }
      return false;
    }
    int w = wordBefore(folded, link.linkAt(), link.from());
    if (w < 0) {
      return false;
    }
    int end = wordEnd(folded, w);
    boolean noun = false;
    for (String x : nouns) {
      int at = end - x.length();
      if (at >= link.from() && folded.startsWith(x, at) && FoldedText.startsWord(folded, x, at)) {
        noun = true;
        w = at;
        break;
      }
    }
    if (!noun) {
      return false;
    }
    int last = wordBefore(folded, end, w);
    if (last >= 0 && COUNT_WORDS.contains(folded.substring(last, end))) {
      return true; // the noun is a count itself: "put the death toll at 26"
    }
    int of = wordBefore(folded, w, link.from());
    if (of >= 0 && isOneOf(folded, of, "los", "las", "the")) {
      of = wordBefore(folded, of, link.from());
    }
    if (of < 0 || !isOneOf(folded, of, "de", "of")) {
      return false;
    }
    int count = wordBefore(folded, of, link.from());
    return count >= 0 && COUNT_WORDS.contains(folded.substring(count, wordEnd(folded, count)));
  }

  private static boolean isOneOf(String folded, int at, String... words) {
    int end = wordEnd(folded, at);
    for (String w : words) {
      if (end - at == w.length() && folded.startsWith(w, at)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The start of the word right before {@code end} (only spaces between), not before from; or -1.
   */
  private static int wordBefore(String folded, int end, int from) {
    int i = end;
    // spaces, and the quotation marks of a quoted figure: "los detenidos son «menos de 300»"
    while (i > from && " «\"“'".indexOf(folded.charAt(i - 1)) >= 0) {
      i--;
    }
    int e = i;
    while (i > from && Character.isLetter(folded.charAt(i - 1))) {
      i--;
    }
    if (i == e || (i > 0 && Character.isLetterOrDigit(folded.charAt(i - 1)))) {
      return -1;
    }
    return i;
  }

  private static int wordEnd(String folded, int at) {
    int i = at;
    while (i < folded.length() && Character.isLetter(folded.charAt(i))) {
      i++;
    }
    return i;
  }
}
