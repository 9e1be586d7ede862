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
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Target-dependent stance from framing cues, with the evidence that decided it. For every target of
 * the profile, cues for and against are found in the headline and body. A cue in the outlet's own
 * voice counts fully; inside a quotation it counts the {@code attributed} share, and in a sentence
 * that names its speaker ("said", "según", "accused") the {@code reported} share: reporting harsh
 * words is not taking a side. A negated cue ("no hubo fraude") does not count; a hedged one ("el
 * supuesto fraude") counts for the other side. A scare quote (one to three words in quotes in a
 * sentence that names no speaker) mocks what it quotes: around one side's cue it counts for the
 * other side, around a legitimising word ("won", “interim president”) against the target it most
 * specifically names. Headline cues count {@code headline} times. Offsets of the evidence are into
 * {@code title + "\n\n" + text}.
 */
public final class CueStanceScorer implements StanceScorer {
  private static final int MAX_EVIDENCE = 6;
  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  /** A cue of one family; {@code side} null for a neutral (wire-style) family. */
  private record Cue(int target, int family, Boolean favor, String cue, double weight) {}

  private final StanceCues cues;
  private final TermMatcher<Cue> matcher = new TermMatcher<>();
  private final List<TermMatcher<String>> scareWords = new ArrayList<>();
  private final TermMatcher<Boolean> attribution = new TermMatcher<>();
  private final TermMatcher<Boolean> hedges = new TermMatcher<>();
  private final StanceVoices voices;

  public CueStanceScorer(StanceCues cues) {
    this.cues = cues;
    this.voices = new StanceVoices(cues);
    cues.attribution().forEach(w -> attribution.add(w, Boolean.TRUE));
    cues.hedges().forEach(w -> hedges.add(w, Boolean.TRUE));
    for (int t = 0; t < cues.targets().size(); t++) {
      StanceCues.Target target = cues.targets().get(t);
      int idx = t;
      for (int f = 0; f < target.families().size(); f++) {
        StanceCues.Family family = target.families().get(f);
        Boolean side =
            family.side() == StanceCues.Side.NEUTRAL
                ? null
                : family.side() == StanceCues.Side.FAVOR;
        int fam = f;
        family.cues().forEach((c, w) -> matcher.add(c, new Cue(idx, fam, side, c, w)));
      }
      TermMatcher<String> scare = new TermMatcher<>();
      target.scareQuoted().forEach(w -> scare.add(w, w));
      scareWords.add(scare);
    }
  }

  /** Kinds of occurrence of a cue, each with its factor in the profile. */
  static final int OWN = 0;

  static final int QUOTED = 1;
  static final int REPORTED = 2;
  static final int HEDGED = 3;
  static final int SCARE = 4;
  private static final int KINDS = 5;

  /**
   * What one article shows toward one target before labels: the weighted cue totals for and against
   * under the profile's factors, the number of cue occurrences, the evidence, and the raw totals
   * per side, kind of occurrence and place ({@link #score(StanceCues)} recomputes the score under
   * other factors without reading the text again, which is what training does), and whose words it
   * carries ({@link StanceVoices}).
   */
  public record Tally(
      double favor,
      double against,
      int cues,
      List<Evidence> evidence,
      double[] parts,
      double[] families,
      Voice voice,
      StanceVoices.Counts speakers) {
    public double score() {
      return (favor - against) / Math.sqrt(1 + cues);
    }

    /** The score this article would have under the occurrence factors of {@code factors}. */
    public double score(StanceCues factors) {
      return (total(parts, true, factors) - total(parts, false, factors)) / Math.sqrt(1 + cues);
    }
  }

  /**
   * Slots per family in {@link Tally#families()}: own voice in the body, in the headline, and
   * speech.
   */
  public static final int FAMILY_SLOTS = 3;

  static final int FAMILY_BODY = 0;
  static final int FAMILY_HEADLINE = 1;
  static final int FAMILY_ATTRIBUTED = 2;

  /**
   * How the article speaks, whatever its cues: sentences, those that name a speaker, and the
   * quotations longer than a scare quote. Wire copy attributes nearly every sentence.
   */
  public record Voice(int sentences, int reportedSentences, int quotations) {}

  private static int part(boolean favorSide, int kind, boolean headline) {
    return (favorSide ? 0 : 2 * KINDS) + 2 * kind + (headline ? 1 : 0);
  }

  static double factor(StanceCues c, int kind, boolean headline) {
    double k =
        switch (kind) {
          case OWN -> 1.0;
          case QUOTED -> c.attributed();
          case REPORTED -> c.reported();
          case HEDGED -> c.hedged();
          default -> c.scare();
        };
    return headline ? k * c.headline() : k;
  }

  /** Raw total of one side's occurrences of one kind, headline and body together. */
  static double raw(double[] parts, boolean favorSide, int kind) {
    return parts[part(favorSide, kind, false)] + parts[part(favorSide, kind, true)];
  }

  private static double total(double[] parts, boolean favorSide, StanceCues c) {
    double sum = 0;
    for (int kind = 0; kind < KINDS; kind++) {
      sum +=
          parts[part(favorSide, kind, false)] * factor(c, kind, false)
              + parts[part(favorSide, kind, true)] * factor(c, kind, true);
    }
    return sum;
  }

  @Override
  public List<Stance> score(RawArticle article, List<Entity> entities) {
    // The cue rule reads no speakers: only a learned model weighs them.
    List<Tally> tallies = read(article.getTitle(), article.getText(), false, false).tallies();
    List<Stance> out = new ArrayList<>(tallies.size());
    for (int t = 0; t < tallies.size(); t++) {
      StanceCues.Target target = cues.targets().get(t);
      Tally tally = tallies.get(t);
      double s = tally.score();
      StanceLabel label =
          s >= target.favorThreshold()
              ? StanceLabel.FAVOR
              : s <= -target.againstThreshold() ? StanceLabel.AGAINST : StanceLabel.NEUTRAL;
      out.add(
          new Stance(target.name(), label, Math.round(s * 1000) / 1000.0, null, tally.evidence()));
    }
    return out;
  }

  /** Cue totals per target, in the order of the profile's targets. */
  public List<Tally> tally(String title, String text) {
    return read(title, text, false).tallies();
  }

  /** Channels of {@link Reading#channels()}: where a word stands and in whose voice. */
  public static final byte HEADLINE = 0;

  public static final byte BODY = 1;
  public static final byte SPEECH = 2;

  /**
   * One reading of an article: the cue totals per target, its words, and (when asked for) each
   * word's channel: {@link #HEADLINE}, the outlet's own voice in the body ({@link #BODY}), or
   * {@link #SPEECH} (inside a quotation longer than a scare quote, or in a sentence that names its
   * speaker). The stance model's lexical part reads the words by channel.
   */
  public record Reading(List<Tally> tallies, Tokens tokens, byte[] channels) {}

  /** {@link #tally}, keeping the words and, if {@code channels}, each word's channel. */
  public Reading read(String title, String text, boolean channels) {
    return read(title, text, channels, true);
  }

  /** {@link #read}, finding whose words the article carries only if {@code speakers}. */
  public Reading read(String title, String text, boolean channels, boolean speakers) {
    String head = title == null ? "" : title;
    String all = head + "\n\n" + (text == null ? "" : text);
    int bodyStart = head.length() + 2;
    Tokens tokens = Tokens.of(all);
    List<QuotationSpans.Span> quotes = QuotationSpans.of(all);
    Sentences sentences = Sentences.of(all, quotes);
    boolean[] reportedSentence = new boolean[sentences.size()];
    int reportedCount = 0;
    int quotations = 0;
    for (QuotationSpans.Span q : quotes) {
      quotations += q.isScareQuote() ? 0 : 1;
    }
    boolean[] hedgeAt = new boolean[tokens.size()];
    for (TermMatcher.Hit<Boolean> h : hedges.findAll(tokens)) {
      for (int i = h.from(); i < h.to(); i++) {
        hedgeAt[i] = true;
      }
    }
    List<TermMatcher.Hit<Boolean>> attributions = attribution.findAll(tokens);
    int[] anchors = new int[attributions.size()];
    int anchorCount = 0;
    for (TermMatcher.Hit<Boolean> h : attributions) {
      int at = tokens.start(h.from());
      if (!hedgeAt[h.from()] && QuotationSpans.enclosing(quotes, at) == null) {
        anchors[anchorCount++] = h.from();
        int sentence = sentences.indexOf(at);
        reportedCount += reportedSentence[sentence] ? 0 : 1;
        reportedSentence[sentence] = true;
      }
    }
    int n = cues.targets().size();
    double[][] parts = new double[n][4 * KINDS];
    int[] count = new int[n];
    double[][] families = new double[n][];
    for (int t = 0; t < n; t++) {
      families[t] = new double[cues.targets().get(t).families().size() * FAMILY_SLOTS];
    }
    List<List<Found>> evidence = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      evidence.add(new ArrayList<>());
    }
    Map<QuotationSpans.Span, List<Cue>> mocked = new HashMap<>();
    for (TermMatcher.Hit<Cue> h : matcher.findAll(tokens)) {
      Cue c = h.value();
      int start = tokens.start(h.from());
      int end = tokens.end(h.to() - 1);
      QuotationSpans.Span q = QuotationSpans.enclosing(quotes, start);
      boolean reported = reportedSentence[sentences.indexOf(start)];
      boolean inHeadline = start < bodyStart;
      int slot = c.family() * FAMILY_SLOTS;
      if (c.favor() == null) {
        // Wire-style vocabulary: a feature of the model, no side in the cue score.
        families[c.target()][
                slot
                    + (q != null || reported
                        ? FAMILY_ATTRIBUTED
                        : inHeadline ? FAMILY_HEADLINE : FAMILY_BODY)] +=
            1;
        continue;
      }
      if (q != null && q.isScareQuote() && !reported) {
        // A scare-quoted cue is mocked, not meant: the scare quote below counts it for the other
        // side.
        mocked.computeIfAbsent(q, k -> new ArrayList<>()).add(c);
        continue;
      }
      if (negated(tokens, h.from())) {
        continue; // "no hubo fraude", "not a dictatorship": the cue is denied, not asserted
      }
      boolean side = c.favor();
      int familySlot = slot + (inHeadline ? FAMILY_HEADLINE : FAMILY_BODY);
      int kind = OWN;
      String how = "";
      if (q != null) {
        kind = QUOTED; // inside a quotation (or a partial quote in a reported sentence)
        how = " (quoted)";
        familySlot = slot + FAMILY_ATTRIBUTED;
      } else if (reported) {
        kind = REPORTED;
        how = " (reported)";
        familySlot = slot + FAMILY_ATTRIBUTED;
      } else if (hedged(tokens, hedgeAt, h.from())) {
        side =
            !side; // "el supuesto fraude", "so-called dictatorship": doubting the claim takes the
        // other side
        kind = HEDGED;
        how = " (hedged)";
        familySlot = -1; // a doubted cue is not its family's framing
      }
      if (familySlot >= 0) {
        families[c.target()][familySlot] += 1;
      }
      double w = add(c.target(), side, kind, inHeadline, c.weight(), parts, count);
      evidence
          .get(c.target())
          .add(new Found(start, end, side, c.cue(), how, w, q != null || reported));
    }
    for (QuotationSpans.Span q : quotes) {
      if (!q.isScareQuote()) {
        continue;
      }
      // A cue quoted in a sentence that names its speaker (Blinken called it a “sham”) is a
      // partial quote, counted above as quoted speech and absent here; a legitimising word in
      // quotes (“won”) is a scare quote even there: no speaker's claim needs quoting as “won”.
      List<Cue> inside = mocked.get(q);
      boolean inHeadline = q.start() < bodyStart;
      String quoted = all.substring(q.start(), q.end());
      boolean[] done = new boolean[n];
      if (inside != null) {
        // Scare quotes around one side's word ("fraud", «victoria») mock that side's claim.
        for (Cue c : inside) {
          if (!done[c.target()]) {
            done[c.target()] = true;
            boolean side = !c.favor();
            double w = add(c.target(), side, SCARE, inHeadline, 1.0, parts, count);
            evidence
                .get(c.target())
                .add(
                    new Found(
                        q.start() - 1,
                        q.end() + 1,
                        side,
                        "scare quotes around \u201C" + quoted + "\u201D",
                        "",
                        w,
                        false));
          }
        }
        continue;
      }
      // The most specific scare word decides whom it mocks: “interim president” is about the
      // opposition's claim even though “president” alone would point at the government.
      Tokens words = Tokens.of(quoted);
      int[] longest = new int[n];
      int best = 0;
      for (int t = 0; t < n; t++) {
        for (TermMatcher.Hit<String> h : scareWords.get(t).findAll(words)) {
          longest[t] = Math.max(longest[t], h.to() - h.from());
        }
        best = Math.max(best, longest[t]);
      }
      for (int t = 0; t < n; t++) {
        if (best > 0 && longest[t] == best) {
          double w = add(t, false, SCARE, inHeadline, 1.0, parts, count);
          evidence
              .get(t)
              .add(
                  new Found(
                      q.start() - 1,
                      q.end() + 1,
                      false,
                      "scare quotes around \u201C" + quoted + "\u201D",
                      "",
                      w,
                      false));
        }
      }
    }
    byte[] channel = null;
    if (channels) {
      channel = new byte[tokens.size()];
      for (int i = 0; i < tokens.size(); i++) {
        int at = tokens.start(i);
        QuotationSpans.Span q = at < bodyStart ? null : QuotationSpans.enclosing(quotes, at);
        channel[i] =
            at < bodyStart
                ? HEADLINE
                : (q != null && !q.isScareQuote()) || reportedSentence[sentences.indexOf(at)]
                    ? SPEECH
                    : BODY;
      }
    }
    List<StanceVoices.Counts> said =
        speakers
            ? voices.count(tokens, quotes, sentences, Arrays.copyOf(anchors, anchorCount))
            : Collections.nCopies(n, StanceVoices.Counts.NONE);
    List<Tally> out = new ArrayList<>(n);
    for (int t = 0; t < n; t++) {
      List<Found> found = evidence.get(t);
      found.sort(Comparator.comparingDouble((Found f) -> -f.weight()));
      List<Evidence> ev = new ArrayList<>(Math.min(MAX_EVIDENCE, found.size()));
      for (Found f : found.subList(0, Math.min(MAX_EVIDENCE, found.size()))) {
        ev.add(f.evidence(all)); // only the evidence shown pays for its sentence and label
      }
      out.add(
          new Tally(
              total(parts[t], true, cues),
              total(parts[t], false, cues),
              count[t],
              List.copyOf(ev),
              parts[t],
              families[t],
              new Voice(sentences.size(), reportedCount, quotations),
              said.get(t)));
    }
    return new Reading(out, tokens, channel);
  }

  /** One cue occurrence, turned into {@link Evidence} only if it is among the strongest. */
  private record Found(
      int start,
      int end,
      boolean favorSide,
      String what,
      String how,
      double weight,
      boolean attributed) {
    Evidence evidence(String all) {
      return new Evidence(
          sentenceAround(all, start, end),
          start,
          end,
          (favorSide ? "favor: " : "against: ") + what + how,
          favorSide ? weight : -weight,
          attributed);
    }
  }

  /** Counts one occurrence and returns its weight under the profile's factors. */
  private double add(
      int target,
      boolean favorSide,
      int kind,
      boolean headline,
      double raw,
      double[][] parts,
      int[] count) {
    parts[target][part(favorSide, kind, headline)] += raw;
    count[target]++;
    return raw * factor(cues, kind, headline);
  }

  private static final java.util.Set<String> NEGATIONS =
      java.util.Set.of("no", "ni", "sin", "nunca", "jamas", "not", "never", "without", "nor");

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

  /** A hedge among the two words before a cue ("la supuesta dictadura", "the so-called regime"). */
  private static boolean hedged(Tokens t, boolean[] hedgeAt, int at) {
    for (int i = at - 1; i >= Math.max(0, at - 2); i--) {
      if (hedgeAt[i]) {
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

  /**
   * The sentence (at most ~240 characters) around a cue, for an analyst to read the evidence in
   * context.
   */
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
    String sentence = WHITESPACE.matcher(text.substring(from, to).strip()).replaceAll(" ");
    return sentence.isEmpty() ? text.substring(start, end) : sentence;
  }
}
