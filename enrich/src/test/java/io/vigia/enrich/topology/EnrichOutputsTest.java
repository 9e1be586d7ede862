package io.vigia.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.dedup.DedupSettings;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Relevance;
import io.vigia.schemas.Topics;
import io.vigia.schemas.testing.SampleArticles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same topology writing a reprocessing run's own topics, stamped with the profile version. */
class EnrichOutputsTest {
  /** Relevant when the text mentions an election; no entities or stance. */
  private static final ArticleAnalyzer ANALYZER =
      new ArticleAnalyzer(
          (title, text, lang) -> List.of(),
          (a, e) -> new Relevance(a.getText().contains("elecci"), 1.0, List.of()),
          (a, e) -> List.of());

  @TempDir Path stateDir;
  private TopologyTestDriver driver;

  private TopologyTestDriver driver(EnrichOutputs outputs) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-reprocess");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    ArticleEnricher enricher = new ArticleEnricher(ANALYZER, "test", 7);
    driver =
        new TopologyTestDriver(
            EnrichTopology.build(
                enricher,
                DedupSettings.defaults(),
                new EnrichMeters(new SimpleMeterRegistry()),
                outputs),
            p);
    return driver;
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void shouldWriteTheRunsOwnTopicsStampedWithTheProfileVersion() {
    TopologyTestDriver d = driver(new EnrichOutputs("r.enriched", "r.irrelevant", "r.dead", null));
    TestInputTopic<String, RawArticle> raw =
        d.createInputTopic(
            Topics.RAW.name(), Serdes.String().serializer(), Topics.RAW.valueSerde().serializer());
    RawArticle a =
        SampleArticles.raw("https://example.org/a", "CNE", "Las elecciones del 28 de julio")
            .build();
    raw.pipeInput(a.getId(), a);
    TestOutputTopic<String, EnrichedArticle> mine =
        d.createOutputTopic(
            "r.enriched",
            Serdes.String().deserializer(),
            Topics.ENRICHED.valueSerde().deserializer());
    TestOutputTopic<String, EnrichedArticle> live =
        d.createOutputTopic(
            Topics.ENRICHED.name(),
            Serdes.String().deserializer(),
            Topics.ENRICHED.valueSerde().deserializer());
    EnrichedArticle e = mine.readValue();
    assertThat(e.getProfileVersion()).isEqualTo(7);
    assertThat(e.getEnrichmentVersion()).isEqualTo(ArticleAnalyzer.ENRICHMENT_VERSION);
    assertThat(live.isEmpty()).as("nothing reaches the live topic").isTrue();
  }

  @Test
  void shouldJudgeOnlyArticlesSinceTheGivenTime() {
    Instant since = Instant.parse("2024-07-01T00:00:00Z");
    TopologyTestDriver d = driver(new EnrichOutputs("r.enriched", "r.irrelevant", "r.dead", since));
    TestInputTopic<String, RawArticle> raw =
        d.createInputTopic(
            Topics.RAW.name(), Serdes.String().serializer(), Topics.RAW.valueSerde().serializer());
    RawArticle old =
        SampleArticles.raw("https://example.org/old", "CNE", "Las elecciones del 28 de julio")
            .setPublishedAt(Instant.parse("2024-06-01T00:00:00Z"))
            .build();
    RawArticle recent =
        SampleArticles.raw("https://example.org/new", "CNE", "El CNE y las elecciones del domingo")
            .setPublishedAt(Instant.parse("2024-07-02T00:00:00Z"))
            .build();
    raw.pipeInput(old.getId(), old);
    raw.pipeInput(recent.getId(), recent);
    TestOutputTopic<String, EnrichedArticle> mine =
        d.createOutputTopic(
            "r.enriched",
            Serdes.String().deserializer(),
            Topics.ENRICHED.valueSerde().deserializer());
    assertThat(mine.readValuesToList())
        .extracting(e -> e.getArticle().getId())
        .containsExactly(recent.getId());
  }
}
