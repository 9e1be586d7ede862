package io.vigia.enrich.relevance;

import io.vigia.enrich.text.Tokens;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an article is about Venezuela or mentions it in passing: where the Venezuelan terms and
 * anchor entities sit (headline, lead paragraph) and how many of the paragraphs name them. A piece
 * about another country's politics names Venezuela in one paragraph of five (deportees held in a
 * third country, a candidate's line about a summit, a neighbour's migration bill); a piece about
 * Venezuela names it in its headline or lead, or all through.
 *
 * @param inHeadline a Venezuelan term in the headline
 * @param inLead a Venezuelan term or anchor entity in the first paragraph
 * @param paragraphs paragraphs of the text
 * @param mentioning paragraphs that name a Venezuelan term or anchor entity
 * @param elsewhere another country is named (the profile's {@code elsewhere} group), or no
 *     Venezuelan anchor person or body is: only then can the article be about somewhere else
 */
record Aboutness(
    boolean inHeadline, boolean inLead, int paragraphs, int mentioning, boolean elsewhere) {

  /**
   * Share of paragraphs under which an article whose headline and lead do not name Venezuela
   * mentions it only in passing: less than one paragraph in three.
   */
  static final double PASSING_SHARE = 1.0 / 3;

  /** Fewer paragraphs than this tell nothing by their share (a brief, a headline-only item). */
  static final int MIN_PARAGRAPHS = 3;

  /**
   * @param venezuelanAt character offsets in the text of the Venezuelan terms found there
   * @param anchorNames folded last words of the linked anchor entities
   */
  static Aboutness of(
      Tokens text,
      boolean inHeadline,
      List<Integer> venezuelanAt,
      Set<String> anchorNames,
      boolean elsewhere) {
    int[] starts = paragraphStarts(text.text());
    int paragraphs = starts.length + 1;
    boolean[] named = new boolean[paragraphs];
    for (int at : venezuelanAt) {
      named[paragraphOf(starts, at)] = true;
    }
    if (!anchorNames.isEmpty()) {
      for (int i = 0; i < text.size(); i++) {
        if (anchorNames.contains(text.folded(i))) {
          named[paragraphOf(starts, text.start(i))] = true;
        }
      }
    }
    int mentioning = 0;
    for (boolean n : named) {
      mentioning += n ? 1 : 0;
    }
    return new Aboutness(inHeadline, named[0], paragraphs, mentioning, elsewhere);
  }

  /** Where each paragraph after the first starts: after a line break, at the next text. */
  private static int[] paragraphStarts(String s) {
    int[] out = new int[16];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        int j = i;
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
          j++;
        }
        if (j < s.length()) {
          if (n == out.length) {
            out = java.util.Arrays.copyOf(out, n * 2);
          }
          out[n++] = j;
        }
        i = j;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** The index of the paragraph that holds character {@code at}. */
  private static int paragraphOf(int[] starts, int at) {
    int i = java.util.Arrays.binarySearch(starts, at);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /**
   * Possibly about somewhere else ({@link #elsewhere}), Venezuela neither in the headline nor in
   * the lead, and in few paragraphs. A piece that names no other country but Venezuela's own people
   * or bodies is not about another country's politics, whatever its lead names (a Venezuelan piece
   * led by a primary commission and a turnout figure).
   */
  boolean inPassing() {
    return elsewhere
        && !inHeadline
        && !inLead
        && paragraphs >= MIN_PARAGRAPHS
        && mentioning < PASSING_SHARE * paragraphs;
  }

  /**
   * What the score is multiplied by: 1 for an article about Venezuela, the share of paragraphs that
   * name it for one that mentions it in passing (at most a third: below any threshold).
   */
  double factor() {
    return inPassing() ? (double) mentioning / paragraphs : 1.0;
  }

  String reason() {
    String where =
        inHeadline && inLead
            ? "venezuela terms in headline and lead"
            : inHeadline
                ? "venezuela terms in headline"
                : inLead ? "venezuela terms in lead" : "venezuela terms not in headline or lead";
    return String.format(
        Locale.ROOT,
        "%s, %d of %d paragraphs%s",
        where,
        mentioning,
        paragraphs,
        inPassing() ? ": venezuela only in passing" : "");
  }
}
