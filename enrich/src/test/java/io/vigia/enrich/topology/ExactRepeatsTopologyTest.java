package io.vigia.enrich.topology;

import static io.vigia.enrich.dedup.Fixtures.T0;
import static io.vigia.enrich.dedup.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigia.common.config.Config;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.dedup.DedupSettings;
import io.vigia.enrich.dedup.Fixtures;
import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Entity;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Relevance;
import io.vigia.schemas.testing.SampleArticles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology's first step, the exact-repeat check keyed by the raw record's key, and the enrich
 * counters, through the whole topology with {@code TopologyTestDriver}.
 */
class ExactRepeatsTopologyTest {
  @TempDir java.nio.file.Path stateDir;

  private static final String EN = text("timetable-en.txt");
  private static final String REACTION = text("timetable-reaction-en.txt");
  private static final Duration RETENTION = Duration.ofDays(2);

  /** Counts analyses; irrelevant when the title says so; one entity in every text. */
  private final AtomicInteger analyses = new AtomicInteger();

  private final ArticleAnalyzer analyzer =
      new ArticleAnalyzer(
          (title, body, lang) -> {
            analyses.incrementAndGet();
            return List.of(new Entity("Q1", "Consejo Nacional Electoral", "ORG", 1, 0, true));
          },
          (a, e) -> new Relevance(!a.getTitle().startsWith("OFF-TOPIC"), 1.0, List.of()),
          (a, e) -> List.of());

  private final MeterRegistry registry = new SimpleMeterRegistry();
  private Topology topology;
  private TopologyHarness harness;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, EnrichedArticle> irrelevant;

  @BeforeEach
  void start() {
    topology = EnrichTopology.build(analyzer, "test", dedup(), new EnrichMeters(registry));
    harness = new TopologyHarness(topology, "repeats-test", stateDir);
    enriched = harness.enriched();
    irrelevant = harness.irrelevant();
  }

  private static DedupSettings dedup() {
    return DedupSettings.from(Config.builder().set("enrich.dedup.retention", "2d").build());
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private RawArticle article(String url, String title, String text, Duration after) {
    return SampleArticles.raw(url, title, text)
        .setPublishedAt(T0.plus(after))
        .setFetchedAt(T0.plus(after))
        .build();
  }

  private RawArticle send(RawArticle a) {
    return harness.send(a);
  }

  private double count(String name, String... tags) {
    var c = registry.find(name).tags(tags).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void shouldDropAnExactReplayBeforeAnalysingIt() {
    RawArticle a =
        article("https://wire.example/en/cne-date", "CNE sets the date", EN, Duration.ZERO);
    send(a);
    // Fetched again after a crash: a new fetch time, the same id and text.
    send(RawArticle.newBuilder(a).setFetchedAt(a.getFetchedAt().plusSeconds(600)).build());
    assertThat(enriched.readValuesToList()).hasSize(1);
    assertThat(analyses).as("the replay is never analysed").hasValue(1);
    assertThat(count("vigia.enrich.repeats.dropped")).isEqualTo(1);
    assertThat(count("vigia.enrich.dedup.decisions", "status", "replay"))
        .as("the full dedup never sees it")
        .isZero();
  }

  @Test
  void shouldLetAChangedTextThroughAsAnUpdateOfTheSameDocument() {
    RawArticle a =
        send(article("https://wire.example/en/cne-date", "CNE sets the date", EN, Duration.ZERO));
    send(
        article(
            "https://wire.example/en/cne-date",
            "CNE sets the date",
            Fixtures.updated(EN),
            Duration.ofHours(1)));
    List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();
    assertThat(out).hasSize(2);
    assertThat(out.get(1).key).isEqualTo(a.getId());
    assertThat(out.get(1).value.getDedup().getStatus()).isEqualTo(DedupStatus.UPDATE);
    assertThat(analyses).hasValue(2);
    assertThat(count("vigia.enrich.repeats.dropped")).isZero();
    assertThat(count("vigia.enrich.dedup.decisions", "status", "update", "reason", "canonical-url"))
        .isEqualTo(1);
  }

  @Test
  void shouldJudgeAReplayedOffTopicArticleAgainBecauseReplayIrrelevantDependsOnIt() {
    RawArticle offTopic =
        send(article("https://sports.example/a", "OFF-TOPIC baseball", REACTION, Duration.ZERO));
    send(offTopic);
    assertThat(irrelevant.readValuesToList()).hasSize(2);
    assertThat(analyses).hasValue(2);
    assertThat(count("vigia.enrich.articles.out", "destination", "irrelevant")).isEqualTo(2);
  }

  @Test
  void shouldForgetByArticleTimeNotWallClock() {
    RawArticle a =
        send(article("https://wire.example/en/cne-date", "CNE sets the date", EN, Duration.ZERO));
    harness.driver().advanceWallClockTime(Duration.ofDays(400));
    send(a);
    assertThat(analyses).as("a year of wall clock forgets nothing").hasValue(1);

    // An article published beyond the retention moves the clock on: the first one is forgotten.
    send(
        article(
            "https://daily.example/politics/opposition",
            "Opposition weighs options",
            REACTION,
            RETENTION.plusHours(1)));
    assertThat(remembered())
        .as("the store keeps only what is within retention")
        .containsExactly(SampleArticles.id("https://daily.example/politics/opposition"));
    send(a);
    assertThat(analyses).as("a replay older than the retention is analysed again").hasValue(3);
    assertThat(count("vigia.enrich.repeats.dropped")).isEqualTo(1);
  }

  @Test
  void shouldKeepTheRepeatMemoryInAChangeloggedStoreOfTheFirstSubTopology() {
    send(article("https://wire.example/en/cne-date", "CNE sets the date", EN, Duration.ZERO));
    assertThat(harness.driver().producedTopicNames())
        .contains("repeats-test-" + EnrichTopology.EXACT_REPEATS_STORE + "-changelog");

    TopologyDescription.Processor drop =
        topology.describe().subtopologies().stream()
            .flatMap(st -> st.nodes().stream())
            .filter(n -> n.name().equals("drop-exact-repeats"))
            .map(TopologyDescription.Processor.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(drop.stores()).containsExactly(EnrichTopology.EXACT_REPEATS_STORE);
    assertThat(drop.successors())
        .extracting(TopologyDescription.Node::name)
        .containsExactly("analyse");
    List<String> before = new ArrayList<>();
    for (TopologyDescription.Node n = drop; !n.predecessors().isEmpty(); ) {
      n = n.predecessors().iterator().next();
      before.add(n.name());
    }
    assertThat(before)
        .as("from the raw topic to the check: only decoding and the split of poison records")
        .containsExactly(
            "article", "decoded-0", "decoded-", "decode-raw-article", "read-raw-articles");
  }

  @Test
  void shouldCountEveryRecordByWhereItWent() {
    RawArticle a =
        send(article("https://wire.example/en/cne-date", "CNE sets the date", EN, Duration.ZERO));
    send(a);
    sendSyndicatedCopy();
    // Beyond the story window: a story of its own.
    sendStoryThirtyDaysOn();
    send(article("https://sports.example/a", "OFF-TOPIC baseball", REACTION, Duration.ofDays(30)));
    harness.send("bad", "not avro".getBytes());

    assertThat(count("vigia.enrich.articles.in")).isEqualTo(6);
    assertThat(count("vigia.enrich.articles.out", "destination", "enriched")).isEqualTo(3);
    assertThat(count("vigia.enrich.articles.out", "destination", "irrelevant")).isEqualTo(1);
    assertThat(count("vigia.enrich.articles.out", "destination", "dead-letter")).isEqualTo(1);
    assertThat(count("vigia.enrich.repeats.dropped")).isEqualTo(1);
    assertThat(count("vigia.enrich.dedup.decisions", "status", "original", "reason", "none"))
        .isEqualTo(2);
    assertThat(registry.find("vigia.enrich.dedup.decisions").tags("status", "duplicate").counters())
        .as("the syndicated copy")
        .singleElement()
        .satisfies(c -> assertThat(c.count()).isEqualTo(1));
    assertThat(count("vigia.enrich.stories", "story", "new")).isEqualTo(2);
    assertThat(count("vigia.enrich.stories", "story", "joined"))
        .as("the copy joins its original's story")
        .isEqualTo(1);
  }

  @Test
  void shouldSayHowManyArticlesTheDedupStateHolds() {
    assertThat(registry.get("vigia.enrich.dedup.articles.held").gauge().value()).isZero();
    send(article("https://wire.example/en/cne-date", "CNE sets the date", EN, Duration.ZERO));
    sendSyndicatedCopy();
    assertThat(registry.get("vigia.enrich.dedup.articles.held").gauge().value()).isEqualTo(2);

    // Thirty days on, past the two-day retention: the first two are forgotten.
    sendStoryThirtyDaysOn();

    assertThat(registry.get("vigia.enrich.dedup.articles.held").gauge().value()).isEqualTo(1);

    // A service started again in the same process (same registry) takes the gauge over.
    new EnrichMeters(registry).dedupHeld(5);
    assertThat(registry.get("vigia.enrich.dedup.articles.held").gauge().value()).isEqualTo(5);
  }

  /** The wire story's syndicated copy, five hours later. */
  private void sendSyndicatedCopy() {
    send(
        article(
            "https://republisher.example/p/1",
            "Venezuela votes July 28",
            Fixtures.syndicated(EN),
            Duration.ofHours(5)));
  }

  /** Another on-topic story thirty days on: beyond the story window and the two-day retention. */
  private void sendStoryThirtyDaysOn() {
    send(
        article(
            "https://wire.example/es/other",
            "Opposition weighs options",
            REACTION,
            Duration.ofDays(30)));
  }

  private List<String> remembered() {
    KeyValueStore<String, byte[]> store =
        harness.driver().getKeyValueStore(EnrichTopology.EXACT_REPEATS_STORE);
    List<String> ids = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = store.range("a|", "a}")) {
      it.forEachRemaining(kv -> ids.add(kv.key.substring(2)));
    }
    return ids;
  }
}
