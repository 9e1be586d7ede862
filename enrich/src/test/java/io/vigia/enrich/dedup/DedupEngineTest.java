package io.vigia.enrich.dedup;

import static io.vigia.enrich.dedup.Fixtures.T0;
import static io.vigia.enrich.dedup.Fixtures.article;
import static io.vigia.enrich.dedup.Fixtures.hoursLater;
import static io.vigia.enrich.dedup.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.schemas.DedupStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DedupEngineTest {
  private static final String EN = text("timetable-en.txt");
  private static final String ES = text("timetable-es.txt");
  private static final String REACTION = text("timetable-reaction-en.txt");
  private static final String UNRELATED = text("unrelated-en.txt");
  private static final String WIRE = "https://wire.example/en/cne-sets-july-28";

  /** Six articles of one week about six other events, all naming the watch's usual actors. */
  private static final List<String> BACKGROUND =
      List.of(text("watch-background-en.txt").split("\n+===\n+"));

  /** Six articles of one week about other countries, naming none of the watch's actors. */
  private static final List<String> OTHER_BACKGROUND =
      List.of(text("other-background-en.txt").split("\n+===\n+"));

  private static final String AUDIT = text("audit-report-en.txt");
  private static final String AUDIT_OPINION = text("audit-opinion-en.txt");
  private static final String HOSPITAL = text("hospital-opening-en.txt");
  private static final String REGISTRATION = text("registration-drive-en.txt");

  private final MemoryDedupStore store = new MemoryDedupStore();
  private DedupEngine engine = new DedupEngine(store, DedupSettings.defaults());

  private DedupDecision original() {
    return engine.decide(article("a1", WIRE, "CNE sets July 28 for presidential vote", EN, T0));
  }

  @Test
  void shouldMarkTheFirstArticleOriginalInItsOwnStory() {
    DedupDecision d = original();
    assertThat(d.status()).isEqualTo(DedupStatus.ORIGINAL);
    assertThat(d.duplicateOf()).isNull();
    assertThat(d.storyId()).isEqualTo("a1");
    assertThat(d.storySources()).isEqualTo(1);
  }

  @Test
  void shouldMarkTheSameLinkFromAnotherFeedAsDuplicateByCanonicalUrl() {
    original();
    DedupDecision d =
        engine.decide(article("a2", WIRE, "Another feed's headline", EN, hoursLater(1)));
    assertThat(d.status()).isEqualTo(DedupStatus.DUPLICATE);
    assertThat(d.duplicateOf()).isEqualTo("a1");
    assertThat(d.reason()).isEqualTo("canonical-url");
  }

  @Test
  void shouldMarkTheSameFeedGuidOfOneSourceAsDuplicate() {
    engine.decide(
        new DedupInput(
            "a1", WIRE, "item-77", "h1", "wire.example", T0.toEpochMilli(), "t", EN, List.of()));
    DedupDecision d =
        engine.decide(
            new DedupInput(
                "a2",
                WIRE + "?page=1",
                "item-77",
                "h1",
                "wire.example",
                hoursLater(1).toEpochMilli(),
                "t",
                EN,
                List.of()));
    assertThat(d.status()).isEqualTo(DedupStatus.DUPLICATE);
    assertThat(d.reason()).isEqualTo("guid");
  }

  @Test
  void shouldNotConfuseTheSameGuidOfTwoSources() {
    engine.decide(
        new DedupInput(
            "a1", WIRE, "1", "h1", "wire.example", T0.toEpochMilli(), "t", EN, List.of()));
    DedupDecision d =
        engine.decide(
            new DedupInput(
                "b1",
                "https://other.example/x",
                "1",
                "h2",
                "other.example",
                hoursLater(1).toEpochMilli(),
                "t",
                UNRELATED,
                List.of()));
    assertThat(d.status()).isEqualTo(DedupStatus.ORIGINAL);
  }

  @Test
  void shouldMarkTheSameTextOnAnotherSiteAsDuplicateByContentHash() {
    original();
    DedupDecision d =
        engine.decide(
            article("b1", "https://mirror.example/cne", "Mirror", EN.toUpperCase(), hoursLater(2)));
    assertThat(d.status()).isEqualTo(DedupStatus.DUPLICATE);
    assertThat(d.duplicateOf()).isEqualTo("a1");
    assertThat(d.reason()).isEqualTo("content-hash");
  }

  @Test
  void shouldMarkASyndicatedCopyWithEditsAsNearDuplicateOfTheOriginal() {
    original();
    DedupDecision d =
        engine.decide(
            article(
                "b1",
                "https://republisher.example/partner/cne-date",
                "Venezuela will vote on July 28, electoral council says",
                Fixtures.syndicated(EN),
                hoursLater(5)));
    assertThat(d.status()).isEqualTo(DedupStatus.DUPLICATE);
    assertThat(d.duplicateOf()).isEqualTo("a1");
    assertThat(d.reason()).isIn("near-duplicate", "contained");
    assertThat(d.similarity()).isGreaterThan(0.5);
    assertThat(d.storyId()).isEqualTo("a1");
    assertThat(d.storySources()).isEqualTo(2);
  }

  @Test
  void shouldPointACopyOfACopyAtTheFirstSeenArticle() {
    original();
    engine.decide(
        article(
            "b1",
            "https://republisher.example/p/1",
            "Copy",
            Fixtures.syndicated(EN),
            hoursLater(5)));
    DedupDecision d =
        engine.decide(
            article(
                "c1",
                "https://aggregator.example/p/2",
                "Copy of copy",
                Fixtures.syndicated(EN) + "\n\nShared by an aggregator.",
                hoursLater(6)));
    assertThat(d.status()).isEqualTo(DedupStatus.DUPLICATE);
    assertThat(d.duplicateOf()).isEqualTo("a1");
    assertThat(d.storySources()).isEqualTo(3);
  }

  @Test
  void shouldMarkANewerVersionFromTheSameSourceAsAnUpdateOfTheOriginal() {
    original();
    DedupDecision d =
        engine.decide(
            article(
                "a9",
                "https://wire.example/en/update-1-cne-sets-july-28",
                "UPDATE 1-CNE sets July 28; voter count revised",
                Fixtures.updated(EN),
                hoursLater(4)));
    assertThat(d.status()).isEqualTo(DedupStatus.UPDATE);
    assertThat(d.duplicateOf()).isEqualTo("a1");
    assertThat(d.storySources()).isEqualTo(1);
  }

  @Test
  void shouldTreatAChangedTextUnderTheSameIdAsAnUpdateInPlace() {
    original();
    DedupDecision d =
        engine.decide(article("a1", WIRE, "CNE sets July 28", Fixtures.updated(EN), hoursLater(3)));
    assertThat(d.status()).isEqualTo(DedupStatus.UPDATE);
    assertThat(d.duplicateOf()).isEqualTo("a1");
    assertThat(d.replay()).isFalse();
  }

  @Test
  void shouldUpdateAChangedCopyInPlaceWithoutReplacingTheOriginalOfAnotherSource() {
    original();
    String copyUrl = "https://republisher.example/p/1";
    engine.decide(article("b1", copyUrl, "Copy", Fixtures.syndicated(EN), hoursLater(2)));
    DedupDecision d =
        engine.decide(
            article(
                "b1", copyUrl, "Copy", Fixtures.syndicated(Fixtures.updated(EN)), hoursLater(3)));
    assertThat(d.status()).isEqualTo(DedupStatus.UPDATE);
    assertThat(d.duplicateOf()).isEqualTo("b1");
    assertThat(d.storyId()).isEqualTo("a1");
  }

  @Test
  void shouldRecogniseAReplayOfTheSameArticle() {
    original();
    DedupDecision d =
        engine.decide(article("a1", WIRE, "CNE sets July 28 for presidential vote", EN, T0));
    assertThat(d.replay()).isTrue();
    assertThat(d.status()).isEqualTo(DedupStatus.ORIGINAL);
  }

  @Test
  void shouldPutATranslationInTheOriginalsStoryWithoutCallingItACopy() {
    original();
    DedupDecision d =
        engine.decide(
            article(
                "es1",
                "https://wire.example/es/cne-fija-28-julio",
                "El CNE fija el 28 de julio para la presidencial",
                ES,
                hoursLater(6)));
    assertThat(d.status()).isEqualTo(DedupStatus.ORIGINAL);
    assertThat(d.storyId()).isEqualTo("a1");
  }

  @Test
  void shouldGroupAnotherOutletsArticleOnTheSameEventAndCountItsSource() {
    // A watch that has run for a week: the state can tell the event's own names from the watch's
    // famous ones, so a report 20 hours later joins by them.
    background(engine);
    original();
    engine.decide(
        article(
            "b1",
            "https://republisher.example/p/1",
            "Copy",
            Fixtures.syndicated(EN),
            hoursLater(2)));
    DedupDecision d =
        engine.decide(
            article(
                "r1",
                "https://daily.example/politics/opposition-weighs-options",
                "Opposition weighs its options after CNE sets the date",
                REACTION,
                hoursLater(20)));
    assertThat(d.status()).isEqualTo(DedupStatus.ORIGINAL);
    assertThat(d.storyId()).isEqualTo("a1");
    assertThat(d.storySources()).isEqualTo(3);
  }

  @Test
  void shouldNotJoinAReportADayLaterWhileTheStateCannotTellRareNamesFromFamousOnes() {
    // On a state of one article nothing tells the event's own names from the president's: the
    // rarity-weighted cosine has nothing to weigh, and the alignment is a test for a translation
    // or rewrite published within hours, not 20 hours later.
    original();
    DedupDecision d =
        engine.decide(
            article(
                "r1",
                "https://daily.example/politics/opposition-weighs-options",
                "Opposition weighs its options after CNE sets the date",
                REACTION,
                hoursLater(20)));
    assertThat(d.storyId()).isEqualTo("r1");
  }

  @Test
  void shouldKeepAnUnrelatedArticleInItsOwnStory() {
    original();
    DedupDecision d =
        engine.decide(
            article(
                "u1",
                "https://daily.example/economy/rates",
                "Central bank holds",
                UNRELATED,
                hoursLater(1)));
    assertThat(d.status()).isEqualTo(DedupStatus.ORIGINAL);
    assertThat(d.storyId()).isEqualTo("u1");
  }

  @Test
  void shouldNotGroupArticlesPublishedFurtherApartThanTheStoryWindow() {
    original();
    DedupDecision d =
        engine.decide(
            article(
                "es1",
                "https://wire.example/es/cne-fija-28-julio",
                "El CNE fija",
                ES,
                hoursLater(24 * 10)));
    assertThat(d.storyId()).isEqualTo("es1");
  }

  @Test
  void shouldDecideOnArticleTimeSoABackfillMatchesTheLiveStream() {
    // A year-old backfill processed today: decided by the articles' own times, not the clock.
    java.time.Instant old = T0.minus(Duration.ofDays(365));
    engine.decide(article("a1", WIRE, "t", EN, old));
    DedupDecision copy =
        engine.decide(
            article(
                "b1",
                "https://republisher.example/p/1",
                "t",
                Fixtures.syndicated(EN),
                old.plusSeconds(3600)));
    DedupDecision translation =
        engine.decide(article("es1", "https://wire.example/es/x", "t", ES, old.plusSeconds(7200)));
    assertThat(copy.duplicateOf()).isEqualTo("a1");
    assertThat(translation.storyId()).isEqualTo("a1");
  }

  @Test
  void shouldForgetArticlesOlderThanTheRetentionInArticleTime() {
    engine = new DedupEngine(store, Fixtures.withRetention(Duration.ofDays(2)));
    engine.decide(article("a1", WIRE, "t", EN, T0));
    int withOne = store.size();
    engine.decide(
        article(
            "u1",
            "https://daily.example/economy/rates",
            "t",
            UNRELATED,
            T0.plus(Duration.ofDays(3))));
    // The first article is forgotten: a copy of it now is new, and the state holds one article
    // again.
    assertThat(store.size()).isLessThanOrEqualTo(withOne + 1);
    DedupDecision d =
        engine.decide(
            article(
                "b1",
                "https://republisher.example/p/1",
                "t",
                Fixtures.syndicated(EN),
                T0.plus(Duration.ofDays(3))));
    assertThat(d.status()).isEqualTo(DedupStatus.ORIGINAL);
  }

  @Test
  void shouldKeepTheStateBoundedOverAStreamLongerThanTheRetention() {
    engine = new DedupEngine(store, Fixtures.withRetention(Duration.ofDays(1)));
    int afterFirstDays = 0;
    for (int i = 0; i < 400; i++) {
      String text =
          UNRELATED.replace("10.75%", (i % 97) + "." + i + "%")
              + "\n\nItem "
              + i
              + " of a long series number "
              + (i * 7919);
      engine.decide(
          article(
              "x" + i,
              "https://daily.example/n/" + i,
              "n " + i,
              text,
              T0.plus(Duration.ofHours(i))));
      if (i == 100) {
        afterFirstDays = store.size();
      }
    }
    assertThat(store.size()).isLessThan(afterFirstDays * 2);
  }

  // ---------------------------------------------------------------- stories by rare shared names

  /**
   * The background week, one article a day from eight to three days before T0, each from its own
   * outlet: far enough that the ordered alignment, which counts common names as much as rare ones
   * and is discounted over a couple of days, does not group the short background pieces with the
   * articles under test.
   */
  private void background(DedupEngine e) {
    background(e, BACKGROUND);
  }

  private static void background(DedupEngine e, List<String> texts) {
    for (int i = 0; i < texts.size(); i++) {
      DedupDecision d =
          e.decide(
              article(
                  "bg" + i,
                  "https://outlet" + i + ".example/news/" + i,
                  "News " + i,
                  texts.get(i),
                  T0.minus(Duration.ofDays(texts.size() + 2 - i))));
      assertThat(d.storyId()).as("background article %d is its own story", i).isEqualTo("bg" + i);
    }
  }

  private DedupDecision hospitalThenDrive(DedupEngine e) {
    e.decide(
        article(
            "hospital",
            "https://daily.example/health/petare-hospital",
            "Maduro opens children's hospital in Petare",
            HOSPITAL,
            T0));
    return e.decide(
        article(
            "drive",
            "https://wire.example/en/young-voters-drive",
            "Electoral council starts drive to register 1.2 million young voters",
            REGISTRATION,
            hoursLater(60)));
  }

  private DedupDecision audit(DedupEngine e) {
    return e.decide(
        article(
            "audit",
            "https://wire.example/en/audit-tally-sheets",
            "Institute for Electoral Integrity finds 1,243 tally sheets at odds with official results",
            AUDIT,
            T0));
  }

  private DedupDecision auditOpinion(DedupEngine e, long hoursLater) {
    return e.decide(
        article(
            "opinion",
            "https://dispatch.example/opinion/audit-recount",
            "Opinion: the Institute for Electoral Integrity's audit deserves a recount, not a speech",
            AUDIT_OPINION,
            hoursLater(hoursLater)));
  }

  @Test
  void shouldPutAnOpinionPieceDaysAfterTheNewsInItsStoryWhenItNamesTheSameSpecificActors() {
    background(engine);
    audit(engine);
    // 78 hours later, another outlet, another text: past the three days in which the ordered
    // alignment can still tell, but it names the same institute, director, states and figures.
    DedupDecision d = auditOpinion(engine, 78);
    assertThat(d.status()).isEqualTo(DedupStatus.ORIGINAL);
    assertThat(d.storyId()).isEqualTo("audit");
    assertThat(d.storySources()).isEqualTo(2);
  }

  @Test
  void shouldNotGroupTheOpinionPieceAfterTheStoryWindow() {
    background(engine);
    audit(engine);
    assertThat(auditOpinion(engine, 24 * 8).storyId()).isEqualTo("opinion");
  }

  @Test
  void shouldNotGroupTwoEventsThatShareOnlyNamesEveryArticleOfTheWatchHas() {
    background(engine);
    // Both name Maduro, Machado, Caracas, Venezuela and the CNE, and nothing else in common:
    // every article of the past week names those.
    assertThat(hospitalThenDrive(engine).storyId()).isEqualTo("drive");
  }

  @Test
  void shouldWeighSharedNamesByHowCommonTheyAreInTheState() {
    // The same two articles after a week of news about other countries: nothing else names
    // Maduro, Machado, Caracas or the CNE, so sharing all of them is a strong match.
    background(engine, OTHER_BACKGROUND);
    assertThat(hospitalThenDrive(engine).storyId()).isEqualTo("hospital");
  }

  @Test
  void shouldNotGroupByWeightedNamesOnAnEmptyStateThatCannotTellWhichNamesAreCommon() {
    // With nothing to compare with, every name the first article has is in every article the
    // state holds, so it tells nothing; only the ordered alignment can group, and it does not here.
    assertThat(hospitalThenDrive(engine).storyId()).isEqualTo("drive");
  }

  @Test
  void shouldDecideStoriesTheSameWhenRestartedBetweenArticlesAsCountsAreReadBackFromTheStore() {
    List<String> continuous = storiesOfTheAuditWeek(() -> engine);
    MemoryDedupStore other = new MemoryDedupStore();
    List<String> restarted =
        storiesOfTheAuditWeek(() -> new DedupEngine(other, DedupSettings.defaults()));
    assertThat(restarted).isEqualTo(continuous).endsWith("audit", "audit");
  }

  private List<String> storiesOfTheAuditWeek(Supplier<DedupEngine> engines) {
    List<String> stories = new ArrayList<>();
    for (int i = 0; i < BACKGROUND.size(); i++) {
      stories.add(
          engines
              .get()
              .decide(
                  article(
                      "bg" + i,
                      "https://outlet" + i + ".example/news/" + i,
                      "News " + i,
                      BACKGROUND.get(i),
                      T0.minus(Duration.ofDays(BACKGROUND.size() + 2 - i))))
              .storyId());
    }
    stories.add(audit(engines.get()).storyId());
    stories.add(auditOpinion(engines.get(), 78).storyId());
    return stories;
  }

  @Test
  void shouldCountOnlyOriginalsAndForgetTheirCountsWithThem() {
    engine = new DedupEngine(store, Fixtures.withRetention(Duration.ofDays(2)));
    engine.decide(article("a1", WIRE, "t", EN, T0));
    engine.decide(
        article(
            "b1", "https://republisher.example/p/1", "t", Fixtures.syndicated(EN), hoursLater(1)));
    // A syndicated copy does not make the original's names look common.
    assertThat(new DedupState(store, 32).counts().articles()).isOne();
    engine.decide(
        article(
            "u1",
            "https://daily.example/economy/rates",
            "t",
            UNRELATED,
            T0.plus(Duration.ofDays(3))));
    // The first article and its copy are forgotten, and their names with them: only the last one's
    // are counted.
    // Counted again from the stored articles, as a restarted task does.
    FeatureCounts counts = new DedupState(store, 32).counts();
    assertThat(counts.articles()).isOne();
    long[] features = Fingerprint.of("t", UNRELATED, List.of()).features();
    assertThat(counts.features()).isEqualTo(features.length);
    for (long f : features) {
      assertThat(counts.articlesWith(f)).isOne();
    }
  }
}
