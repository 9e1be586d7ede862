package io.vigia.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.dedup.DedupProcessor;
import io.vigia.schemas.ConflictingValue;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Entity;
import io.vigia.schemas.Figure;
import io.vigia.schemas.FigureConflict;
import io.vigia.schemas.Relevance;
import io.vigia.schemas.testing.SampleArticles;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures of one election in two stories days apart, through the whole topology: the later article
 * carries the election-wide conflict its claims are in (RecordFigures over dedup's store).
 */
class ElectionFiguresTopologyTest {
  @TempDir java.nio.file.Path stateDir;

  private static final String Y2024 = "event:2024-presidential-election";

  /**
   * Each article's figure is the quantity, voice and value its title names; {@code acrossStories}
   * is the profile's {@code conflicts: {across-stories}}.
   */
  private static ArticleAnalyzer analyzer(boolean acrossStories) {
    return new ArticleAnalyzer(
        (title, body, lang) ->
            List.of(new Entity("Q1", "Consejo Nacional Electoral", "ORG", 1, 0, true)),
        (a, e) -> new Relevance(true, 1.0, List.of()),
        (a, e) -> List.of(),
        (a, e) -> {
          String[] parts = a.getTitle().split(":");
          return List.of(
              Figure.newBuilder()
                  .setQuantity(parts[0])
                  .setSubject(Y2024)
                  .setValue(Double.parseDouble(parts[2]))
                  .setAttributedTo(parts[1])
                  .setElection(Y2024)
                  .setText(parts[2])
                  .setStart(0)
                  .setEnd(2)
                  .build());
        },
        acrossStories);
  }

  private TopologyHarness harness;
  private TestOutputTopic<String, EnrichedArticle> enriched;

  /** The topology of a profile with {@code across-stories} set so; each test starts its own. */
  private void start(boolean acrossStories) {
    harness = TopologyHarness.start(analyzer(acrossStories), "election-figures-test", stateDir);
    enriched = harness.enriched();
  }

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  private void send(String outlet, String title, String text, String published) {
    harness.send(
        SampleArticles.raw("https://" + outlet + ".example/" + published, title, text)
            .setSource(outlet)
            .setPublishedAt(Instant.parse(published))
            .setFetchedAt(Instant.parse(published))
            .build());
  }

  /** The council's turnout, then three days later the coalition's, each told its own way. */
  private void sendTwoTurnoutsDaysApart() {
    send(
        "lanterna",
        "turnout:CNE:0.59",
        "El consejo electoral leyó su boletín en la madrugada ante la prensa acreditada.",
        "2024-07-29T06:00:00Z");
    send(
        "brisa",
        "turnout:Plataforma Unitaria:0.48",
        "La coalición publicó en su portal las actas escaneadas por sus testigos de mesa.",
        "2024-08-01T18:00:00Z");
  }

  @Test
  void shouldGiveTheLaterArticleOfAnotherStoryTheElectionsConflict() {
    start(true);
    sendTwoTurnoutsDaysApart();
    List<EnrichedArticle> out = enriched.readValuesToList();

    assertThat(out).hasSize(2);
    assertThat(out.get(0).getDedup().getStoryId())
        .as("days apart and told apart: two stories")
        .isNotEqualTo(out.get(1).getDedup().getStoryId());
    assertThat(out.get(0).getFigureConflicts()).isEmpty();
    List<FigureConflict> later = out.get(1).getFigureConflicts();
    assertThat(later).hasSize(1);
    assertThat(later.get(0).getElection()).isEqualTo(Y2024);
    assertThat(later.get(0).getValues())
        .extracting(ConflictingValue::getValue)
        .containsExactly(0.59, 0.48);
  }

  @Test
  void shouldNotFlagRunningCountsOfTwoDates() {
    start(true);
    send(
        "lanterna",
        "detained:Foro Penal:120",
        "El consejo electoral leyó su boletín en la madrugada ante la prensa acreditada.",
        "2024-07-29T06:00:00Z");
    send(
        "brisa",
        "detained:Fiscalía:900",
        "La coalición publicó en su portal las actas escaneadas por sus testigos de mesa.",
        "2024-08-01T18:00:00Z");
    assertThat(enriched.readValuesToList())
        .allSatisfy(e -> assertThat(e.getFigureConflicts()).isEmpty());
  }

  @Test
  void shouldKeepConflictsWithinTheStoryAndStoreNothingElectionWideWhenTheProfileSaysSo() {
    start(false);
    sendTwoTurnoutsDaysApart();
    List<EnrichedArticle> out = enriched.readValuesToList();

    assertThat(out).hasSize(2);
    assertThat(out.get(0).getDedup().getStoryId()).isNotEqualTo(out.get(1).getDedup().getStoryId());
    assertThat(out).allSatisfy(e -> assertThat(e.getFigureConflicts()).isEmpty());
    KeyValueStore<String, byte[]> store = harness.driver().getKeyValueStore(DedupProcessor.STORE);
    try (KeyValueIterator<String, byte[]> all = store.all()) {
      // Neither an entry (v|...) nor its line in dedup's eviction index (e|<time>|v|...).
      all.forEachRemaining(
          kv ->
              assertThat(kv.key)
                  .as("no election-wide entry")
                  .doesNotStartWith("v|")
                  .doesNotContain("|v|"));
    }
  }
}
