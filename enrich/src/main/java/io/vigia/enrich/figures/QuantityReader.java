package io.vigia.enrich.figures;

import io.vigia.enrich.figures.FigureVocabulary.Form;
import io.vigia.enrich.figures.FigureVocabulary.Quantity;
import io.vigia.enrich.figures.ProfileFigureExtractor.Clause;
import java.util.List;

/**
 * What a number counts: the quantity of the profile's vocabulary whose noun follows it or whose cue
 * its clause holds, and, for a bare number, the quantity of the count it is listed with or set
 * against.
 */
final class QuantityReader {
  /** How far before a number, and after its noun, a noun form's verb may be. */
  private static final int WITH_BEFORE = 60;

  private static final int WITH_AFTER = 40;

  private static final int WITHOUT_AROUND = 60;

  /** A quantity read for a number, the form that read it, how well, and where its noun ends. */
  record Choice(Quantity quantity, Form form, double score, int nounEnd) {}

  private final FigureVocabulary vocabulary;

  QuantityReader(FigureVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /**
   * The quantity a number is: one whose noun follows it beats one whose cue is in its segment of
   * the sentence, which beats one whose cue is earlier in the sentence; a percentage beside a
   * candidate or party with no other cue is a vote share.
   */
  Choice of(NumberMention n, String folded, CueIndex.Hits hits, Clause c) {
    int nouns = skipSpaceAndScale(folded, n.nounsFrom());
    Choice best = null;
    // "el 96,87 % de las actas transmitidas": a noun that alone says what the number counts owns
    // it, even when its form is ruled out; no cue elsewhere in the sentence makes it another
    // figure.
    boolean owned = false;
    NounBefore.Link link = null; // read once, when a noun before the number is first looked for
    for (Quantity q : vocabulary.quantities()) {
      if (!q.unit().admits(n.fraction())) {
        continue;
      }
      for (Form f : q.forms()) {
        double score;
        int nounEnd = -1;
        if (!f.nouns().isEmpty()) {
          nounEnd = nounAt(folded, f.nouns(), nouns);
          if (nounEnd < 0) {
            // "los fallecidos suman treinta y seis", "la cifra de detenidos asciende a 1.854"
            if (f.with().isEmpty() && link == null) {
              link = NounBefore.linkBefore(folded, n, c);
            }
            if (f.with().isEmpty() && NounBefore.nounBefore(folded, f.nouns(), link)) {
              score = 2.5;
            } else {
              continue;
            }
          } else {
            score = 3;
            owned |= f.with().isEmpty();
          }
          if (nounEnd >= 0 && !f.with().isEmpty()) {
            // "had arrested 2,229 people", "25 people have died": the verb is close by.
            Clause near =
                new Clause(
                    c.from(),
                    c.to(),
                    Math.max(c.from(), n.start() - WITH_BEFORE),
                    Math.min(c.to(), nounEnd + WITH_AFTER));
            double cue = cueScore(hits, f.with(), near, n.numberStart());
            if (cue < 2) {
              continue;
            }
            score += cue - 2;
          }
        } else if (n.inWords()) {
          continue;
        } else if (!f.with().isEmpty()) {
          score = cueScore(hits, f.with(), nearerThanNext(n, c), n.numberStart());
          if (score == 0) {
            continue;
          }
        } else {
          score = 0.5; // actor: true, checked when the subject is sought
        }
        // Words that rule a form out ("la distancia entre los dos era de 2.000 votos") are
        // looked for around the number within its sentence, whatever numbers stand between.
        int near = Math.max(nounEnd, n.end());
        if (!f.without().isEmpty()
            && hits.anyIn(f.without(), withoutFrom(folded, n, c), withoutTo(folded, near, c))) {
          continue;
        }
        if (best == null || score > best.score) {
          best = new Choice(q, f, score, nounEnd);
        }
      }
    }
    return owned && best != null && best.nounEnd < 0 ? null : best;
  }

  /**
   * Where words that rule a form out are looked for before a number: up to {@link #WITHOUT_AROUND}
   * characters back in its sentence, whatever numbers stand between ("con 99 % de las actas, la
   * distancia era de 2.000 votos": what a number is, is mostly said before it).
   */
  private static int withoutFrom(String folded, NumberMention n, Clause c) {
    int from = Math.max(c.from(), n.start() - WITHOUT_AROUND);
    // "con el 97 % de las actas transmitidas, informó una participación de 44 %": the noun right
    // after an earlier number is that number's, and rules out nothing of this one.
    if (c.segmentFrom() > c.from() && c.segmentFrom() < n.start()) {
      java.util.regex.Matcher m = OWN_NOUN.matcher(folded).region(c.segmentFrom(), n.start());
      if (m.lookingAt()) {
        from = Math.max(from, m.end());
      }
    }
    return from;
  }

  /** The noun phrase right after a number: "de las actas transmitidas", "of the tally sheets". */
  private static final java.util.regex.Pattern OWN_NOUN =
      java.util.regex.Pattern.compile(
          "\\s*(?:de|del|of)\\s+(?:(?:las|los|la|el|the)\\s+)?[a-z]+(?:\\s+[a-z]+)?");

  /**
   * The same after a number and its noun, but only up to the midpoint to the next number: a word
   * nearer to that one is its own ("Seis de cada diez acudieron a votar, y la abstención rondó el
   * 41 %": abstention is the 41 %'s word, not the six in ten's).
   */
  private static int withoutTo(String folded, int near, Clause c) {
    int to = Math.min(c.to(), near + WITHOUT_AROUND);
    // "Four candidates were on the ballot; a fifth withdrew": a semicolon ends the number's clause.
    int semicolon = folded.indexOf(';', near);
    if (semicolon >= 0 && semicolon < to) {
      to = semicolon;
    }
    return c.segmentTo() < c.to() ? Math.min(to, (near + c.segmentTo() + 1) / 2) : to;
  }

  /**
   * The number's part of the sentence for a cue found away from any noun: "about 56 percent of the
   * total, and turnout reached nearly three in four": a cue after the number but nearer the next
   * one is the next one's.
   */
  private static Clause nearerThanNext(NumberMention n, Clause c) {
    if (c.segmentTo() >= c.to() || c.segmentTo() <= n.end()) {
      return c;
    }
    return new Clause(c.from(), c.to(), c.segmentFrom(), (n.end() + c.segmentTo() + 1) / 2);
  }

  /** 2 plus nearness when a cue is in the number's segment, 1 when earlier in the sentence. */
  private static double cueScore(CueIndex.Hits hits, List<String> cues, Clause c, int pos) {
    double best = 0;
    int[] ids = hits.ids(cues);
    for (int k = 0; k < ids.length; k++) {
      String cue = cues.get(k);
      int at = hits.nearest(ids[k], cue, c.segmentFrom(), c.segmentTo(), pos);
      if (at >= 0) {
        best = Math.max(best, 2 + 1.0 / (1 + Math.abs(at - pos)));
      } else if (hits.nearest(ids[k], cue, c.from(), pos, pos) >= 0) {
        best = Math.max(best, 1);
      }
    }
    return best;
  }

  private static int skipSpaceAndScale(String folded, int i) {
    while (i < folded.length() && Character.isWhitespace(folded.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The end of the first noun that starts at {@code at} (or after a "de"/"of"), or -1. */
  private static int nounAt(String folded, List<String> nouns, int at) {
    for (int k = 0; k < 2; k++) {
      boolean inText = at < folded.length();
      char first =
          inText ? folded.charAt(at) : 0; // most nouns differ from it by their first letter
      for (String noun : nouns) {
        if (!noun.isEmpty() && (!inText || noun.charAt(0) != first)) {
          continue;
        }
        if (FoldedText.startsWord(folded, noun, at)) {
          return at + noun.length();
        }
      }
      if (folded.startsWith("de ", at) || folded.startsWith("of ", at)) {
        at += 3;
      } else {
        break;
      }
    }
    return -1;
  }

  /**
   * "6.27 million votes against 2.75 million for Maduro", "18 gobernaciones frente a 5": a bare
   * number set against the number just before it, in the same sentence and written the same way,
   * counts what that one counts (the noun is not repeated).
   */
  static Choice elided(
      Choice previous, NumberMention before, NumberMention n, String folded, int sentenceFrom) {
    if (previous == null
        || previous.nounEnd < 0
        || before.start() < sentenceFrom
        || n.inWords()
        || before.fraction() != n.fraction()) {
      return null;
    }
    int gapFrom = Math.max(before.end(), previous.nounEnd);
    if (gapFrom > n.start() || !SET_AGAINST.matcher(folded).region(gapFrom, n.start()).matches()) {
      return null;
    }
    return new Choice(previous.quantity, previous.form, previous.score, -1);
  }

  /**
   * "1.820.552 votos (20,9 %) y Javier Bertucci, 925.042", "...1.900.528 votos, el 64,2 %. Pérez
   * sumó 896.875": a count in digits with no noun of its own, in a list of counts that named its
   * noun once (in its sentence or the one before, in one paragraph), counts what the list counts
   * when it is of the same order (a tenth to ten times the other) and in the thousands (a small
   * bare number is an age or a day as often as a count). A part of the count ("de ellos", "of
   * them"), a difference ("menos que", "more than") or an expectation ("above", "esperaba") is not
   * one of the list.
   */
  static Choice listed(
      Choice last, NumberMention lastAt, NumberMention n, String folded, ArticleText at, int s) {
    // in the thousands: a small bare number is an age or a day as often as a count
    if (n.inWords()
        || n.fraction()
        || n.value() < 1000
        || n.value() < lastAt.value() / 10
        || n.value() > lastAt.value() * 10) {
      return null;
    }
    int lastSentence = at.sentenceOf(lastAt.numberStart());
    if (s - lastSentence > 1 || !at.sameParagraph(lastSentence, s)) {
      return null;
    }
    int from = Math.max(at.sentenceStart(s), lastAt.end());
    if (NOT_LISTED_BEFORE.matcher(folded).region(Math.max(from, n.start() - 30), n.start()).find()
        || NOT_LISTED_AFTER
            .matcher(folded)
            .region(n.end(), Math.min(folded.length(), n.end() + 30))
            .lookingAt()) {
      return null;
    }
    return new Choice(last.quantity, last.form, last.score, -1);
  }

  /**
   * "La MUD obtuvo 112 escaños y el PSUV, 55", "18 of the 23 governorships, while the opposition
   * took five", "112 seats to the ruling party's 55": a small bare number (digits or words) right
   * after another candidate or party, set off by a comma, a verb of winning or a possessive, and
   * ending its part of the sentence, counts the offices the count before it in the sentence counts
   * (the noun is not repeated). Offices only: a bare number beside a name is a vote count or an age
   * as often as not, and votes have their own list rule ({@link #listed}).
   */
  static Choice officesListed(
      Choice last, NumberMention lastAt, NumberMention n, String folded, ArticleText at, int s) {
    if (last == null
        || n.fraction()
        || last.quantity().subject() != FigureVocabulary.SubjectKind.ACTOR
        || last.quantity().unit() != FigureVocabulary.Unit.COUNT
        || last.quantity().name().equals("votes")
        || at.sentenceOf(lastAt.numberStart()) != s
        || n.value() < 1
        || n.value() > (lastAt.total() != null ? lastAt.total() : MAX_OFFICES)) {
      return null;
    }
    Actors.Mention owner = null;
    for (Actors.Mention m : at.actorsAround(n.numberStart())) {
      if (m.start() >= lastAt.end() && m.end() <= n.start() && m.actor().canBeSubject()) {
        owner = m;
      }
    }
    if (owner == null
        || n.start() - owner.end() > OWNER_GAP_MAX
        || !OWNER_GAP.matcher(folded).region(owner.end(), n.start()).matches()
        || !PART_ENDS.matcher(folded).region(n.end(), folded.length()).lookingAt()) {
      return null;
    }
    return new Choice(last.quantity, last.form, last.score, -1);
  }

  /** More offices than any Venezuelan election fills (335 mayoralties, 277 seats) are no list. */
  private static final double MAX_OFFICES = 400;

  private static final int OWNER_GAP_MAX = 40;

  /** Between the owner and its bare count: a comma, a possessive or a verb of winning. */
  private static final java.util.regex.Pattern OWNER_GAP =
      java.util.regex.Pattern.compile(
          "\\s*(?:,|['\u2019]s?|(?:se\\s+)?(?:quedo con|quedaron con|llevo|llevaron|gano|ganaron"
              + "|obtuvo|obtuvieron|logro|lograron|sumo|sumaron|conquisto|conquistaron|retuvo"
              + "|retuvieron|took|won|got|secured|kept|held|claimed)(?:\\s+(?:con|with))?"
              + "(?:\\s+(?:el|la|los|las|the|only|solo|apenas|just))?)\\s*");

  /** The bare count ends its part of the sentence. */
  private static final java.util.regex.Pattern PART_ENDS =
      java.util.regex.Pattern.compile(
          "\\s*(?:[,.;:)]|$|(?:y|e|and|mientras|while|frente|against|contra)\\b)");

  private static final java.util.regex.Pattern NOT_LISTED_BEFORE =
      java.util.regex.Pattern.compile(
          "(?:\\b(?:de ellos|de ellas|of them|of whom|among them|entre ellos|above|below|encima"
              + "|debajo|than|mas que|menos que|esperaba|esperaban|expected|hoped)\\b[^.;]*"
              + "|\\b(?:por|by)\\s+)$");

  private static final java.util.regex.Pattern NOT_LISTED_AFTER =
      java.util.regex.Pattern.compile(
          "\\s*(?:menos|mas|more|fewer|less|de diferencia|de ventaja|de ellos|de ellas|of them"
              + "|of whom|(?!(?:para|for|a|to)\\b)[a-z])");

  private static final java.util.regex.Pattern SET_AGAINST =
      java.util.regex.Pattern.compile(
          "\\s*,?\\s*(?:against|versus|vs\\.?|compared with|to|frente a|contra|ante|y|and"
              + "|mientras que|while)\\s+(?:(?:los|las|el|la|the)\\s+)?");

  /** "un", "una": an article, which the scanner reads as the number one too. */
  static boolean article(NumberMention m, String folded) {
    if (!m.inWords() || m.value() != 1) {
      return false;
    }
    int at = m.numberStart();
    return FoldedText.startsWord(folded, "una", at)
        || FoldedText.startsWord(folded, "un", at)
        || FoldedText.startsWord(folded, "a", at)
        || FoldedText.startsWord(folded, "an", at);
  }

  /**
   * "Si la oposición llegara a 112 diputados", "correspondería a unos 2,1 millones de votantes",
   * "would have won 60%": a number in a condition or a counterfactual is no one's figure.
   */
  static boolean hypothetical(String folded, int segmentFrom, NumberMention n) {
    int from = Math.max(segmentFrom, n.start() - HYPOTHETICAL_BEFORE);
    return from < n.start() && HYPOTHETICAL.matcher(folded).region(from, n.start()).find();
  }

  private static final int HYPOTHETICAL_BEFORE = 60;

  private static final java.util.regex.Pattern HYPOTHETICAL =
      java.util.regex.Pattern.compile(
          "\\b(?:(?:si|if)\\s+(?:[^\\s,.;]+\\s+){0,4}?(?:llegara|llegaran|obtuviera|obtuvieran"
              + "|ganara|ganaran|lograra|lograran|alcanzara|alcanzaran|sumara|sumaran|were to"
              + "|had won|had taken|had got)"
              + "|corresponderia|corresponderian|equivaldria|equivaldrian|habria|habrian|tendria"
              + "|tendrian|would|could have)\\b");

  /**
   * "8,1 millones de personas votaron, un 41,5 % del registro", "2,483,263 voters, about 12.4
   * percent": a share set right after a count of the people who voted is the share of the
   * electorate that voted (turnout), not a vote share of someone named in the sentence.
   */
  boolean shareOfVoters(Choice q, NumberMention before, NumberMention n, String folded, int from) {
    if (!n.fraction()
        || before.fraction()
        || before.start() < from
        || (q != null && !(q.quantity().name().equals("vote-share") && q.nounEnd() < 0))) {
      return false;
    }
    int nouns = before.nounsFrom();
    java.util.regex.Matcher m = PEOPLE_WHO_VOTED.matcher(folded).region(nouns, n.start());
    return m.lookingAt() && m.end() == n.start();
  }

  private static final java.util.regex.Pattern PEOPLE_WHO_VOTED =
      java.util.regex.Pattern.compile(
          "\\s*(?:de\\s+)?(?:personas|people|votantes|voters|electores|venezolanos|venezuelans"
              + "|ciudadanos|citizens)\\b[\"'\u201d\u00bb]?\\s*(?:(?:votaron|voted|participaron"
              + "|took part|sufragaron|turned out)[\"'\u201d\u00bb]?\\s*)?(?:,|\\(|\\s-|:)\\s*"
              + "(?:(?:or|o|es decir|that is|un|una|el|about|some|around|unos|cerca del?|alrededor"
              + "del?|nearly|casi|just over|just under|poco mas del?|apenas)\\s+)*$");

  /** The turnout of the vocabulary, as read for a share of the electorate that voted. */
  Choice turnout() {
    for (Quantity q : vocabulary.quantities()) {
      if (q.name().equals("turnout")) {
        return new Choice(q, q.forms().get(0), 2, -1);
      }
    }
    return null;
  }

  /**
   * "de 20.710.421 electores inscritos, votaron 6.251.080": a bare count right after a verb of
   * voting is the votes cast (the people who voted), whatever count came before it.
   */
  Choice votedBefore(NumberMention n, String folded, int from) {
    if (n.fraction() || n.inWords()) {
      return null;
    }
    int start = Math.max(from, n.start() - 30);
    if (!VOTED_RIGHT_BEFORE.matcher(folded).region(start, n.start()).find()) {
      return null;
    }
    for (Quantity q : vocabulary.quantities()) {
      if (q.name().equals("votes")) {
        for (Form f : q.forms()) {
          if (f.election()) {
            return new Choice(q, f, 2, -1);
          }
        }
      }
    }
    return null;
  }

  private static final java.util.regex.Pattern VOTED_RIGHT_BEFORE =
      java.util.regex.Pattern.compile(
          "\\b(?:votaron|sufragaron|participaron|voted|cast their ballots?)\\s+$");
}
