package io.vigia.enrich.dedup;

import static io.vigia.enrich.dedup.Fixtures.T0;
import static io.vigia.enrich.dedup.Fixtures.article;
import static io.vigia.enrich.dedup.Fixtures.hoursLater;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * With every article that shares a sampled feature compared ({@link StoryCandidatesTest}), two
 * reports of one day filed from the same city, naming the same opposition leader and council, but
 * reporting different events (parties filing their lists, a hospital opened), stay two stories
 * (invented text). If the capitals at a sentence's start (the dateline, "CNE", "US") were read as
 * names, they would join on this young state of three originals, where famous names look rare
 * (docs/dedup.md, "Same-story pairs that split").
 */
class StorySameCityTest {
  private static final String COUNCIL =
      "CARACAS - The electoral council said on Monday that 14 parties had filed their lists for the"
          + " regional vote in Zulia and Lara. CNE officials will check the signatures of each"
          + " list within ten days. US observers were not invited, and María Corina Machado said"
          + " her coalition would name its candidates in Maracaibo next week.";
  private static final String HOSPITAL =
      "CARACAS - Nicolás Maduro opened a children's hospital in Petare on Monday, built with"
          + " Chinese loans and staffed by 300 doctors. US sanctions, he said, had delayed the"
          + " equipment by two years. CNE rules forbid campaigning at public works, Machado's"
          + " allies replied, and the Ministry of Health gave no date for the second wing.";

  @Test
  void shouldKeepTwoEventsOfOneCityAndOneDayApart() {
    DedupEngine engine = Fixtures.engineWithTwoBackgroundArticles();
    engine.decide(
        article("council", "https://wire.example/council", "Parties file lists", COUNCIL, T0));
    String story =
        engine
            .decide(
                article(
                    "hospital",
                    "https://tv.example/hospital",
                    "Maduro opens hospital",
                    HOSPITAL,
                    hoursLater(5)))
            .storyId();
    assertThat(story).isEqualTo("hospital");
  }
}
