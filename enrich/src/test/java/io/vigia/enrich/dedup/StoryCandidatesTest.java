package io.vigia.enrich.dedup;

import static io.vigia.enrich.dedup.Fixtures.T0;
import static io.vigia.enrich.dedup.Fixtures.article;
import static io.vigia.enrich.dedup.Fixtures.hoursLater;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Story candidates come from MinHash bands over the story features; the rules decide. A second
 * report that names only a few of a long report's actors, in the same order and an hour later (a
 * short wire item after a long report, a translation that keeps the main names), shares a fifth of
 * the features: the bands must still bring it up, or it is a new story however well it matches.
 * Sixty such pairs of invented names, each on its own state: every one must join.
 */
class StoryCandidatesTest {
  private static final String SYLLABLES = "ka ro mi zu te va lo ne shi da ri po gu fe ba tor lin";

  /** An invented name: three syllables, capitalised (nobody's name, so no other article has it). */
  private static String name(Random r) {
    String[] s = SYLLABLES.split(" ");
    String w = s[r.nextInt(s.length)] + s[r.nextInt(s.length)] + s[r.nextInt(s.length)];
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private static String storyOfShortReport(long seed) {
    Random r = new Random(seed);
    List<String> names = new ArrayList<>();
    while (names.size() < 30) {
      String n = name(r);
      if (!names.contains(n)) {
        names.add(n);
      }
    }
    StringBuilder report = new StringBuilder("The hearing ran late into the night.");
    for (int i = 0; i < names.size(); i += 3) {
      report
          .append(" Among those called were ")
          .append(names.get(i))
          .append(", ")
          .append(names.get(i + 1))
          .append(" and ")
          .append(names.get(i + 2))
          .append(", the clerk said.");
    }
    String brief =
        "A short item followed: witnesses named "
            + names.get(0)
            + " and "
            + names.get(5)
            + " first, then "
            + names.get(10)
            + ", later "
            + names.get(15)
            + " with "
            + names.get(20)
            + ", and finally "
            + names.get(25)
            + ", before the session closed.";
    DedupEngine engine = Fixtures.engineWithTwoBackgroundArticles();
    engine.decide(
        article("report", "https://wire.example/report", "Hearing", report.toString(), T0));
    return engine
        .decide(article("brief", "https://brief.example/brief", "Item", brief, hoursLater(1)))
        .storyId();
  }

  @Test
  void shouldBringUpAShortReportThatNamesAFifthOfALongOnesActors() {
    List<Long> split = new ArrayList<>();
    for (long seed = 0; seed < 60; seed++) {
      if (!storyOfShortReport(seed).equals("report")) {
        split.add(seed);
      }
    }
    assertThat(split).isEmpty();
  }
}
