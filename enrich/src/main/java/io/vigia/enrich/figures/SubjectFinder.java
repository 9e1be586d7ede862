package io.vigia.enrich.figures;

import io.vigia.enrich.figures.Actors.Actor;
import io.vigia.enrich.figures.Actors.Mention;
import io.vigia.enrich.figures.ProfileFigureExtractor.Clause;
import java.util.List;
import java.util.regex.Pattern;

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

  /** One word of a few that describe a name ("del pastor evangélico"), with its space. */
  static final String WORD = "(?:[^\\s,.;:()\\d]+\\s+)";

  private final ArticleText at;
  private final Rivals rivals;

  SubjectFinder(ArticleText at) {
    this.at = at;
    this.rivals = new Rivals(at);
  }

  Actor actorOf(NumberMention n, Clause c, boolean preferPerson, Actor speaker) {
    int pos = n.numberStart();
    // "925.042 (10,8 %) del pastor Javier Bertucci": a number and the one in brackets beside it
    // are one figure's two forms, so its owner is read after the brackets.
    int tail = afterBrackets(n.end(), c.to());
    int ownTo = tail == n.end() ? c.segmentTo() : nextDigit(tail, c.to());
    // "6.408.844 votos para Maduro, el 51,95 %, y 5.326.104 para González", "44% for Edmundo
    // González": the owner introduced right after the number in its own part of the sentence.
    Mention own = firstAfter(tail, ownTo, preferPerson, speaker);
    if (own != null && ownsNextNumber(own, ownTo, c.to())) {
      own = null; // "won 6.2 million votes to Henri Falcón's 1.8 million": the next one's owner
    }
    if (own != null
        && INTRODUCED_RIGHT_AFTER.matcher(at.folded).region(tail, own.start()).matches()) {
      return own.actor();
    }
    Mention before = nearestBefore(c.segmentFrom(), pos, preferPerson, speaker);
    if (before == null
        && tail != n.end()
        && own != null
        && DESCRIBED_AFTER.matcher(at.folded).region(tail, own.start()).matches()) {
      return own.actor(); // "925.042 (10,8 %) del pastor Javier Bertucci", for the 10,8 % too
    }
    if (before != null && ownedByEarlierNumber(before, c.segmentFrom())) {
      // "1.820.552 (21,1 %) del exgobernador Henri Falcón y 925.042 (10,8 %) del pastor Javier
      // Bertucci": a name introduced after the number before this one is that number's owner.
      before = null;
      if (own != null && DESCRIBED_AFTER.matcher(at.folded).region(tail, own.start()).matches()) {
        return own.actor();
      }
    }
    if (before == null) {
      before = nearestBefore(c.from(), pos, preferPerson, speaker);
    }
    if (before != null) {
      before = headOf(before, c.from(), pos, speaker);
    }
    boolean contrast = before != null && at.cues.anyIn(CONTRAST, before.end(), pos);
    if (before != null && !contrast) {
      // "Maduro derrotó a Falcón con el 68 %", "Falcón quedó segundo, por detrás de Maduro, con el
      // 21 %": the name before the number may be the one its owner beat or is ranked against.
      Mention owner = rivals.ownerOver(before, c, pos, preferPerson, m -> candidate(m, speaker));
      return owner != null ? owner.actor() : before.actor();
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

  /**
   * Where the text after a number resumes past the brackets that go with it: the ones right after
   * it ("925.042 (10,8 %)") or the ones it stands in ("(10,8 %)"); else the number's end.
   */
  private int afterBrackets(int end, int to) {
    String f = at.folded;
    int i = end;
    while (i < to && f.charAt(i) == ' ') {
      i++;
    }
    if (i < to && f.charAt(i) == '(') {
      int close = f.indexOf(')', i);
      return close > 0 && close < to && close - i <= BRACKETS ? close + 1 : end;
    }
    int close = f.indexOf(')', end);
    int open = f.lastIndexOf('(', end);
    boolean inside =
        close > 0
            && close < to
            && close - end <= BRACKETS
            && open >= 0
            && end - open <= BRACKETS
            && f.indexOf(')', open) == close;
    return inside ? close + 1 : end;
  }

  /** How long the brackets beside a number may be: a share or a count, not an aside. */
  private static final int BRACKETS = 30;

  /** The first digit in [from, to), or {@code to}: where the next number's part begins. */
  private int nextDigit(int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isDigit(at.folded.charAt(i))) {
        return i;
      }
    }
    return to;
  }

  /** "to Henri Falcón's 1.8 million": a name in the possessive right before the next number. */
  private boolean ownsNextNumber(Mention m, int ownTo, int to) {
    return ownTo < to
        && POSSESSIVE_BEFORE_NUMBER.matcher(at.folded).region(m.end(), ownTo).matches();
  }

  private static final Pattern POSSESSIVE_BEFORE_NUMBER = Pattern.compile("\\s*['\u2019]s?\\s*");

  /** Whether the name, in [from, ...), is introduced right after the number that ends at from. */
  private boolean ownedByEarlierNumber(Mention m, int from) {
    if (from == 0) {
      return false;
    }
    char last = at.folded.charAt(from - 1);
    return (Character.isDigit(last) || last == '%')
        && DESCRIBED_AFTER.matcher(at.folded).region(from, m.start()).matches();
  }

  /**
   * An owner introduced after its number by a few words that describe it: "del exgobernador de Lara
   * Henri Falcón", "for the evangelical pastor Javier Bertucci".
   */
  private static final Pattern DESCRIBED_AFTER =
      Pattern.compile(
          "\\s*\\)?\\s*%?\\s*(?:votos|votes)?\\s*,?\\s*(?:del|de la|de|para|for|of|to)\\s+"
              + WORD
              + "{0,5}");

  /** The number's owner named right after it: "41,27 % del excanciller Jorge Arreaza". */
  private static final Pattern INTRODUCED =
      Pattern.compile(
          "[^.;\\d]{0,25}?\\b(?:del|de la|de|for|of|para|a|to|by|por)\\b[^.;\\d]{0,45}");

  /** An owner introduced right after the number: "5.326.104 para González", "44% for him". */
  private static final Pattern INTRODUCED_RIGHT_AFTER =
      Pattern.compile("\\s*(?:votos|votes)?\\s*(?:para|for|a|to|de|del|of)\\s+");

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
    if (m.actor().person()
        && f.substring(open + 1, m.start()).isBlank()
        && f.substring(m.end(), close).isBlank()) {
      // "the opposition candidate, Henri Falcón, received": an aside that is only a person's
      // name names the one described before it, so the person is the subject.
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
    return at.lastNamed(from, pos, preferPerson, m -> candidate(m, speaker));
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

  static boolean candidate(Mention m, Actor speaker) {
    return m.actor().canBeSubject() && (speaker == null || !m.actor().id().equals(speaker.id()));
  }
}
