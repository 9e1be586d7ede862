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
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {
  @TempDir java.nio.file.Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;
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
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
    // Its own state folder: test JVMs of other builds on the machine use the same application id.
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(EnrichTopology.build(ANALYZER, "test"), p);
    raw =
        driver.createInputTopic(
            Topics.RAW.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    enriched =
        driver.createOutputTopic(
            Topics.ENRICHED.name(),
            Serdes.String().deserializer(),
            Topics.ENRICHED.valueSerde().deserializer());
    irrelevant =
        driver.createOutputTopic(
            Topics.IRRELEVANT.name(),
            Serdes.String().deserializer(),
            Topics.IRRELEVANT.valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            Topics.DEAD_LETTER.name(),
            Serdes.String().deserializer(),
            Topics.DEAD_LETTER.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private void send(RawArticle a) {
    raw.pipeInput(a.getId(), Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), a));
  }

  @Test
  void shouldEnrichANewArticleOnce() {
    RawArticle a =
        SampleArticles.raw("https://example.org/a", "CNE", "Las elecciones del 28 de julio")
            .build();
    send(a);
    send(a);
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).getArticle().getId()).isEqualTo(a.getId());
    assertThat(out.get(0).getEnrichmentVersion()).isEqualTo(ArticleAnalyzer.ENRICHMENT_VERSION);
  }

  @Test
  void shouldRouteOffTopicArticlesToTheirOwnTopic() {
    send(
        SampleArticles.raw("https://example.org/beisbol", "Béisbol", "Los Leones ganaron anoche")
            .build());
    assertThat(enriched.isEmpty()).isTrue();
    List<EnrichedArticle> kept = irrelevant.readValuesToList();
    assertThat(kept).hasSize(1);
    assertThat(kept.get(0).getRelevance().getRelevant()).isFalse();
  }

  @Test
  void shouldSendPoisonRecordsToTheDeadLetterTopicAndKeepGoing() {
    raw.pipeInput("bad", "definitely not avro".getBytes());
    send(SampleArticles.raw("https://example.org/b", "t", "Tras las elecciones").build());
    List<DeadLetter> letters = deadLetters.readValuesToList();
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).getStage()).isEqualTo("enrich");
    assertThat(letters.get(0).getTopic()).isEqualTo(Topics.RAW.name());
    assertThat(letters.get(0).getOffset()).isEqualTo(0L);
    assertThat(letters.get(0).getError()).contains("not a readable RawArticle");
    assertThat(enriched.readValuesToList()).hasSize(1);
  }
}
