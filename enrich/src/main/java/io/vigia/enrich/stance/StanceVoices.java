package io.vigia.enrich.stance;

import io.vigia.enrich.text.TermMatcher;
import io.vigia.enrich.text.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whose words an article carries: per target, how many of its speech sentences (a sentence with a
 * quotation longer than a scare quote, or with a word of attribution outside quotation marks) are
 * given to a speaker of each camp of the profile's {@code voices:}. State media let ministers and
 * the electoral authority speak; the opposition press quotes opposition leaders and human-rights
 * NGOs; wire copy quotes both. The speaker of a sentence is the camp's name or role word outside
 * quotation marks nearest to its verb of saying or to its quotation (on a tie, the earlier one: the
 * subject comes first in "the minister accused the opposition"); a name only mentioned, in a
 * sentence that reports nobody's words, is no one's voice.
 */
public final class StanceVoices {
  static final int FAVOR = 0;
  static final int AGAINST = 1;
  static final int OTHER = 2;

  /** Speech sentences given to each camp's speakers, and to others (analysts, mediators). */
  public record Counts(int favor, int against, int other) {
    public static final Counts NONE = new Counts(0, 0, 0);
  }

  private record Speaker(int target, int side) {}

  private final TermMatcher<Speaker> speakers = new TermMatcher<>();
  private final int targets;
  private final boolean any;

  StanceVoices(StanceCues cues) {
    this.targets = cues.targets().size();
    boolean found = false;
    for (int t = 0; t < targets; t++) {
      StanceCues.Speakers s = cues.targets().get(t).voices();
      int target = t;
      s.favor().forEach(w -> speakers.add(w, new Speaker(target, FAVOR)));
      s.against().forEach(w -> speakers.add(w, new Speaker(target, AGAINST)));
      s.other().forEach(w -> speakers.add(w, new Speaker(target, OTHER)));
      found |= !s.isEmpty();
    }
    this.any = found;
  }

  /**
   * Counts per target, in the profile's order.
   *
   * @param anchors token indexes of the words of attribution found outside quotation marks (not
   *     hedged), in any order
   */
  List<Counts> count(
      Tokens tokens, List<QuotationSpans.Span> quotes, Sentences sentences, int[] anchors) {
    List<Counts> out = new ArrayList<>(targets);
    List<TermMatcher.Hit<Speaker>> hits = any ? speakers.findAll(tokens) : List.of();
    if (hits.isEmpty()) {
      for (int t = 0; t < targets; t++) {
        out.add(Counts.NONE);
      }
      return out;
    }
    // What makes a sentence speech, as token positions: verbs of saying and quotations' edges.
    int[] at = Arrays.copyOf(anchors, anchors.length + 2 * quotes.size());
    int n = anchors.length;
    for (QuotationSpans.Span q : quotes) {
      if (!q.isScareQuote()) {
        int first = tokenAt(tokens, q.start());
        int last = tokenAt(tokens, q.end()) - 1;
        if (first <= last) {
          at[n++] = first;
          at[n++] = last;
        }
      }
    }
    int[] sentenceOf = new int[n];
    for (int i = 0; i < n; i++) {
      sentenceOf[i] = sentences.indexOf(tokens.start(at[i]));
    }
    // Per target and sentence: the nearest speaker so far (distance, position, side).
    int size = sentences.size();
    int[][] distance = new int[targets][size];
    int[][] position = new int[targets][size];
    int[][] side = new int[targets][size];
    for (int[] d : distance) {
      Arrays.fill(d, Integer.MAX_VALUE);
    }
    for (TermMatcher.Hit<Speaker> h : hits) {
      int start = tokens.start(h.from());
      if (QuotationSpans.enclosing(quotes, start) != null) {
        continue; // a name inside the quotation is spoken of, not speaking
      }
      int sentence = sentences.indexOf(start);
      int best = Integer.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        if (sentenceOf[i] == sentence) {
          int a = at[i];
          best = Math.min(best, a < h.from() ? h.from() - a : a >= h.to() ? a - h.to() + 1 : 0);
        }
      }
      int t = h.value().target();
      if (best < distance[t][sentence]
          || best == distance[t][sentence]
              && best != Integer.MAX_VALUE
              && h.from() < position[t][sentence]) {
        distance[t][sentence] = best;
        position[t][sentence] = h.from();
        side[t][sentence] = h.value().side();
      }
    }
    for (int t = 0; t < targets; t++) {
      int[] c = new int[3];
      for (int s = 0; s < size; s++) {
        if (distance[t][s] != Integer.MAX_VALUE) {
          c[side[t][s]]++;
        }
      }
      out.add(new Counts(c[FAVOR], c[AGAINST], c[OTHER]));
    }
    return out;
  }

  /** The first token starting at or after {@code offset} ({@code tokens.size()} if none). */
  private static int tokenAt(Tokens tokens, int offset) {
    int lo = 0;
    int hi = tokens.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens.start(mid) < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
