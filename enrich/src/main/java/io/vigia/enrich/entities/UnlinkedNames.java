package io.vigia.enrich.entities;

import static io.vigia.enrich.entities.NameLexicon.ADJECTIVES;
import static io.vigia.enrich.entities.NameLexicon.COORDINATORS;
import static io.vigia.enrich.entities.NameLexicon.JOINERS;
import static io.vigia.enrich.entities.NameLexicon.MINISTER_WORDS;
import static io.vigia.enrich.entities.NameLexicon.NOT_NAMES;
import static io.vigia.enrich.entities.NameLexicon.ORG_HEADS;
import static io.vigia.enrich.entities.NameLexicon.ORG_TAILS;
import static io.vigia.enrich.entities.NameLexicon.OTHER_HEADS;
import static io.vigia.enrich.entities.NameLexicon.PLACE_HEADS;
import static io.vigia.enrich.entities.NameLexicon.PLACE_TAILS;
import static io.vigia.enrich.entities.NameLexicon.SENTENCE_STARTERS;
import static io.vigia.enrich.entities.NameLexicon.TITLES;

import io.vigia.enrich.text.Tokens;
import io.vigia.schemas.Entity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names the knowledge base does not know: runs of capitalised words (joined by "de", "del", "la",
 * "of"...) outside any known name and any credit line, reported unlinked so analysts see new actors
 * appear. What is capitalised for another reason is left out: a sentence start's common words
 * ("Several Latin American", "Varios Gobiernos"), titles and demonyms before a name ("Foreign
 * Minister", "Mexican"), a minister's portfolio ("ministro de Relaciones Exteriores"), laws,
 * prizes, licences and operations, and fragments that start with a plural adjective ("Públicas y
 * Privadas"). Coordinated names ("Brussels and Ottawa") are split into their parts. A name is typed
 * by its head word: PLACE ("Plaza…", "…Square"), ORG ("Ministerio…", "Sistema…", "…Ministry"),
 * PERSON otherwise.
 */
final class UnlinkedNames {
  /** Plural adjective endings (Spanish): "Públicas", "Privadas", "Nacionales" start no name. */
  private static final Pattern PLURAL_ADJECTIVE =
      Pattern.compile(
          ".{3,}(icas|icos|adas|ados|idas|idos|ales|ivas|ivos|bles|arias|arios|osas|osos|antes|entes)");

  /** Lowercase nouns after which one capitalised word names a place: "municipio Zamora". */
  private static final Set<String> PLACE_NOUNS =
      Set.of("municipio", "parroquia", "sector", "barrio", "urbanizacion", "caserio", "poblado");

  /** "Gobierno", "Government", "Régimen" + one word describe a government; they name none. */
  private static final Set<String> GOVERNMENT_WORDS =
      Set.of("gobierno", "government", "regimen", "regime", "administracion", "administration");

  /** Lowercase words that may stand between a skipped run and the run it goes on into. */
  private static final Set<String> CONTINUERS =
      Set.of(
          "y", "e", "de", "del", "la", "las", "los", "a", "al", "para", "for", "of", "the", "and");

  /** Lowercase particles inside people's names: "Francisco de Miranda", "Lula da Silva". */
  private static final Set<String> PERSON_PARTICLES =
      Set.of("de", "del", "la", "las", "los", "da", "do", "dos", "van", "von", "der", "y");

  /** Words that make a whole run a prize, law, licence or operation wherever they stand. */
  private static final Set<String> OTHER_ANYWHERE =
      Set.of(
          "prize",
          "premio",
          "award",
          "law",
          "ley",
          "decree",
          "decreto",
          "license",
          "licence",
          "licencia",
          "operation",
          "operacion");

  /**
   * A Spanish sentence may open with its verb or an adverb before the subject ("Declaró Ramona
   * Quintana…", "Firmaron…", "Finalmente…"): past tenses in -ó, -aron, -ieron and adverbs in -mente
   * are no part of a name. The -ó is read on the surface word ("Declaró", not "Antonio").
   */
  private static final Pattern SPANISH_VERB_OR_ADVERB = Pattern.compile(".{2,}(aron|ieron|mente)");

  private final Set<String> demonyms;

  /** {@code demonyms}: folded words for peoples ("venezuelan"), from the knowledge base. */
  UnlinkedNames(Set<String> demonyms) {
    this.demonyms = Set.copyOf(demonyms);
  }

  /**
   * {@code covered}: tokens of known names and credit lines; {@code masked}: credit lines alone
   * (the word after a dateline starts a sentence).
   */
  List<Entity> find(Tokens t, boolean[] covered, boolean[] masked, int max) {
    Map<String, Entity> out = new LinkedHashMap<>();
    int i = 0;
    int skippedEnd = -10;
    while (i < t.size() && out.size() < max) {
      if (covered[i]
          || !t.capitalised(i)
          || NOT_NAMES.contains(t.folded(i))
          || isAllDigits(t.folded(i))) {
        i++;
        continue;
      }
      int end = runEnd(t, covered, i);
      if (end == i && afterPlaceNoun(t, i)) {
        report(t, i, i, "PLACE", out); // "municipio Zamora", "parroquia Sucre"
      } else if (afterMinisterWord(t, i)
          || continues(t, skippedEnd, i)
          || isOther(t, i, end)
          || isGovernmentDescription(t, i, end)) {
        skippedEnd = end; // a portfolio, a law or prize, "Gobierno Bolivariano": and what it lists
      } else {
        boolean sentenceStart = t.sentenceStart(i) || (i > 0 && masked[i - 1]);
        for (int[] part : parts(t, i, end, sentenceStart)) {
          report(t, part[0], part[1], typeOf(t, part[0], part[1]), out);
        }
      }
      i = end + 1;
    }
    return new ArrayList<>(out.values());
  }

  /** "municipio Zamora": a single capitalised word after a lowercase place noun is a place. */
  private static boolean afterPlaceNoun(Tokens t, int i) {
    return i > 0 && !t.capitalised(i - 1) && PLACE_NOUNS.contains(t.folded(i - 1));
  }

  /** "Gobierno Bolivariano", "Gobierno Nacional": a description of a government, no name. */
  private static boolean isGovernmentDescription(Tokens t, int from, int to) {
    return to == from + 1 && GOVERNMENT_WORDS.contains(t.folded(from));
  }

  /**
   * The run at {@code i} goes on a skipped run ending at {@code prev} across a comma, "y", "de", "a
   * la", "for": "ministro de Interior, Justicia y Paz", "Premio Sájarov a la Libertad".
   */
  private static boolean continues(Tokens t, int prev, int i) {
    if (prev < 0 || i - prev > 4) {
      return false;
    }
    for (int k = prev + 1; k < i; k++) {
      if (t.capitalised(k) || !CONTINUERS.contains(t.folded(k))) {
        return false;
      }
    }
    String gap = t.text().substring(t.end(prev), t.start(i));
    return gap.chars().noneMatch(c -> c == '.' || c == ';' || c == '\n' || c == '(');
  }

  private static void report(Tokens t, int from, int to, String type, Map<String, Entity> out) {
    String name = t.text().substring(t.start(from), t.end(to));
    String key = "unlinked:" + Tokens.fold(name).replaceAll("[^a-z0-9]+", "-");
    Entity prev = out.get(key);
    if (prev == null) {
      out.put(key, new Entity(key, name, type, 1, t.start(from), false));
    } else {
      prev.setMentions(prev.getMentions() + 1);
    }
  }

  /** The last capitalised token of the run that starts at {@code i}. */
  private static int runEnd(Tokens t, boolean[] covered, int i) {
    int j = i + 1;
    int lastCap = i;
    while (j < t.size() && !covered[j] && j - i < 10 && adjacent(t, j - 1, j)) {
      if (t.capitalised(j) && !NOT_NAMES.contains(t.folded(j))) {
        lastCap = j;
      } else if (!JOINERS.contains(t.folded(j)) || !joinerMayFollow(t, j)) {
        break;
      }
      j++;
    }
    return lastCap;
  }

  /**
   * The names inside one run: without the common words of a sentence start or a leading plural
   * adjective, split at coordinators, each without titles and demonyms before a person's name. Each
   * part is {from, to}, inclusive; parts that are no name are left out.
   */
  private List<int[]> parts(Tokens t, int from, int to, boolean sentenceStart) {
    int start = from;
    if (sentenceStart) {
      String first = t.folded(from);
      boolean head = isHead(first);
      if (SENTENCE_STARTERS.contains(first)
          || SPANISH_VERB_OR_ADVERB.matcher(first).matches()
          || endsInAccentedO(t.surface(from))
          || (!head && from + 1 <= to && isOfJoiner(t, from + 1))) {
        start = skipJoiners(t, from + 1, to);
      }
    }
    if (start <= to && PLURAL_ADJECTIVE.matcher(t.folded(start)).matches()) {
      start = skipJoiners(t, start + 1, to);
    }
    List<int[]> out = new ArrayList<>(2);
    if (start > to) {
      return out;
    }
    for (int[] p : splitCoordinated(t, start, to)) {
      int[] name = withoutTitles(t, p[0], p[1]);
      if (name != null) {
        out.add(name);
      }
    }
    return out;
  }

  /**
   * "Brussels and Ottawa", "Colombia y Brasil": two names. An institution whose name has a
   * "de"/"of" before the coordinator stays one ("Ministerio de Ciencia y Tecnología").
   */
  private static List<int[]> splitCoordinated(Tokens t, int from, int to) {
    List<int[]> out = new ArrayList<>(2);
    boolean institution =
        ORG_HEADS.contains(t.folded(from)) || PLACE_HEADS.contains(t.folded(from));
    boolean sawOf = false;
    int partStart = from;
    for (int k = from; k <= to; k++) {
      String w = t.folded(k);
      if (!t.capitalised(k) && (w.equals("de") || w.equals("del") || w.equals("of"))) {
        sawOf = true;
      }
      if (!t.capitalised(k) && COORDINATORS.contains(w) && !(institution && sawOf)) {
        out.add(new int[] {partStart, k - 1});
        partStart = k + 1;
      }
    }
    out.add(new int[] {partStart, to});
    return out;
  }

  /**
   * The part without trailing joiners and, before a person's name, without titles and demonyms
   * ("Treasury Secretary Steven Mnuchin"); null when nothing of a name is left ("Foreign Minister",
   * "Latin American", "Jefe de Estado") or it names a law, prize or operation.
   */
  private int[] withoutTitles(Tokens t, int from, int to) {
    while (to >= from && !t.capitalised(to)) {
      to--;
    }
    from = skipJoiners(t, from, to);
    if (from > to || isOther(t, from, to)) {
      return null;
    }
    boolean onlyModifiers = true;
    for (int k = from; k <= to && onlyModifiers; k++) {
      onlyModifiers = isModifier(t.folded(k)) || !t.capitalised(k);
    }
    if (onlyModifiers) {
      return null;
    }
    int k = from;
    while (k < to && isModifier(t.folded(k))) {
      k++;
    }
    k = skipJoiners(t, k, to);
    if (k > from
        && k <= to
        && countCapitalised(t, k, to) >= 2
        && "PERSON".equals(typeOf(t, k, to))
        && looksLikeAPersonsName(t, k, to)) {
      from = k;
    }
    return countCapitalised(t, from, to) >= 2 ? new int[] {from, to} : null;
  }

  /** No "of", "for", "the", "and" inside: "Endowment for Democracy" is no one's name. */
  private static boolean looksLikeAPersonsName(Tokens t, int from, int to) {
    for (int k = from; k <= to; k++) {
      if (!t.capitalised(k) && !PERSON_PARTICLES.contains(t.folded(k))) {
        return false;
      }
    }
    return true;
  }

  private boolean isModifier(String folded) {
    return TITLES.contains(folded)
        || ADJECTIVES.contains(folded)
        || demonyms.contains(folded)
        || NOT_NAMES.contains(folded);
  }

  private static boolean isOther(Tokens t, int from, int to) {
    if (OTHER_HEADS.contains(t.folded(from)) || OTHER_HEADS.contains(t.folded(to))) {
      return true;
    }
    for (int k = from + 1; k < to; k++) {
      if (t.capitalised(k) && OTHER_ANYWHERE.contains(t.folded(k))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHead(String folded) {
    return ORG_HEADS.contains(folded)
        || PLACE_HEADS.contains(folded)
        || OTHER_HEADS.contains(folded);
  }

  static String typeOf(Tokens t, int from, int to) {
    String first = t.folded(from);
    String last = t.folded(to);
    if (PLACE_HEADS.contains(first)) {
      return "PLACE";
    }
    if (ORG_HEADS.contains(first) || ORG_TAILS.contains(last)) {
      return "ORG";
    }
    if (PLACE_TAILS.contains(last)) {
      return "PLACE";
    }
    for (int k = from; k <= to; k++) {
      if (ORG_HEADS.contains(t.folded(k))) {
        return "ORG";
      }
    }
    return "PERSON";
  }

  /** A capitalised run right after "ministro de", "ministra del Poder Popular para la"... */
  private static boolean afterMinisterWord(Tokens t, int i) {
    for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
      String w = t.folded(k);
      if (t.capitalised(k) && !MINISTER_WORDS.contains(w)) {
        return false;
      }
      if (MINISTER_WORDS.contains(w)) {
        return k < i - 1 && !t.capitalised(k);
      }
      if (!JOINERS.contains(w) && !w.equals("para")) {
        return false;
      }
    }
    return false;
  }

  private static boolean endsInAccentedO(String surface) {
    char last = surface.charAt(surface.length() - 1);
    return surface.length() > 3 && (last == 'ó' || last == 'Ó');
  }

  private static boolean isOfJoiner(Tokens t, int k) {
    String w = t.folded(k);
    return !t.capitalised(k) && (w.equals("de") || w.equals("del") || w.equals("of"));
  }

  private static int skipJoiners(Tokens t, int k, int to) {
    while (k <= to && (!t.capitalised(k) || JOINERS.contains(t.folded(k)))) {
      k++;
    }
    return k;
  }

  /**
   * Joiners inside a name come alone or as "de la", "de los", "of the": "Jury and the Red" is two
   * names joined by a sentence, not one.
   */
  private static boolean joinerMayFollow(Tokens t, int j) {
    String prev = t.folded(j - 1);
    if (!JOINERS.contains(prev) || t.capitalised(j - 1)) {
      return true;
    }
    return (prev.equals("de") && t.folded(j).startsWith("l"))
        || (prev.equals("of") && t.folded(j).equals("the"));
  }

  /**
   * Only spaces between two words, or an apostrophe or hyphen inside one name ("D'Amelio",
   * "Claver-Carone"): a comma or a full stop ends a name.
   */
  private static boolean adjacent(Tokens t, int a, int b) {
    String between = t.text().substring(t.end(a), t.start(b));
    if (between.length() == 1 && "'’-".indexOf(between.charAt(0)) >= 0) {
      return t.capitalised(b);
    }
    for (int p = 0; p < between.length(); p++) {
      if (between.charAt(p) != ' ') {
        return false;
      }
    }
    return !between.isEmpty();
  }

  private static int countCapitalised(Tokens t, int from, int to) {
    int n = 0;
    for (int k = from; k <= to; k++) {
      if (t.capitalised(k) && !JOINERS.contains(t.folded(k))) {
        n++;
      }
    }
    return n;
  }

  private static boolean isAllDigits(String s) {
    return s.chars().allMatch(Character::isDigit);
  }
}
