package io.vigia.enrich.figures;

/**
 * A number written in an article, read: its value (fractions of 1 for percentages and "cuatro de
 * cada diez"), the denominator or upper end written with it, and how precisely it is written.
 *
 * @param start where the span starts, its qualifier included ("más de", "about")
 * @param end where the number (with its %, scale, total or range end) ends
 * @param precision half the last unit written, widened for round approximate numbers
 * @param approximate written with a qualifier: an approximation or a bound
 * @param inWords written in words ("tres", "diez"): only a figure when a noun of the vocabulary
 *     follows
 * @param nounsFrom where the noun that says what is counted may start
 */
record NumberMention(
    int start,
    int numberStart,
    int end,
    double value,
    Double total,
    Double max,
    boolean fraction,
    double precision,
    boolean approximate,
    boolean inWords,
    int nounsFrom) {}
