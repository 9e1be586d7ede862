package io.vigia.enrich.figures;

import io.vigia.enrich.figures.FigureVocabulary.Context;
import io.vigia.enrich.figures.FigureVocabulary.Election;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which election or context a figure is about. The clause decides when it names one (a kind of
 * election, with its year when written: "the 46% of the 2018 presidential election"); else the
 * article's own election, the latest held by its publication date among those it names.
 */
final class Elections {
  private static final Pattern YEAR = Pattern.compile("\\b(?:19|20)\\d\\d\\b");

  private final List<Election> elections;
  private final List<Context> contexts;

  Elections(FigureVocabulary vocabulary) {
    this.elections = vocabulary.elections();
    this.contexts = vocabulary.contexts();
  }

  /** The election of the article as a whole: the latest it names that was held by then. */
  Subject ofArticle(CueIndex.Hits cues, LocalDate published) {
    Election best = null;
    Election latest = null;
    for (Election e : elections) {
      if (e.date().isAfter(published.plusDays(1)) || e.namedOnly()) {
        continue;
      }
      if (latest == null || e.date().isAfter(latest.date())) {
        latest = e;
      }
      boolean named = cues.anywhere(e.cues());
      if (named && (best == null || e.date().isAfter(best.date()))) {
        best = e;
      }
    }
    Election e = best != null ? best : latest;
    return e == null ? null : new Subject(e.id(), e.name());
  }

  /**
   * The election the clause around {@code pos} names, the cue nearest to the number deciding; null
   * when it names none.
   */
  Subject inClause(
      String folded, CueIndex.Hits cues, int from, int to, int pos, LocalDate published) {
    int bestAt = -1;
    int bestDistance = Integer.MAX_VALUE;
    String bestCue = null;
    for (Election e : elections) {
      int[] ids = cues.ids(e.cues());
      for (int k = 0; k < ids.length; k++) {
        String cue = e.cues().get(k);
        int at = cues.nearest(ids[k], cue, from, to, pos);
        if (at >= 0) {
          int d = Math.abs(at - pos);
          if (d < bestDistance) {
            bestDistance = d;
            bestAt = at;
            bestCue = cue;
          }
        }
      }
    }
    if (bestCue == null) {
      return null;
    }
    Integer year = yearNear(folded, bestAt, from, to);
    Election chosen = null;
    for (Election e : elections) {
      if (!e.cues().contains(bestCue)) {
        continue;
      }
      boolean fits =
          year != null ? e.date().getYear() == year : !e.date().isAfter(published.plusDays(1));
      if (fits && (chosen == null || e.date().isAfter(chosen.date()))) {
        chosen = e;
      }
    }
    return chosen == null ? null : new Subject(chosen.id(), chosen.name());
  }

  /**
   * The election of another year that the number's sentence dates it to, when it names no kind of
   * election: "In April 2013 he beat Henrique Capriles with 50.61 percent" in a report on the 2018
   * vote, "Chávez, who won 7.3 million votes in 2006". Of that year's elections, the one of the
   * article's kind (sharing a cue with it), else the only one. A year that bounds ("since 1958",
   * "desde 2013") dates nothing; a year with no election of the vocabulary leaves the figure to the
   * article's election.
   *
   * @param ofArticle the article's election, which a year of its own leaves as it is
   */
  Subject ofYearInClause(String folded, int from, int to, int pos, Subject ofArticle) {
    Matcher m = DATING_YEAR.matcher(folded).region(from, to);
    Integer year = null;
    int bestDistance = Integer.MAX_VALUE;
    while (m.find()) {
      int at = m.start("year");
      if (BOUND_BEFORE.matcher(folded).region(Math.max(from, at - BOUND_BEFORE_CHARS), at).find()) {
        continue;
      }
      int d = Math.abs(at - pos);
      if (d < bestDistance) {
        bestDistance = d;
        year = Integer.parseInt(m.group("year"));
      }
    }
    if (year == null) {
      return null;
    }
    Election article = null;
    for (Election e : elections) {
      if (ofArticle != null && e.id().equals(ofArticle.id())) {
        article = e;
      }
    }
    if (article != null && article.date().getYear() == year) {
      return null;
    }
    Election sameKind = null;
    Election only = null;
    int thatYear = 0;
    for (Election e : elections) {
      if (e.date().getYear() != year || e.namedOnly()) {
        continue;
      }
      thatYear++;
      only = e;
      if (article != null && e.cues().stream().anyMatch(article.cues()::contains)) {
        sameKind = e;
      }
    }
    Election chosen = sameKind != null ? sameKind : thatYear == 1 ? only : null;
    return chosen == null ? null : new Subject(chosen.id(), chosen.name());
  }

  /** A year in the text, not a percentage. */
  private static final Pattern DATING_YEAR =
      Pattern.compile("\\b(?<year>(?:19|20)\\d\\d)\\b(?!\\s*%)");

  /**
   * Right before a year that bounds what the sentence says or is compared with, so dates nothing
   * ("since 1958", "slightly above 2020", "más que en 2015"). Matched on the few characters before
   * the year only: a look-behind on every position of the clause cost more than the rest of the
   * extraction.
   */
  private static final Pattern BOUND_BEFORE =
      Pattern.compile(
          "\\b(?:since|since the|desde|desde el|hasta|until|above|below|than|than in|que|que en"
              + "|compared with|con respecto a|frente a|versus|vs|over)\\s+$");

  private static final int BOUND_BEFORE_CHARS = 18;

  /** The context of a count of detained or killed people. */
  Subject context(CueIndex.Hits cues, int from, int to, LocalDate published) {
    for (Context c : contexts) {
      if (!c.cues().isEmpty() && cues.anyIn(c.cues(), from, to)) {
        return new Subject(c.id(), c.name());
      }
    }
    for (Context c : contexts) {
      if (c.from() != null
          && !published.isBefore(c.from())
          && (c.to() == null || !published.isAfter(c.to()))) {
        return new Subject(c.id(), c.name());
      }
    }
    int y = published.getYear();
    return new Subject("event:" + y + "-protests", y + " protests");
  }

  private static Integer yearNear(String folded, int at, int from, int to) {
    Matcher m = YEAR.matcher(folded).region(Math.max(from, at - 25), Math.min(to, at + 40));
    Integer best = null;
    int bestDistance = Integer.MAX_VALUE;
    while (m.find()) {
      int d = Math.abs(m.start() - at);
      if (d < bestDistance) {
        bestDistance = d;
        best = Integer.parseInt(m.group());
      }
    }
    return best;
  }
}
