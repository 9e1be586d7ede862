package io.vigia.enrich.dedup;

import java.util.function.LongToDoubleFunction;

/**
 * What two articles must share to be one story, beyond a measure of likeness: evidence of one
 * event, judged by how rare each shared name, figure and entity is among the originals the state
 * holds, and only once the state holds enough originals for rarity to mean anything.
 */
final class StoryEvidence {
  /**
   * Counted originals below which the state cannot tell a famous name from a rare one. A name that
   * half the articles of a watch carry (its president, its electoral council) is absent from all of
   * N other articles with probability 0.5^N: 3% at five, 50% at one. Below five, a name "only the
   * candidate has" may be the watch's most famous one, so the weighted-names cosine is only as
   * telling as the closeness in time: it is discounted over {@link #YOUNG_STATE_DECAY_HOURS}
   * instead of story-names-decay, and joins reports of the same day or two, not a piece of another
   * week that names the same president.
   */
  static final int MIN_ARTICLES_FOR_RARITY = 5;

  /**
   * Counted originals below which nothing can be counted: with one stored article every feature it
   * shares with another weighs {@code ln(2/2) = 0}, so rarity weights start at two ({@link
   * FeatureCounts#weights} uses a prior below).
   */
  static final int MIN_ARTICLES_FOR_COUNTS = 2;

  /**
   * The weighted-names cosine's time discount while rarity cannot be told: coverage of one event
   * bunches up within a day or two (half its weight after 33 hours).
   */
  static final double YOUNG_STATE_DECAY_HOURS = 48;

  /**
   * The concepts' cosine ({@link #conceptCosine}) from which two articles are one story while
   * nothing can be counted: most of what one reports happening, the other reports too (a half). The
   * concepts' prior weights say what kind of event, not which one, so the rarity-weighted cosine's
   * threshold (story-names-overlap) would join any two reports of one kind.
   */
  static final double PRIOR_OVERLAP = 0.5;

  private StoryEvidence() {}

  /**
   * The cosine of the two articles' kinds of event ({@link EventVocabulary}), each at its prior
   * weight (the headline's twice, as names): what the weighted-names cosine falls back to while the
   * state holds fewer than {@link #MIN_ARTICLES_FOR_COUNTS} originals, when every name two articles
   * share weighs {@code ln(2/2) = 0}.
   */
  static double conceptCosine(Fingerprint fp, Fingerprint candidate) {
    LongToDoubleFunction prior = f -> EventVocabulary.isConcept(f) ? EventVocabulary.PRIOR : 0;
    double norms = fp.weightedNorm(prior) * candidate.weightedNorm(prior);
    return norms > 0 ? fp.weightedShared(candidate, prior) / norms : 0;
  }

  /** Whether the state holds enough originals ({@code counted}) for rarity to be told. */
  static boolean rarityKnown(int counted) {
    return counted >= MIN_ARTICLES_FOR_RARITY;
  }

  /**
   * The weighted-names cosine's time discount for two articles {@code hoursApart}: over {@code
   * namesDecayHours} once rarity can be told, over {@link #YOUNG_STATE_DECAY_HOURS} before.
   */
  static double namesDiscount(int counted, double hoursApart, double namesDecayHours) {
    return namesDiscount(counted, hoursApart, namesDecayHours, false);
  }

  /**
   * The same, knowing whether the two report the same kinds of event ({@link #sameKindOfEvent}).
   * While rarity cannot be told, shared names alone may be the watch's famous ones, so they are
   * discounted over two days; names shared by two articles that also report what happened in the
   * same terms (a law and its penalties, an escape from an embassy) are who and what of one event,
   * and keep story-names-decay, as on an older state: a reaction or an analysis two or three days
   * later is still the same story. The other two conditions are unchanged (the cosine's threshold,
   * the evidence of one event).
   */
  static double namesDiscount(
      int counted, double hoursApart, double namesDecayHours, boolean sameKindOfEvent) {
    double decay =
        rarityKnown(counted) || sameKindOfEvent
            ? namesDecayHours
            : Math.min(namesDecayHours, YOUNG_STATE_DECAY_HOURS);
    return Math.exp(-hoursApart / decay);
  }

  /**
   * Whether the two report the same kinds of event: the cosine of their concepts at prior weights
   * ({@link #conceptCosine}) reaches {@link #PRIOR_OVERLAP}, most of what one reports happening the
   * other reports too. A kind of event is no evidence of one event by itself (two tally-sheet
   * disputes of one day share it); this only says what the shared names are doing.
   */
  static boolean sameKindOfEvent(Fingerprint fp, Fingerprint candidate) {
    return conceptCosine(fp, candidate) >= PRIOR_OVERLAP;
  }

  /**
   * How much evidence of one event the two share: the sum, over their shared names, figures and
   * entities, of each one's rarity among the {@code counted} originals of the state, {@code
   * ln((N+1)/(n+1)) / ln((N+1)/2)}: 1 for a feature only the candidate has (n = 1), 0 for one every
   * stored article has. The watch's famous names (the country, its president, its electoral
   * authority, a party) are in most articles and add next to nothing, however many of them two
   * articles share; a place, a person, an organisation or a figure of one event adds almost 1. The
   * rarity is relative to the state's size, so the threshold means the same on a young state and on
   * a month of a live watch.
   *
   * <p>While the state holds fewer than two originals nothing can be told from the counts; then the
   * evidence is how many features the two share over twice {@code minShared}, so it takes that many
   * to reach 1.
   */
  static double shared(
      Fingerprint fp,
      Fingerprint candidate,
      int counted,
      LongToDoubleFunction weight,
      int minShared) {
    if (counted < MIN_ARTICLES_FOR_COUNTS) {
      return fp.sharedNames(candidate) / (2.0 * minShared);
    }
    return fp.sharedWeight(
            candidate, f -> EventVocabulary.isConcept(f) ? 0 : weight.applyAsDouble(f))
        / Math.log((counted + 1) / 2.0);
  }
}
