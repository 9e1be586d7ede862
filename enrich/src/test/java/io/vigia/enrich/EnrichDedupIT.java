package io.vigia.enrich;

import static io.vigia.enrich.dedup.Fixtures.T0;
import static io.vigia.enrich.dedup.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.broker.EmbeddedKafka;
import io.vigia.common.config.KafkaSettings;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import io.vigia.enrich.dedup.DedupSettings;
import io.vigia.enrich.dedup.Fixtures;
import io.vigia.enrich.topology.EnrichTopology;
import io.vigia.schemas.DedupStatus;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Relevance;
import io.vigia.schemas.TopicCreator;
import io.vigia.schemas.Topics;
import io.vigia.schemas.testing.SampleArticles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dedup on a real broker: two enrich instances share a four-partition raw topic, copies land on
 * partitions other than their original's, and a restart with empty local state (restored from the
 * changelog) still knows what it saw. An IT because it starts a Kafka broker.
 */
class EnrichDedupIT {
  private static final int PARTITIONS = 4;
  private static final String EN = text("timetable-en.txt");
  private static final String ES = text("timetable-es.txt");
  private static final ArticleAnalyzer ANALYZER =
      new ArticleAnalyzer(
          (title, body, lang) -> List.of(),
          (a, e) -> new Relevance(true, 1.0, List.of()),
          (a, e) -> List.of());

  @TempDir Path tmp;
  private EmbeddedKafka broker;
  private KafkaSettings kafka;
  private final List<KafkaStreams> instances = new ArrayList<>();
  private KafkaConsumer<String, EnrichedArticle> consumer;

  @BeforeEach
  void start() throws Exception {
    broker = new EmbeddedKafka(tmp.resolve("broker"), 0).start();
    kafka = new KafkaSettings(broker.bootstrapServers(), PARTITIONS, (short) 1);
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      TopicCreator.ensure(admin, Topics.all(), PARTITIONS, (short) 1);
    }
    Properties c = kafka.clientProperties();
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer =
        new KafkaConsumer<>(
            c, Topics.KEYS.deserializer(), Topics.ENRICHED.valueSerde().deserializer());
    consumer.subscribe(List.of(Topics.ENRICHED.name()));
  }

  @AfterEach
  void stop() {
    instances.forEach(s -> s.close(Duration.ofSeconds(20)));
    if (consumer != null) {
      consumer.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private KafkaStreams instance(String stateDir) {
    EnrichSettings settings =
        new EnrichSettings(
            "it-enrich", tmp.resolve(stateDir), "test", "", DedupSettings.defaults());
    KafkaStreams s =
        new KafkaStreams(
            EnrichTopology.build(ANALYZER, "test", settings.dedup()),
            EnrichService.streamsProperties(settings, kafka));
    s.start();
    instances.add(s);
    return s;
  }

  private static void awaitRunning(List<KafkaStreams> all) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!all.stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING)) {
      assertThat(System.nanoTime()).as("instances running").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private RawArticle send(String url, String title, String body, long hours) {
    RawArticle a =
        SampleArticles.raw(url, title, body)
            .setPublishedAt(T0.plus(Duration.ofHours(hours)))
            .setFetchedAt(T0.plus(Duration.ofHours(hours)))
            .build();
    try (KafkaProducer<String, RawArticle> p =
        new KafkaProducer<>(
            kafka.clientProperties(),
            Topics.KEYS.serializer(),
            Topics.RAW.valueSerde().serializer())) {
      p.send(new ProducerRecord<>(Topics.RAW.name(), a.getId(), a));
    }
    return a;
  }

  /**
   * Reads the enriched records, expecting exactly {@code n} (keyed by article id); waits up to a
   * minute.
   */
  private Map<String, ConsumerRecord<String, EnrichedArticle>> read(int n) {
    Map<String, ConsumerRecord<String, EnrichedArticle>> out = new LinkedHashMap<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (out.size() < n && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, EnrichedArticle> r : consumer.poll(Duration.ofMillis(200))) {
        out.put(r.value().getArticle().getId(), r);
      }
    }
    // Anything more (a replay that should have been dropped) would show up within a few polls.
    for (int i = 0; i < 10; i++) {
      for (ConsumerRecord<String, EnrichedArticle> r : consumer.poll(Duration.ofMillis(200))) {
        out.put(r.value().getArticle().getId(), r);
      }
    }
    assertThat(out).as("enriched records").hasSize(n);
    return out;
  }

  private static int partitionOf(String key) {
    return org.apache.kafka.common.utils.Utils.toPositive(
            org.apache.kafka.common.utils.Utils.murmur2(key.getBytes()))
        % PARTITIONS;
  }

  @Test
  void shouldFindCopiesAcrossPartitionsAndInstancesAndKeepDecisionsAfterARestart()
      throws Exception {
    KafkaStreams one = instance("state-1");
    KafkaStreams two = instance("state-2");
    awaitRunning(List.of(one, two));
    assertThat(one.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum())
        .as("tasks of instance 1")
        .isPositive();
    assertThat(two.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum())
        .as("tasks of instance 2")
        .isPositive();

    RawArticle original = send("https://wire.example/en/cne-date", "CNE sets the date", EN, 0);
    read(1);
    List<RawArticle> copies = new ArrayList<>();
    for (int i = 0; copies.size() < 3; i++) {
      String url = "https://republisher" + i + ".example/partner/cne-date";
      if (partitionOf(SampleArticles.id(url)) != partitionOf(original.getId())) {
        copies.add(send(url, "Partner copy " + i, Fixtures.syndicated(EN), 2 + i));
      }
    }
    RawArticle translation =
        send("https://wire.example/es/cne-fecha", "El CNE fija la fecha", ES, 6);
    Map<String, ConsumerRecord<String, EnrichedArticle>> out = new LinkedHashMap<>(read(4));
    // The update is sent only once the copies are enriched: they sit on other partitions, served by
    // other tasks, so without the wait the update could be decided before them and count fewer
    // sources.
    RawArticle update =
        send(
            "https://wire.example/en/update-1-cne-date",
            "UPDATE 1-CNE sets the date",
            Fixtures.updated(EN),
            8);
    out.putAll(read(1));
    for (RawArticle copy : copies) {
      assertThat(out.get(copy.getId()).value().getDedup().getStatus())
          .isEqualTo(DedupStatus.DUPLICATE);
      assertThat(out.get(copy.getId()).value().getDedup().getDuplicateOf())
          .isEqualTo(original.getId());
    }
    assertThat(out.get(translation.getId()).value().getDedup().getStoryId())
        .isEqualTo(original.getId());
    assertThat(out.get(update.getId()).value().getDedup().getStatus())
        .isEqualTo(DedupStatus.UPDATE);
    assertThat(out.get(update.getId()).key()).isEqualTo(original.getId());
    assertThat(out.get(update.getId()).value().getDedup().getStorySources()).isEqualTo(4);

    // Restart: both instances gone, a new one with empty local state restores from the changelog.
    for (KafkaStreams s : List.copyOf(instances)) {
      s.close(Duration.ofSeconds(30));
      instances.remove(s);
    }
    KafkaStreams three = instance("state-3");
    awaitRunning(List.of(three));
    send("https://wire.example/en/cne-date", "CNE sets the date", EN, 0);
    RawArticle late =
        send("https://late-republisher.example/cne", "Late copy", Fixtures.syndicated(EN), 30);
    Map<String, ConsumerRecord<String, EnrichedArticle>> after = read(1);
    assertThat(after).containsOnlyKeys(late.getId());
    assertThat(after.get(late.getId()).value().getDedup().getDuplicateOf())
        .isEqualTo(original.getId());
    assertThat(after.get(late.getId()).value().getDedup().getStorySources()).isEqualTo(5);
  }
}
