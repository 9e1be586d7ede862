package io.vigia.enrich.stance;

import java.util.ArrayList;
import java.util.List;

/**
 * What the stance model sees of one article toward one target, from its cue {@link
 * CueStanceScorer.Tally}: the hand-weighted cue score, each cue family in the outlet's own voice,
 * and per side the cues of the headline, the cues in speech (quoted or reported: who says what),
 * the doubted ones (hedged or scare-quoted, already counted for the other side), and how the
 * article speaks (share of sentences that name a speaker, long quotations), and, when the profile
 * names each camp's speakers, whose words it carries (speech sentences given to each camp, and to
 * both). Counts enter as {@code log(1 + n)}: the tenth "régimen" says less than the first.
 */
public final class StanceFeatures {
  private final List<String> names;
  private final StanceCues.Target target;
  private final boolean voices;

  /**
   * @param voices whether to add the voice features ({@link StanceVoices}): a model records whether
   *     it was trained with them ({@code vigia stance-train --voices}), and is read the same way
   */
  public StanceFeatures(StanceCues.Target target, boolean voices) {
    this.target = target;
    this.voices = voices;
    List<String> n = new ArrayList<>();
    n.add("cue-score");
    for (StanceCues.Family f : target.families()) {
      n.add("family:" + f.name());
    }
    for (String side : List.of("favor", "against")) {
      n.add("headline:" + side);
      n.add("speech:" + side);
      n.add("doubted:" + side);
    }
    n.add("reported-share");
    n.add("quotations");
    if (voices) {
      // Whose words the article carries, and whether both camps speak (wire copy's balance).
      n.add("voice:favor");
      n.add("voice:against");
      n.add("voice:other");
      n.add("voice:both");
    }
    this.names = List.copyOf(n);
  }

  /** Whether a feature name is one of the voice features. */
  public static boolean voice(String name) {
    return name.startsWith("voice:");
  }

  /** Feature names, in the order of {@link #of}. */
  public List<String> names() {
    return names;
  }

  public double[] of(CueStanceScorer.Tally tally) {
    double[] x = new double[names.size()];
    int i = 0;
    x[i++] = tally.score();
    double[] fam = tally.families();
    double[][] side = new double[2][2]; // [favor, against][headline, speech]
    for (int f = 0; f < target.families().size(); f++) {
      int slot = f * CueStanceScorer.FAMILY_SLOTS;
      x[i++] =
          Math.log1p(
              fam[slot + CueStanceScorer.FAMILY_BODY]
                  + fam[slot + CueStanceScorer.FAMILY_HEADLINE]);
      StanceCues.Side s = target.families().get(f).side();
      if (s != StanceCues.Side.NEUTRAL) {
        int k = s == StanceCues.Side.FAVOR ? 0 : 1;
        side[k][0] += fam[slot + CueStanceScorer.FAMILY_HEADLINE];
        side[k][1] += fam[slot + CueStanceScorer.FAMILY_ATTRIBUTED];
      }
    }
    for (int k = 0; k < 2; k++) {
      boolean favor = k == 0;
      x[i++] = Math.log1p(side[k][0]);
      x[i++] = Math.log1p(side[k][1]);
      x[i++] =
          Math.log1p(
              CueStanceScorer.raw(tally.parts(), favor, CueStanceScorer.HEDGED)
                  + CueStanceScorer.raw(tally.parts(), favor, CueStanceScorer.SCARE));
    }
    CueStanceScorer.Voice v = tally.voice();
    x[i++] = v.sentences() == 0 ? 0 : (double) v.reportedSentences() / v.sentences();
    x[i++] = Math.log1p(v.quotations());
    if (voices) {
      StanceVoices.Counts c = tally.speakers();
      x[i++] = Math.log1p(c.favor());
      x[i++] = Math.log1p(c.against());
      x[i++] = Math.log1p(c.other());
      x[i] = Math.log1p(Math.min(c.favor(), c.against()));
    }
    return x;
  }
}
