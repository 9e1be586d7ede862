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

  private final Set<String> demonyms;

  /** {@code demonyms}: folded words for peoples ("venezuelan"), from the knowledge base. */
  UnlinkedNames(Set<String> demonyms) {
    this.demonyms = Set.copyOf(demonyms);
  }

  List<Entity> find(Tokens t, boolean[] covered, int max) {
    Map<String, Entity> out = new LinkedHashMap<>();
    int i = 0;
    int portfolioEnd = -2;
    while (i < t.size() && out.size() < max) {
      if (covered[i]
          || !t.capitalised(i)
          || NOT_NAMES.contains(t.folded(i))
          || isAllDigits(t.folded(i))) {
        i++;
        continue;
      }
      int end = runEnd(t, covered, i);
      boolean portfolio =
          afterMinisterWord(t, i) || (i == portfolioEnd + 1 && listedAfter(t, portfolioEnd, i));
      if (portfolio) {
        portfolioEnd = end;
      } else {
        for (int[] part : parts(t, i, end)) {
          report(t, part[0], part[1], out);
        }
      }
      i = end + 1;
    }
    return new ArrayList<>(out.values());
  }

  private void report(Tokens t, int from, int to, Map<String, Entity> out) {
    String name = t.text().substring(t.start(from), t.end(to));
    String key = "unlinked:" + Tokens.fold(name).replaceAll("[^a-z0-9]+", "-");
    Entity prev = out.get(key);
    if (prev == null) {
      out.put(key, new Entity(key, name, typeOf(t, from, to), 1, t.start(from), false));
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
  private List<int[]> parts(Tokens t, int from, int to) {
    int start = from;
    if (t.sentenceStart(from)) {
      String first = t.folded(from);
      boolean head = isHead(first);
      if (SENTENCE_STARTERS.contains(first)
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
        && "PERSON".equals(typeOf(t, k, to))) {
      from = k;
    }
    return countCapitalised(t, from, to) >= 2 ? new int[] {from, to} : null;
  }

  private boolean isModifier(String folded) {
    return TITLES.contains(folded)
        || ADJECTIVES.contains(folded)
        || demonyms.contains(folded)
        || NOT_NAMES.contains(folded);
  }

  private static boolean isOther(Tokens t, int from, int to) {
    return OTHER_HEADS.contains(t.folded(from)) || OTHER_HEADS.contains(t.folded(to));
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

  /** Token {@code i} follows token {@code prev} after a comma or a "y": "Interior, Justicia". */
  private static boolean listedAfter(Tokens t, int prev, int i) {
    String between = t.text().substring(t.end(prev), t.start(i)).strip();
    return between.equals(",");
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
