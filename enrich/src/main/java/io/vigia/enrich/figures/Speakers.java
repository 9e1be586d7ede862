package io.vigia.enrich.figures;

import io.vigia.enrich.figures.Actors.Actor;
import io.vigia.enrich.figures.Actors.Mention;
import io.vigia.enrich.figures.Actors.Role;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who the article says states a figure: an actor of the figure's sentence introduced as a source
 * ("según el CNE", "according to Provea") or followed by a verb of saying ("Maduro said", "the
 * council put turnout at"); the one nearest the number wins. An official reading an institution's
 * figures, or a back reference ("the council"), is the institution. A sentence with none keeps the
 * speaker of the previous sentence of its paragraph (a paragraph reports one announcement); with
 * none there either, the figure is in the outlet's own voice (null).
 */
final class Speakers {
  static final List<String> SOURCE_BEFORE =
      List.of(
          "segun",
          "de acuerdo con",
          "according to",
          "citing",
          "difundid",
          "divulgad",
          "publicad",
          "published by",
          "released by",
          "reported by",
          "figures from",
          "data from",
          "cifras de",
          "datos de",
          "conteo de",
          "count by",
          "calculos de",
          "boletin de",
          "resultados de",
          "results from",
          "the results of");
  static final List<String> SAYING =
      List.of(
          "dijo",
          "dice",
          "afirm",
          "asegur",
          "inform",
          "anunci",
          "situo",
          "situa",
          "senal",
          "explic",
          "indic",
          "report",
          "denunci",
          "calcul",
          "estim",
          "sostien",
          "sostuvo",
          "declar",
          "divulg",
          "public",
          "precis",
          "confirm",
          "registr",
          "document",
          "contabiliz",
          "proclam",
          "said",
          "says",
          "say ",
          "told",
          "put ",
          "puts",
          "announc",
          "estimat",
          "claim",
          "credit",
          "present",
          "insist",
          "count",
          "recorded",
          "released",
          "gave",
          "giving",
          "maneja",
          "dio a conocer",
          "dieron a conocer",
          "published",
          "habia fijado",
          "fijo",
          "otorg");
  private static final int BEFORE = 48;
  private static final int AFTER = 50;

  private final ArticleText at;
  private final Map<Integer, Actor> bySentence = new HashMap<>();

  /**
   * Whether each mention read so far speaks: a mention's sentence is one, so the answer is asked
   * again (for the next figure of its paragraph) but never changes.
   */
  private final Map<Mention, Boolean> speaking = new IdentityHashMap<>();

  Speakers(ArticleText at) {
    this.at = at;
  }

  /** The speaker of the figure at {@code pos} in sentence {@code s}, or null. */
  Actor of(int s, int pos) {
    Actor here = inSentence(s, pos);
    if (here != null) {
      return here;
    }
    for (int p = s - 1; p >= 0 && at.sameParagraph(p, s); p--) {
      Actor before = bySentence.computeIfAbsent(p, k -> inSentenceOrNull(k));
      if (before != NO_ONE) {
        return before;
      }
    }
    return null;
  }

  private static final Actor NO_ONE = new Actor("", "", Role.GROUP);

  private Actor inSentenceOrNull(int s) {
    Actor a = inSentence(s, at.sentenceEnd(s));
    return a == null ? NO_ONE : a;
  }

  private Actor inSentence(int s, int pos) {
    int from = at.sentenceStart(s);
    int to = at.sentenceEnd(s);
    Mention best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Mention m : at.actorsAround(from)) {
      if (m.start() < from || m.end() > to) {
        continue;
      }
      Boolean speaks = speaking.get(m);
      if (speaks == null) {
        speaks = speaks(m, from, to);
        speaking.put(m, speaks);
      }
      if (!speaks) {
        continue;
      }
      int d = m.start() < pos ? pos - m.end() : m.start() - pos;
      if (d < bestDistance) {
        best = m;
        bestDistance = d;
      }
    }
    if (best == null) {
      return null;
    }
    Actor a = best.actor();
    if (a.role() == Role.OFFICIAL || a.role() == Role.REFERENCE) {
      return new Actor(a.id(), a.name(), Role.INSTITUTION);
    }
    return a;
  }

  /**
   * A source cue right before the name ("según el CNE": only an article between), or a verb of
   * saying after it with no number and no other source cue in between ("Foro Penal, which provides
   * lawyers to detainees, had confirmed").
   */
  private boolean speaks(Mention m, int from, int to) {
    String f = at.folded;
    int b = Math.max(from, m.start() - BEFORE);
    int[] sources = at.cues.ids(SOURCE_BEFORE);
    for (int k = 0; k < sources.length; k++) {
      String cue = SOURCE_BEFORE.get(k);
      int i = at.cues.nearest(sources[k], cue, b, m.start(), m.start());
      if (i >= 0 && ARTICLE_GAP.matcher(f).region(i + cue.length(), m.start()).matches()) {
        return true;
      }
    }
    int e = Math.min(to, m.end() + AFTER);
    int[] saying = at.cues.ids(SAYING);
    for (int k = 0; k < saying.length; k++) {
      String cue = SAYING.get(k);
      int i = at.cues.nearest(saying[k], cue, m.end(), e, m.end());
      if (i >= 0) {
        if (!NOT_IN_GAP.matcher(f).region(m.end(), i).find() && !saidBySomeoneElse(m, i, to)) {
          return true;
        }
      }
    }
    return saidRightBefore(m, from);
  }

  /**
   * Whether the verb of saying at {@code verb} has its own subject right after it ("49 % de
   * Capriles, anunció el CNE", "said the council"): a subject put after its verb, as both languages
   * do in attributions; then the name before the verb is not the one who says it.
   */
  private boolean saidBySomeoneElse(Mention m, int verb, int to) {
    String f = at.folded;
    if (!afterAComma(f, verb)) {
      return false; // "the opposition said Edmundo González won": reported speech, not inversion
    }
    int i = verb;
    while (i < to && Character.isLetter(f.charAt(i))) {
      i++;
    }
    while (i < to && f.charAt(i) == ' ') {
      i++;
    }
    java.util.regex.Matcher article = POSTPOSED_ARTICLE.matcher(f).region(i, to);
    int after = article.lookingAt() ? article.end() : i;
    for (Mention other : at.actorsAround(verb)) {
      if (other != m && (other.start() == i || other.start() == after)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Verbs of saying that put their subject after them ("informó el CNE", "said the council"); not
   * those that take the figure's owner as object ("gave Maduro", "credited Maduro").
   */
  private static final List<String> SAID_BEFORE_SUBJECT =
      List.of(
          "dijo", "dice", "afirm", "asegur", "inform", "anunci", "senal", "explic", "indic",
          "report", "denunci", "sostien", "sostuvo", "declar", "precis", "confirm", "said", "says",
          "announc", "claim", "insist");

  /** A verb of saying right before the name, only an article between: "anunció el CNE". */
  private boolean saidRightBefore(Mention m, int from) {
    String f = at.folded;
    int i = m.start();
    while (i > from && f.charAt(i - 1) == ' ') {
      i--;
    }
    int e = i;
    while (i > from && Character.isLetter(f.charAt(i - 1))) {
      i--;
    }
    int len = e - i;
    if ((len == 2 && (f.startsWith("el", i) || f.startsWith("la", i)))
        || (len == 3
            && (f.startsWith("los", i) || f.startsWith("las", i) || f.startsWith("the", i)))) {
      while (i > from && f.charAt(i - 1) == ' ') {
        i--;
      }
      e = i;
      while (i > from && Character.isLetter(f.charAt(i - 1))) {
        i--;
      }
    }
    if (i == e || !afterAComma(f, i)) {
      return false;
    }
    for (String cue : SAID_BEFORE_SUBJECT) {
      if (f.startsWith(cue, i) && i + cue.length() <= e) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a comma or a closing quotation mark stands right before the word at {@code i}: a
   * subject put after its verb of saying closes a clause ("..., informó el CNE", "..., said the
   * council"); without it the name after the verb begins reported speech.
   */
  private static boolean afterAComma(String f, int i) {
    int j = i;
    while (j > 0 && f.charAt(j - 1) == ' ') {
      j--;
    }
    return j > 0 && ",\"”»'".indexOf(f.charAt(j - 1)) >= 0;
  }

  private static final java.util.regex.Pattern POSTPOSED_ARTICLE =
      java.util.regex.Pattern.compile("(?:el|la|los|las|the)\\s+");

  /**
   * Between a source cue and the source: an article ("según el CNE"), or a few words naming what
   * the source released, ending in "de"/"por"/"by"/"from" ("según cálculos difundidos por el PSUV",
   * "according to figures released by the council").
   */
  private static final java.util.regex.Pattern ARTICLE_GAP =
      java.util.regex.Pattern.compile(
          "\\s+(?:[a-z]+\\s+){0,3}?(?:de|del|por|by|from|of)\\s+(?:(?:el|la|los|las|the|a|an)\\s+)?"
              + "|\\s*(?:(?:el|la|los|las|del|de la|the|a|an)\\s+)?");

  private static final java.util.regex.Pattern NOT_IN_GAP =
      java.util.regex.Pattern.compile(
          "\\d|segun|according|de acuerdo|que el|que la|by the|por el|por la");
}
