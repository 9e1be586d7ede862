package io.vigia.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.schemas.DeadLetter;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Relevance;
import io.vigia.schemas.Topics;
import io.vigia.schemas.testing.SampleArticles;
import java.util.List;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {
  @TempDir java.nio.file.Path stateDir;

  private TopologyHarness harness;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, EnrichedArticle> irrelevant;
  private TestOutputTopic<String, DeadLetter> deadLetters;

  /** Relevant when the text mentions an election; no entities or stance. */
  private static final ArticleAnalyzer ANALYZER =
      new ArticleAnalyzer(
          (title, text, lang) -> List.of(),
          (a, e) -> new Relevance(a.getText().contains("elecci"), 1.0, List.of()),
          (a, e) -> List.of());

  @BeforeEach
  void start() {
    harness = TopologyHarness.start(ANALYZER, "test", stateDir);
    enriched = harness.enriched();
    irrelevant = harness.irrelevant();
    deadLetters = harness.deadLetters();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void shouldEnrichANewArticleOnce() {
    RawArticle a =
        SampleArticles.raw("https://example.org/a", "CNE", "Las elecciones del 28 de julio")
            .build();
    harness.send(a);
    harness.send(a);
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).getArticle().getId()).isEqualTo(a.getId());
    assertThat(out.get(0).getEnrichmentVersion()).isEqualTo(ArticleAnalyzer.ENRICHMENT_VERSION);
  }

  @Test
  void shouldRouteOffTopicArticlesToTheirOwnTopic() {
    harness.send(
        SampleArticles.raw("https://example.org/beisbol", "Béisbol", "Los Leones ganaron anoche")
            .build());
    assertThat(enriched.isEmpty()).isTrue();
    List<EnrichedArticle> kept = irrelevant.readValuesToList();
    assertThat(kept).hasSize(1);
    assertThat(kept.get(0).getRelevance().getRelevant()).isFalse();
  }

  @Test
  void shouldSendPoisonRecordsToTheDeadLetterTopicAndKeepGoing() {
    harness.send("bad", "definitely not avro".getBytes());
    harness.send(SampleArticles.raw("https://example.org/b", "t", "Tras las elecciones").build());
    List<DeadLetter> letters = deadLetters.readValuesToList();
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).getStage()).isEqualTo("enrich");
    assertThat(letters.get(0).getTopic()).isEqualTo(Topics.RAW.name());
    assertThat(letters.get(0).getOffset()).isEqualTo(0L);
    assertThat(letters.get(0).getError()).contains("not a readable RawArticle");
    assertThat(enriched.readValuesToList()).hasSize(1);
  }
}
