package io.vigia.enrich.topology;

import static io.vigia.enrich.dedup.Fixtures.T0;
import static io.vigia.enrich.dedup.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.dedup.Fixtures;
import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Entity;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Relevance;
import io.vigia.schemas.testing.SampleArticles;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each dedup case through the whole topology: decode, analyse, relevance split, dedup, output keys.
 */
class DedupTopologyTest {
  @TempDir java.nio.file.Path stateDir;

  private static final String EN = text("timetable-en.txt");
  private static final String ES = text("timetable-es.txt");
  private static final String REACTION = text("timetable-reaction-en.txt");

  /** Irrelevant when the title says so; one entity found in every text. */
  private static final ArticleAnalyzer ANALYZER =
      new ArticleAnalyzer(
          (title, body, lang) ->
              List.of(new Entity("Q1", "Consejo Nacional Electoral", "ORG", 1, 0, true)),
          (a, e) -> new Relevance(!a.getTitle().startsWith("OFF-TOPIC"), 1.0, List.of()),
          (a, e) -> List.of());

  private TopologyHarness harness;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, EnrichedArticle> irrelevant;

  @BeforeEach
  void start() {
    harness = TopologyHarness.start(ANALYZER, "dedup-test", stateDir);
    enriched = harness.enriched();
    irrelevant = harness.irrelevant();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private RawArticle send(String url, String title, String text, long hoursAfterT0) {
    return harness.send(
        SampleArticles.raw(url, title, text)
            .setPublishedAt(T0.plus(Duration.ofHours(hoursAfterT0)))
            .setFetchedAt(T0.plus(Duration.ofHours(hoursAfterT0)))
            .build());
  }

  @Test
  void shouldPublishASyndicatedCopyAsDuplicateOfTheOriginalUnderItsOwnKey() {
    RawArticle a = send("https://wire.example/en/cne-date", "CNE sets the date", EN, 0);
    RawArticle b =
        send(
            "https://republisher.example/p/1",
            "Venezuela votes July 28",
            Fixtures.syndicated(EN),
            5);
    List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();
    assertThat(out).hasSize(2);
    assertThat(out.get(0).value.getDedup().getStatus()).isEqualTo(DedupStatus.ORIGINAL);
    assertThat(out.get(1).key).isEqualTo(b.getId());
    assertThat(out.get(1).value.getDedup().getStatus()).isEqualTo(DedupStatus.DUPLICATE);
    assertThat(out.get(1).value.getDedup().getDuplicateOf()).isEqualTo(a.getId());
    assertThat(out.get(1).value.getDedup().getStoryId()).isEqualTo(a.getId());
    assertThat(out.get(1).value.getDedup().getStorySources()).isEqualTo(2);
  }

  @Test
  void shouldKeyAnUpdateByTheOriginalsIdSoTheIndexReplacesIt() {
    RawArticle a = send("https://wire.example/en/cne-date", "CNE sets the date", EN, 0);
    send(
        "https://wire.example/en/update-1-cne-date",
        "UPDATE 1-CNE sets the date",
        Fixtures.updated(EN),
        3);
    List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();
    assertThat(out).hasSize(2);
    assertThat(out.get(1).key).isEqualTo(a.getId());
    assertThat(out.get(1).value.getDedup().getStatus()).isEqualTo(DedupStatus.UPDATE);
    assertThat(out.get(1).value.getDedup().getDuplicateOf()).isEqualTo(a.getId());
  }

  @Test
  void shouldDropAReplayOfAnArticleAlreadyPublished() {
    send("https://wire.example/en/cne-date", "CNE sets the date", EN, 0);
    send("https://wire.example/en/cne-date", "CNE sets the date", EN, 0);
    assertThat(enriched.readValuesToList()).hasSize(1);
  }

  @Test
  void shouldPutATranslationAndAnotherOutletsReportInTheOriginalsStory() {
    // A watch that has run for a week, so the later report can join by the event's own names.
    List<String> week = List.of(text("watch-background-en.txt").split("\n+===\n+"));
    for (int i = 0; i < week.size(); i++) {
      send("https://outlet" + i + ".example/news/" + i, "News " + i, week.get(i), -24L * (8 - i));
    }
    enriched.readValuesToList();
    RawArticle a = send("https://wire.example/en/cne-date", "CNE sets the date", EN, 0);
    send("https://wire.example/es/cne-fecha", "El CNE fija la fecha", ES, 6);
    send("https://daily.example/politics/opposition", "Opposition weighs options", REACTION, 20);
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).extracting(e -> e.getDedup().getStoryId()).containsOnly(a.getId());
    assertThat(out).extracting(e -> e.getDedup().getStatus()).containsOnly(DedupStatus.ORIGINAL);
    assertThat(out.get(2).getDedup().getStorySources()).isEqualTo(2);
  }

  @Test
  void shouldKeepIrrelevantArticlesOutOfTheDedupState() {
    send("https://offtopic.example/a", "OFF-TOPIC copy seen first", EN, 0);
    RawArticle relevant = send("https://wire.example/en/cne-date", "CNE sets the date", EN, 1);
    assertThat(irrelevant.readValuesToList()).hasSize(1);
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).getArticle().getId()).isEqualTo(relevant.getId());
    assertThat(out.get(0).getDedup().getStatus()).isEqualTo(DedupStatus.ORIGINAL);
    assertThat(out.get(0).getDedup().getStorySources()).isEqualTo(1);
  }
}
