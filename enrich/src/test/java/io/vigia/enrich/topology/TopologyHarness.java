package io.vigia.enrich.topology;

import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.schemas.DeadLetter;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Topics;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * An enrich topology in a {@link TopologyTestDriver}: raw records in, the enriched, irrelevant and
 * dead-letter topics out. Each test keeps its own analyser, topology and application id.
 */
final class TopologyHarness implements AutoCloseable {
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> raw;

  /** The topology {@code EnrichTopology.build(analyzer, "test")} builds. */
  static TopologyHarness start(ArticleAnalyzer analyzer, String applicationId, Path stateDir) {
    return new TopologyHarness(EnrichTopology.build(analyzer, "test"), applicationId, stateDir);
  }

  TopologyHarness(Topology topology, String applicationId, Path stateDir) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    // Its own state folder: test JVMs of other builds on the machine use the same application id.
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(topology, p);
    // Bytes, not articles: a test can send a record that is not a readable RawArticle.
    raw =
        driver.createInputTopic(
            Topics.RAW.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
  }

  TopologyTestDriver driver() {
    return driver;
  }

  /** Sends the article under its id, as ingest writes it. */
  RawArticle send(RawArticle a) {
    raw.pipeInput(a.getId(), Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), a));
    return a;
  }

  /** Sends a record as it is, readable or not. */
  void send(String key, byte[] value) {
    raw.pipeInput(key, value);
  }

  TestOutputTopic<String, EnrichedArticle> enriched() {
    return articles(Topics.ENRICHED.name());
  }

  TestOutputTopic<String, EnrichedArticle> irrelevant() {
    return driver.createOutputTopic(
        Topics.IRRELEVANT.name(),
        Serdes.String().deserializer(),
        Topics.IRRELEVANT.valueSerde().deserializer());
  }

  /** Enriched articles on a topic of another name (a reprocessing run's own). */
  TestOutputTopic<String, EnrichedArticle> articles(String topic) {
    return driver.createOutputTopic(
        topic, Serdes.String().deserializer(), Topics.ENRICHED.valueSerde().deserializer());
  }

  TestOutputTopic<String, DeadLetter> deadLetters() {
    return driver.createOutputTopic(
        Topics.DEAD_LETTER.name(),
        Serdes.String().deserializer(),
        Topics.DEAD_LETTER.valueSerde().deserializer());
  }

  @Override
  public void close() {
    driver.close();
  }
}
