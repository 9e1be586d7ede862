package io.vigia.enrich.dedup;

import static io.vigia.enrich.dedup.Fixtures.T0;
import static io.vigia.enrich.dedup.Fixtures.article;
import static io.vigia.enrich.dedup.Fixtures.hoursLater;
import static io.vigia.enrich.dedup.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stories need evidence of one event, not a famous name: three articles of one day that all name
 * the president, the country, the electoral council and the opposition leader, about three
 * different events (a comment on a neighbour's election, a speech to the militia, a foreign
 * candidate's attack on a summit), and a second outlet's report of the speech.
 */
class StoryEvidenceTest {
  private static final List<String> EVENTS =
      List.of(text("famous-name-events-en.txt").split("\n+===\n+"));

  private static final String[] TOWNS = {
    "Tucupido", "Guasdualito", "Carora", "Upata", "Tinaquillo", "Elorza", "Zaraza", "Araure"
  };
  private static final String[] PEOPLE = {"Rosalba Quintero", "Anselmo Piñango", "Yusmary Ladera"};

  /**
   * Three weeks of a watch: 24 articles about 24 other events, each naming its own town, person and
   * figure, and, as most articles of this watch do, the president, the country, its capital, the
   * electoral council and the opposition leader.
   */
  private static final List<String> BACKGROUND =
      java.util.stream.IntStream.range(0, 24)
          .mapToObj(StoryEvidenceTest::backgroundArticle)
          .toList();

  private static String backgroundArticle(int i) {
    String town = TOWNS[i % TOWNS.length] + (i < TOWNS.length ? "" : " " + PEOPLE[i % 3]);
    return "Officials said the works in "
        + town
        + " would cost "
        + (1000 + 37 * i)
        + " thousand bolívares, according to President Nicolás Maduro, who spoke in Caracas. "
        + "The opposition led by María Corina Machado said the CNE, the National Electoral "
        + "Council, had not answered its requests, and that Venezuela deserved better.\n\n"
        + "Residents of "
        + town
        + " said item "
        + (500 + 11 * i)
        + " of the budget had never arrived. The mayor, "
        + PEOPLE[(i + 1) % 3]
        + ", promised answers.\n\n"
        + filler(i);
  }

  /** Lower-case words in an order of their own: keeps the background articles from being copies. */
  private static String filler(int seed) {
    String[] words =
        ("roads water school clinic budget bridge market harvest teachers nurses buses prices "
                + "wages repairs power cuts queues rain river farm workshop bakery pharmacy fuel "
                + "drivers parents loans rent fares tools seeds cattle coffee maize fishing port")
            .split(" ");
    java.util.Random r = new java.util.Random(seed);
    StringBuilder b = new StringBuilder("Neighbours listed");
    for (int w = 0; w < 60; w++) {
      b.append(' ').append(words[r.nextInt(words.length)]);
    }
    return b.append('.').toString();
  }

  private static List<String> storiesOfTheDay(DedupSettings settings, boolean withBackground) {
    DedupEngine engine = new DedupEngine(new MemoryDedupStore(), settings);
    if (withBackground) {
      for (int i = 0; i < BACKGROUND.size(); i++) {
        engine.decide(
            article(
                "bg" + i,
                "https://outlet" + i + ".example/news/" + i,
                "News " + i,
                BACKGROUND.get(i),
                T0.minus(Duration.ofDays(BACKGROUND.size() + 2 - i))));
      }
    }
    String[] ids = {"neighbour", "militia", "summit", "militia-2"};
    String[] titles = {
      "Maduro congratulates neighbour's president-elect",
      "Maduro tells militia to stay on alert",
      "Candidate attacks regional summit",
      "Maduro orders militia exercise"
    };
    return java.util.stream.IntStream.range(0, ids.length)
        .mapToObj(
            i ->
                engine
                    .decide(
                        article(
                            ids[i],
                            "https://site" + i + ".example/" + ids[i],
                            titles[i],
                            EVENTS.get(i),
                            hoursLater(i)))
                    .storyId())
        .toList();
  }

  @Test
  void shouldKeepThreeEventsThatShareOnlyFamousNamesInThreeStories() {
    List<String> stories = storiesOfTheDay(DedupSettings.defaults(), true);
    assertThat(stories.subList(0, 3)).containsExactly("neighbour", "militia", "summit");
  }

  @Test
  void shouldGroupAnotherOutletsReportOfTheSameSpeechByItsRareNamesAndFigures() {
    // Fuerte Guaicaipuro, the exercise's name, 4.3 million and 120: nobody else wrote them.
    assertThat(storiesOfTheDay(DedupSettings.defaults(), true).get(3)).isEqualTo("militia");
  }

  @Test
  void shouldJoinTheFamousNameEventsWhenNoEvidenceIsAsked() {
    // The same day and the same famous names in the same order line up well enough for the
    // alignment measure alone: what the evidence gate is for.
    List<String> stories = storiesOfTheDay(Fixtures.withMinEvidence(0), true);
    assertThat(stories.subList(0, 3)).containsOnly("neighbour");
  }

  @Test
  void shouldKeepTheSummitApartOnAYoungStateWhereItsNamesAreInEveryStoredArticle() {
    // Without background, the names the summit piece shares with the two stored articles are in
    // both of them: no evidence of one event. (The second article, compared with the first alone,
    // cannot be told apart: a state of one article says nothing about which names are common.)
    List<String> stories = storiesOfTheDay(DedupSettings.defaults(), false);
    assertThat(stories.get(2)).isEqualTo("summit");
  }

  private static final List<String> NEIGHBOUR_DAY =
      List.of(text("neighbour-president-day-en.txt").split("\n+===\n+"));

  /**
   * Two events of one day that name the same neighbouring president, the country, its electoral
   * council, its president and the opposition in nearly the same order: his call with Caracas about
   * the count, and his government's border reception centre, 13 hours apart, on a state that holds
   * nothing else.
   */
  private static List<String> neighbourDay(DedupSettings settings) {
    DedupEngine engine = new DedupEngine(new MemoryDedupStore(), settings);
    String call =
        engine
            .decide(
                article(
                    "call",
                    "https://wire.example/lula-call",
                    "Lula asks Maduro to publish the tally sheets",
                    NEIGHBOUR_DAY.get(0),
                    T0))
            .storyId();
    String border =
        engine
            .decide(
                article(
                    "border",
                    "https://daily.example/pacaraima",
                    "Brazil opens second reception centre in Pacaraima",
                    NEIGHBOUR_DAY.get(1),
                    hoursLater(13)))
            .storyId();
    return List.of(call, border);
  }

  @Test
  void shouldKeepTwoEventsOfOneDayThatNameTheSameNeighbouringPresidentApart() {
    assertThat(neighbourDay(DedupSettings.defaults())).containsExactly("call", "border");
  }

  @Test
  void shouldJoinThoseTwoEventsWhenTheAlignmentIsDiscountedOverTwoDaysAsBefore() {
    // The rule the test above guards: names in the same order half a day apart are the usual order
    // of the watch's actors, not one report rewritten; discounted over two days they joined.
    DedupSettings d = DedupSettings.defaults();
    DedupSettings twoDays =
        new DedupSettings(
            d.retention(),
            d.storyWindow(),
            Duration.ofHours(48),
            d.nearDuplicateJaccard(),
            d.containment(),
            0.2,
            d.storyMinShared(),
            d.bucketSize(),
            d.storyNamesOverlap(),
            d.storyNamesDecay(),
            d.storyMinEvidence());
    assertThat(neighbourDay(twoDays)).containsExactly("call", "call");
  }

  @Test
  void shouldDiscountTheNamesCosineOverTwoDaysUntilFiveArticlesTellRareFromFamous() {
    // A name in half the watch's articles is missing from all of four others one time in 16.
    assertThat(StoryEvidence.namesDiscount(4, 48, 120)).isCloseTo(Math.exp(-1), within(1e-9));
    assertThat(StoryEvidence.namesDiscount(StoryEvidence.MIN_ARTICLES_FOR_RARITY, 48, 120))
        .isCloseTo(Math.exp(-48.0 / 120), within(1e-9));
  }
}
