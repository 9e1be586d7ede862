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
          score = cueScore(hits, f.with(), c, n.numberStart());
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
            && hits.anyIn(f.without(), withoutFrom(n, c), withoutTo(near, c))) {
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
  private static int withoutFrom(NumberMention n, Clause c) {
    return Math.max(c.from(), n.start() - WITHOUT_AROUND);
  }

  /**
   * The same after a number and its noun, but only up to the midpoint to the next number: a word
   * nearer to that one is its own ("Seis de cada diez acudieron a votar, y la abstención rondó el
   * 41 %": abstention is the 41 %'s word, not the six in ten's).
   */
  private static int withoutTo(int near, Clause c) {
    int to = Math.min(c.to(), near + WITHOUT_AROUND);
    return c.segmentTo() < c.to() ? Math.min(to, (near + c.segmentTo() + 1) / 2) : to;
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
}
