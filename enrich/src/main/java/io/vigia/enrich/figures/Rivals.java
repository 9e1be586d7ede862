package io.vigia.enrich.figures;

import static io.vigia.enrich.figures.SubjectFinder.WORD;

import io.vigia.enrich.figures.Actors.Mention;
import io.vigia.enrich.figures.ProfileFigureExtractor.Clause;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name before a number that is not its owner but the one its owner is set against: the loser
 * after a verb of defeating ("Maduro derrotó a Falcón con el 68 %", "he beat Henrique Capriles with
 * 50.61 percent") or the one after a preposition of ranking ("Falcón finished second behind Maduro
 * with 21 percent"). {@link SubjectFinder} asks it about the nearest name before a number.
 */
final class Rivals {
  private final ArticleText at;

  Rivals(ArticleText at) {
    this.at = at;
  }

  /**
   * The number's owner when {@code rival}, the nearest name before the number at {@code pos}, is
   * the one beaten or ranked against; else null.
   *
   * @param eligible who may own a figure (not an institution, not the figure's speaker)
   */
  Mention ownerOver(
      Mention rival, Clause c, int pos, boolean preferPerson, Predicate<Mention> eligible) {
    Predicate<Mention> other = eligible.and(m -> !m.actor().id().equals(rival.actor().id()));
    Mention winner = winnerOver(rival, c, pos, preferPerson, other);
    return winner != null ? winner : rankedAhead(rival, c, preferPerson, other);
  }

  /**
   * A name right after a verb of defeating is the loser, and the number that follows is the
   * winner's: the one named right before the verb, else (a pronoun) the last one named before the
   * sentence in its paragraph. Not when a clause of the loser's own stands between ("beat Henri
   * Falcón, who took 21 percent").
   */
  private Mention winnerOver(
      Mention loser, Clause c, int pos, boolean preferPerson, Predicate<Mention> other) {
    String f = at.folded;
    if (loser.start() < c.from() || OWN_CLAUSE.matcher(f).region(loser.end(), pos).find()) {
      return null;
    }
    Matcher verb =
        DEFEATED
            .matcher(f)
            .region(Math.max(c.from(), loser.start() - DEFEAT_BEFORE), loser.start());
    if (!verb.find()) {
      return null;
    }
    // The verb's subject: the name right before it ("Maduro derrotó a"), or a pronoun's
    // antecedent, the last one named before the sentence ("... he beat Capriles"). Another name
    // earlier in the sentence is no subject ("weeks after Hugo Chávez's death, he beat").
    Mention winner = at.lastNamed(c.from(), verb.start(), preferPerson, other);
    if (winner != null
        && SUBJECT_BEFORE_VERB.matcher(f).region(winner.end(), verb.start()).matches()) {
      return winner;
    }
    if (winner != null && !PRONOUN_BEFORE_VERB.matcher(f).region(c.from(), verb.start()).find()) {
      return null;
    }
    return at.lastNamed(at.paragraphStart(pos), c.from(), preferPerson, other);
  }

  /**
   * "Henri Falcón finished a distant second behind Nicolás Maduro with 21 percent", "quedó segundo,
   * por detrás de Maduro, con el 21 %": a name after a preposition of ranking is what the figure's
   * owner is ranked against; the owner is the one named before it in the sentence.
   */
  private Mention rankedAhead(
      Mention ranked, Clause c, boolean preferPerson, Predicate<Mention> other) {
    Matcher m =
        RANKED_AGAINST
            .matcher(at.folded)
            .region(Math.max(c.from(), ranked.start() - RANKED_BEFORE), ranked.start());
    return m.find() ? at.lastNamed(c.from(), m.start(), preferPerson, other) : null;
  }

  private static final int DEFEAT_BEFORE = 60;

  /** A verb of defeating right before the loser's name, with a few words describing the loser. */
  private static final Pattern DEFEATED =
      Pattern.compile(
          "\\b(?:beat|beats|defeated|defeats|defeating|beating|outpolled|trounced|routed"
              + "|derroto|derrotaron|derrotando|vencio|vencieron|venciendo|aventajo|aventajaron"
              + "|supero|superaron|se impuso|se impusieron|(?:le |les )?gano(?=\\s+al?\\s))"
              + "\\s+(?:a\\s+|al\\s+)?"
              + WORD
              + "{0,4}$");

  /** A comma, a relative pronoun or a semicolon: the loser's own clause begins. */
  private static final Pattern OWN_CLAUSE =
      Pattern.compile("[,;(]|\\b(?:who|which|que|quien|quienes|cuyo|cuya)\\b");

  /** Between a verb's subject and the verb: at most two words ("easily", "ya"), no comma. */
  private static final Pattern SUBJECT_BEFORE_VERB = Pattern.compile("\\s+" + WORD + "{0,2}");

  /** A pronoun as the verb's subject, with at most two words before the verb. */
  private static final Pattern PRONOUN_BEFORE_VERB =
      Pattern.compile("\\b(?:he|she|they|ella|ellos|ellas)\\s+" + WORD + "{0,2}$");

  private static final int RANKED_BEFORE = 40;

  /** A preposition of ranking right before a name, with a few words describing it. */
  private static final Pattern RANKED_AGAINST =
      Pattern.compile(
          "\\b(?:behind|ahead of|trailing|detras de|por detras de|delante de|por delante de"
              + "|por encima de|por debajo de)\\s+(?:(?:el|la|al|the)\\s+)?"
              + WORD
              + "{0,3}$");
}
