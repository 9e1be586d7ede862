package io.vigia.enrich.figures;

import io.vigia.enrich.figures.Actors.Actor;
import io.vigia.enrich.figures.Actors.Mention;
import io.vigia.enrich.figures.ProfileFigureExtractor.Clause;
import java.util.List;

/**
 * The candidate or party a figure is about: the one its own segment of the sentence names (the
 * nearest, a person first for votes and shares: "Sergio Garrido, of Democratic Action, took 55%"),
 * else the nearest earlier in the sentence, unless a contrast stands between them ("Maduro ... con
 * 5.150.092 votos, frente a los 4.445.978 votos ... del candidato de la PUD, Edmundo González"):
 * then the one after the number. Institutions and the figure's own speaker are never its subject.
 */
final class SubjectFinder {
  static final List<String> CONTRAST =
      List.of("frente a", "contra ", "against", "versus", "vs", "ante ", "compared with", "y a ");
  private static final int PERSON_AFTER_PARTY = 45;

  private final ArticleText at;

  SubjectFinder(ArticleText at) {
    this.at = at;
  }

  Actor actorOf(NumberMention n, Clause c, boolean preferPerson, Actor speaker) {
    int pos = n.numberStart();
    // "6.408.844 votos para Maduro, el 51,95 %, y 5.326.104 para González", "44% for Edmundo
    // González": the owner introduced right after the number in its own part of the sentence.
    Mention own = firstAfter(n.end(), c.segmentTo(), preferPerson, speaker);
    if (own != null
        && INTRODUCED_RIGHT_AFTER.matcher(at.folded).region(n.end(), own.start()).matches()) {
      return own.actor();
    }
    Mention before = nearestBefore(c.segmentFrom(), pos, preferPerson, speaker);
    if (before == null) {
      before = nearestBefore(c.from(), pos, preferPerson, speaker);
    }
    if (before != null) {
      before = headOf(before, c.from(), pos, speaker);
    }
    boolean contrast = before != null && at.cues.anyIn(CONTRAST, before.end(), pos);
    if (before != null && !contrast) {
      return before.actor();
    }
    Mention after = firstAfter(n.end(), c.to(), preferPerson, speaker);
    if (after != null
        && (contrast || INTRODUCED.matcher(at.folded).region(n.end(), after.start()).matches())) {
      return after.actor();
    }
    if (before != null) {
      return before.actor();
    }
    // "Manuel Rosales será otra vez gobernador. Con el 57 % de los votos, ...": the paragraph's
    // last actor before the sentence.
    Mention earlier =
        nearestBefore(at.paragraphStart(n.numberStart()), c.from(), preferPerson, speaker);
    return earlier == null ? null : earlier.actor();
  }

  /** The number's owner named right after it: "41,27 % del excanciller Jorge Arreaza". */
  private static final java.util.regex.Pattern INTRODUCED =
      java.util.regex.Pattern.compile(
          "[^.;\\d]{0,25}?\\b(?:del|de la|de|for|of|para|a|to)\\b[^.;\\d]{0,45}");

  /** An owner introduced right after the number: "5.326.104 para González", "44% for him". */
  private static final java.util.regex.Pattern INTRODUCED_RIGHT_AFTER =
      java.util.regex.Pattern.compile("\\s*(?:votos|votes)?\\s*(?:para|for|a|to|de|del|of)\\s+");

  /**
   * "El Gran Polo Patriótico (GPP), la alianza que encabeza el PSUV, sumó 46 diputados", "Alianza
   * Democrática, a bloc that broke with the boycott called by Juan Guaidó, came second with 18
   * percent": a name inside an aside set off by commas describes the one named before the aside,
   * which is what the sentence is about.
   */
  private Mention headOf(Mention m, int from, int pos, Actor speaker) {
    String f = at.folded;
    int close = f.indexOf(',', m.end());
    if (close < 0 || close >= pos || close - m.end() > ASIDE_TAIL || digitIn(m.end(), close)) {
      return m;
    }
    int open = f.lastIndexOf(',', m.start() - 1);
    if (open < from) {
      return m;
    }
    Mention head = null;
    for (Mention h : at.actorsAround(pos)) {
      if (h.start() >= from && h.end() <= open && candidate(h, speaker)) {
        head = h;
      }
    }
    if (head == null || open - head.end() > HEAD_TAIL || !plainBetween(head.end(), open)) {
      return m;
    }
    return head;
  }

  /** How far a name may stand from the comma that closes its aside, and a head from its own. */
  private static final int ASIDE_TAIL = 40;

  private static final int HEAD_TAIL = 30;

  private boolean digitIn(int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isDigit(at.folded.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** No digit, comma or full stop between: the head's own words ("que decidieron participar"). */
  private boolean plainBetween(int from, int to) {
    for (int i = from; i < to; i++) {
      char ch = at.folded.charAt(i);
      if (Character.isDigit(ch) || ch == ',' || ch == '.' || ch == ';') {
        return false;
      }
    }
    return true;
  }

  /** Whether the actor is named in the number's sentence. */
  boolean namedInSentence(Actor a, Clause c) {
    for (Mention m : at.actorsAround(c.from())) {
      if (m.start() >= c.from() && m.end() <= c.to() && m.actor().id().equals(a.id())) {
        return true;
      }
    }
    return false;
  }

  private Mention nearestBefore(int from, int pos, boolean preferPerson, Actor speaker) {
    Mention any = null;
    Mention person = null;
    for (Mention m : at.actorsAround(pos)) {
      if (m.start() < from || m.end() > pos || !candidate(m, speaker)) {
        continue;
      }
      any = m;
      if (m.actor().person()) {
        person = m;
      }
    }
    return preferPerson && person != null ? person : any;
  }

  private Mention firstAfter(int pos, int to, boolean preferPerson, Actor speaker) {
    Mention first = null;
    // pos is the number's end: the character before it is in the number's paragraph.
    for (Mention m : at.actorsAround(Math.max(0, pos - 1))) {
      if (m.start() < pos || m.end() > to || !candidate(m, speaker)) {
        continue;
      }
      if (first == null) {
        first = m;
        if (!preferPerson || first.actor().person()) {
          return first;
        }
      } else if (m.actor().person() && m.start() - first.end() <= PERSON_AFTER_PARTY) {
        return m; // "del candidato de la Plataforma Unitaria, Edmundo González"
      } else {
        break;
      }
    }
    return first;
  }

  private static boolean candidate(Mention m, Actor speaker) {
    return m.actor().canBeSubject() && (speaker == null || !m.actor().id().equals(speaker.id()));
  }
}
