package io.vigia.enrich.entities;

import io.vigia.enrich.text.Tokens;
import io.vigia.schemas.Entity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names the knowledge base does not know: runs of capitalised words (joined by "de", "del", "la",
 * "of"...) of at least two words, outside any known name, not made only of words that are
 * capitalised for other reasons (sentence starts, months, days). Reported unlinked so analysts see
 * new actors appear; typed ORG when a word says so (Partido, Council...), PERSON otherwise.
 */
final class UnlinkedNames {
  private static final Set<String> JOINERS =
      Set.of("de", "del", "la", "las", "los", "y", "of", "the", "for", "and");
  private static final Set<String> NOT_NAMES =
      Set.of(
          "el",
          "la",
          "los",
          "las",
          "un",
          "una",
          "en",
          "por",
          "para",
          "con",
          "sin",
          "según",
          "segun",
          "este",
          "esta",
          "ese",
          "esa",
          "the",
          "a",
          "an",
          "in",
          "on",
          "at",
          "by",
          "for",
          "with",
          "this",
          "that",
          "but",
          "and",
          "or",
          "as",
          "after",
          "before",
          "lunes",
          "martes",
          "miercoles",
          "jueves",
          "viernes",
          "sabado",
          "domingo",
          "enero",
          "febrero",
          "marzo",
          "abril",
          "mayo",
          "junio",
          "julio",
          "agosto",
          "septiembre",
          "octubre",
          "noviembre",
          "diciembre",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "mr",
          "mrs",
          "ms",
          "dr",
          "sr",
          "sra",
          "presidente",
          "president");
  private static final Set<String> ORG_WORDS =
      Set.of(
          "partido",
          "party",
          "movimiento",
          "movement",
          "comision",
          "commission",
          "consejo",
          "council",
          "ministerio",
          "ministry",
          "fundacion",
          "foundation",
          "universidad",
          "university",
          "asociacion",
          "association",
          "frente",
          "front",
          "alianza",
          "alliance",
          "tribunal",
          "court",
          "corte",
          "banco",
          "bank",
          "instituto",
          "institute",
          "observatorio",
          "observatory",
          "camara",
          "chamber",
          "comite",
          "committee",
          "mision",
          "mission",
          "union",
          "agencia",
          "agency",
          "departamento",
          "department",
          "oficina",
          "office",
          "grupo",
          "group",
          "red",
          "network",
          "jurado",
          "jury",
          "junta",
          "board",
          "coalicion",
          "coalition",
          "plataforma",
          "platform",
          "servicio",
          "service",
          "autoridad",
          "authority",
          "sindicato",
          "federacion",
          "federation",
          "confederacion",
          "confederation",
          "organizacion",
          "organization",
          "organisation",
          "programa",
          "programme",
          "centro",
          "center",
          "centre",
          "foro",
          "forum",
          "asamblea",
          "assembly",
          "congreso",
          "congress",
          "parlamento",
          "parliament",
          "senado",
          "senate",
          "gobierno",
          "government",
          "fiscalia",
          "policia",
          "police",
          "ejercito",
          "army",
          "guardia",
          "guard",
          "empresa",
          "company",
          "corporation",
          "corporacion",
          "compania",
          "news",
          "noticias",
          "diario",
          "times",
          "press",
          "prensa",
          "radio",
          "television",
          "televisora",
          "canal",
          "channel",
          "cnn",
          "bbc");

  List<Entity> find(Tokens t, boolean[] covered, int max) {
    Map<String, Entity> out = new LinkedHashMap<>();
    int i = 0;
    while (i < t.size() && out.size() < max) {
      if (covered[i]
          || !t.capitalised(i)
          || NOT_NAMES.contains(t.folded(i))
          || isAllDigits(t.folded(i))) {
        i++;
        continue;
      }
      int j = i + 1;
      int lastCap = i;
      while (j < t.size() && !covered[j] && j - i < 8 && adjacent(t, j - 1, j)) {
        if (t.capitalised(j) && !NOT_NAMES.contains(t.folded(j))) {
          lastCap = j;
        } else if (!JOINERS.contains(t.folded(j)) || !joinerMayFollow(t, j)) {
          break;
        }
        j++;
      }
      int words = countCapitalised(t, i, lastCap);
      if (words >= 2) {
        String name = t.text().substring(t.start(i), t.end(lastCap));
        String key = "unlinked:" + Tokens.fold(name).replaceAll("[^a-z0-9]+", "-");
        Entity prev = out.get(key);
        if (prev == null) {
          out.put(key, new Entity(key, name, typeOf(t, i, lastCap), 1, t.start(i), false));
        } else {
          prev.setMentions(prev.getMentions() + 1);
        }
      }
      i = lastCap + 1;
    }
    return new ArrayList<>(out.values());
  }

  /**
   * Joiners inside a name come alone or as "de la", "de los", "of the": "Jury and the Red" is two
   * names joined by a sentence, not one ("Trinidad and Tobago" still is one).
   */
  private static boolean joinerMayFollow(Tokens t, int j) {
    String prev = t.folded(j - 1);
    if (!JOINERS.contains(prev) || t.capitalised(j - 1)) {
      return true;
    }
    return (prev.equals("de") && t.folded(j).startsWith("l"))
        || (prev.equals("of") && t.folded(j).equals("the"));
  }

  /** Only spaces between two words: a comma or a full stop ends a name. */
  private static boolean adjacent(Tokens t, int a, int b) {
    for (int p = t.end(a); p < t.start(b); p++) {
      if (t.text().charAt(p) != ' ') {
        return false;
      }
    }
    return true;
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

  private static String typeOf(Tokens t, int from, int to) {
    for (int k = from; k <= to; k++) {
      if (ORG_WORDS.contains(t.folded(k).toLowerCase(Locale.ROOT))) {
        return "ORG";
      }
    }
    return "PERSON";
  }

  private static boolean isAllDigits(String s) {
    return s.chars().allMatch(Character::isDigit);
  }
}
