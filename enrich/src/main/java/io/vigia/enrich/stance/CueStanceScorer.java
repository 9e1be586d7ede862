package io.vigia.enrich.stance;

import io.vigia.enrich.analysis.StanceScorer;
import io.vigia.enrich.text.TermMatcher;
import io.vigia.enrich.text.Tokens;
import io.vigia.schemas.Entity;
import io.vigia.schemas.Evidence;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Stance;
import io.vigia.schemas.StanceLabel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Target-dependent stance from framing cues, with the evidence that decided it. For every target
 * of the profile, cues for and against are found in the headline and body; a cue in the outlet's
 * voice counts fully, one inside attributed speech counts a fraction (reporting harsh words is
 * not taking a side), and a scare quote around a legitimising word ("won", "presidente") counts
 * against the target it mocks. Offsets of the evidence are into {@code title + "\n\n" + text}.
 */
public final class CueStanceScorer implements StanceScorer {
  private static final int MAX_EVIDENCE = 6;

  private record Cue(int target, boolean favor, String cue, double weight) {}

  private final StanceCues cues;
  private final TermMatcher<Cue> matcher = new TermMatcher<>();
  private final List<TermMatcher<String>> scareWords = new ArrayList<>();

  public CueStanceScorer(StanceCues cues) {
    this.cues = cues;
    for (int t = 0; t < cues.targets().size(); t++) {
      StanceCues.Target target = cues.targets().get(t);
      int idx = t;
      target.favor().forEach((c, w) -> matcher.add(c, new Cue(idx, true, c, w)));
      target.against().forEach((c, w) -> matcher.add(c, new Cue(idx, false, c, w)));
      TermMatcher<String> scare = new TermMatcher<>();
      target.scareQuoted().forEach(w -> scare.add(w, w));
      scareWords.add(scare);
    }
  }

  /** What one article shows toward each target before labels: used by scoring and by training. */
  public record Tally(double favor, double against, int cues, List<Evidence> evidence) {
    public double score() {
      return (favor - against) / Math.sqrt(1 + cues);
    }
  }

  @Override
  public List<Stance> score(RawArticle article, List<Entity> entities) {
    List<Tally> tallies = tally(article.getTitle(), article.getText());
    List<Stance> out = new ArrayList<>(tallies.size());
    for (int t = 0; t < tallies.size(); t++) {
      StanceCues.Target target = cues.targets().get(t);
      Tally tally = tallies.get(t);
      double s = tally.score();
      StanceLabel label = s >= target.favorThreshold() ? StanceLabel.FAVOR : s <= -target.againstThreshold() ? StanceLabel.AGAINST : StanceLabel.NEUTRAL;
      out.add(new Stance(target.name(), label, Math.round(s * 1000) / 1000.0, tally.evidence()));
    }
    return out;
  }

  /** Cue totals per target, in the order of the profile's targets. */
  public List<Tally> tally(String title, String text) {
    String all = (title == null ? "" : title) + "\n\n" + (text == null ? "" : text);
    Tokens tokens = Tokens.of(all);
    List<QuotationSpans.Span> quotes = QuotationSpans.of(all);
    int n = cues.targets().size();
    double[] favor = new double[n];
    double[] against = new double[n];
    int[] count = new int[n];
    List<List<Evidence>> evidence = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      evidence.add(new ArrayList<>());
    }
    for (TermMatcher.Hit<Cue> h : matcher.findAll(tokens)) {
      Cue c = h.value();
      int start = tokens.start(h.from());
      int end = tokens.end(h.to() - 1);
      QuotationSpans.Span q = enclosing(quotes, start);
      boolean attributed = q != null && !q.isScareQuote();
      if (q != null && q.isScareQuote()) {
        continue; // a scare-quoted cue is mocked, not meant: the scare quote below decides
      }
      if (negated(tokens, h.from())) {
        continue; // "no hubo fraude", "not a dictatorship": the cue is denied, not asserted
      }
      double w = c.weight() * (attributed ? cues.attributed() : 1.0);
      if (c.favor()) {
        favor[c.target()] += w;
      } else {
        against[c.target()] += w;
      }
      count[c.target()]++;
      evidence.get(c.target()).add(new Evidence(sentenceAround(all, start, end), start, end, (c.favor() ? "favor: " : "against: ") + c.cue(),
          c.favor() ? w : -w, attributed));
    }
    for (QuotationSpans.Span q : quotes) {
      if (!q.isScareQuote()) {
        continue;
      }
      // The most specific scare word decides whom it mocks: “interim president” is about the
      // opposition's claim even though “president” alone would point at the government.
      Tokens inside = Tokens.of(all.substring(q.start(), q.end()));
      int[] longest = new int[n];
      int best = 0;
      for (int t = 0; t < n; t++) {
        for (TermMatcher.Hit<String> h : scareWords.get(t).findAll(inside)) {
          longest[t] = Math.max(longest[t], h.to() - h.from());
        }
        best = Math.max(best, longest[t]);
      }
      for (int t = 0; t < n; t++) {
        if (best > 0 && longest[t] == best) {
          against[t] += cues.scare();
          count[t]++;
          evidence.get(t).add(new Evidence(sentenceAround(all, q.start() - 1, q.end() + 1), q.start() - 1, q.end() + 1,
              "against: scare quotes around \u201C" + all.substring(q.start(), q.end()) + "\u201D", -cues.scare(), false));
        }
      }
    }
    List<Tally> out = new ArrayList<>(n);
    for (int t = 0; t < n; t++) {
      List<Evidence> ev = evidence.get(t);
      ev.sort(Comparator.comparingDouble((Evidence e) -> -Math.abs(e.getWeight())));
      out.add(new Tally(favor[t], against[t], count[t], List.copyOf(ev.subList(0, Math.min(MAX_EVIDENCE, ev.size())))));
    }
    return out;
  }

  private static final java.util.Set<String> NEGATIONS = java.util.Set.of("no", "ni", "sin", "nunca", "jamas", "not", "never",
      "without", "nor");

  /** A negation among the three words before a cue, within its sentence. */
  private static boolean negated(Tokens t, int at) {
    for (int i = at - 1; i >= Math.max(0, at - 3); i--) {
      if (NEGATIONS.contains(t.folded(i))) {
        return true;
      }
      if (t.sentenceStart(i)) {
        return false;
      }
    }
    return false;
  }

  public StanceCues cues() {
    return cues;
  }

  private static QuotationSpans.Span enclosing(List<QuotationSpans.Span> quotes, int offset) {
    for (QuotationSpans.Span q : quotes) {
      if (q.contains(offset)) {
        return q;
      }
    }
    return null;
  }

  /** The sentence (at most ~240 characters) around a cue, for an analyst to read the evidence in context. */
  static String sentenceAround(String text, int start, int end) {
    int from = Math.max(0, start);
    while (from > 0 && from > start - 200 && ".!?\n".indexOf(text.charAt(from - 1)) < 0) {
      from--;
    }
    int to = Math.min(text.length(), end);
    while (to < text.length() && to < end + 200 && ".!?\n".indexOf(text.charAt(to)) < 0) {
      to++;
    }
    if (to < text.length() && ".!?".indexOf(text.charAt(to)) >= 0) {
      to++;
    }
    return text.substring(from, to).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).isEmpty() ? text.substring(start, end)
        : text.substring(from, to).strip().replaceAll("\\s+", " ");
  }
}
