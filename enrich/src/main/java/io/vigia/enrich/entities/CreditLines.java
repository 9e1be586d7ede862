package io.vigia.enrich.entities;

import io.vigia.enrich.text.Tokens;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an article body that say who wrote, photographed or supplied it rather than what
 * happened: the agency dateline that opens wire copy ("CARACAS, 28 jul (EFE).-", "MEXICO CITY, Aug
 * 13 (Reuters) -"), credit lines ("Foto: Reuters", "Con información de AP y EFE", "Reporting by…")
 * and a lone agency tag closing a paragraph ("(EFE)"). Names there are outlets, photographers and
 * the dateline's city, not actors of the story, so the linker reads none of them.
 */
final class CreditLines {
  private CreditLines() {}

  /** An all-capitals dateline: "CARACAS, Venezuela (AP) —", "SAN ANTONIO DEL TÁCHIRA.". */
  private static final Pattern CAPS_DATELINE =
      Pattern.compile(
          "^\\s*\\p{Lu}[\\p{Lu} .'’-]*\\p{Lu}(,[^.()\\n—–]{0,40})?(\\s*\\([^)\\n]{1,60}\\))?\\s*(\\.-|—|–|-|\\.|:)");

  /** A dateline in ordinary case needs its agency: "Caracas, 28 jul (EFE).-". */
  private static final Pattern AGENCY_DATELINE =
      Pattern.compile(
          "^\\s*\\p{Lu}[\\p{L} ]{1,40},[^.()\\n—–]{0,40}\\([^)\\n]{1,60}\\)\\s*(\\.-|—|–|-|\\.|:)");

  /** Openers of a credit that runs to the end of its line. */
  private static final Pattern CREDIT =
      Pattern.compile(
          "(?iu)(^|\\n|[.!?»”\"]\\s+)\\s*\\(?\\s*("
              + "(fotos?|fotograf[ií]a|photos?|image|imagen(es)?|v[ií]deo|cr[eé]dito|credit|fuente|source"
              + "|cortes[ií]a|courtesy|redacci[oó]n|texto|traducci[oó]n)\\s*:"
              + "|con informaci[oó]n de|informaci[oó]n de|with reporting by|additional reporting by"
              + "|reporting by|editing by|edited by|writing by|compiled by|©|copyright)"
              + "[^\\n]*");

  /** An agency tag in parentheses that closes a paragraph: "… dijo. (EFE)". */
  private static final Pattern CLOSING_TAG =
      Pattern.compile("(?m)(^|[.!?»”\"]\\s*)\\(\\s*[\\p{L}\\-/ ,.]{2,40}\\)\\s*\\.?\\s*$");

  /** True for each token that lies in a dateline or a credit. */
  static boolean[] mask(Tokens t) {
    boolean[] masked = new boolean[t.size()];
    String text = t.text();
    if (t.size() == 0) {
      return masked;
    }
    Matcher d = CAPS_DATELINE.matcher(text);
    if (d.lookingAt() || (d = AGENCY_DATELINE.matcher(text)).lookingAt()) {
      cover(t, 0, d.end(), masked);
    }
    Matcher c = CREDIT.matcher(text);
    while (c.find()) {
      cover(t, c.start(2), c.end(), masked);
    }
    Matcher tag = CLOSING_TAG.matcher(text);
    while (tag.find()) {
      cover(t, tag.start() + tag.group(1).length(), tag.end(), masked);
    }
    return masked;
  }

  private static void cover(Tokens t, int from, int to, boolean[] masked) {
    for (int i = 0; i < t.size(); i++) {
      if (t.start(i) >= from && t.start(i) < to) {
        masked[i] = true;
      }
    }
  }
}
