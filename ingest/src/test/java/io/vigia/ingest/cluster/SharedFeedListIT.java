package io.vigia.ingest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.broker.EmbeddedKafka;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.profile.FeedSpec;
import io.vigia.schemas.TopicCreator;
import io.vigia.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared feed list on a real broker: what each instance publishes, who removes what, and where
 * the records land.
 */
class SharedFeedListIT {
  private static final FeedSpec F1 = new FeedSpec("https://uno.example/feed.xml", "Uno", "es");
  private static final FeedSpec F2 = new FeedSpec("https://dos.example/feed.xml", "Dos", "es");
  private static final FeedSpec F3 = new FeedSpec("https://tres.example/feed.xml", "Tres", "es");
  private static final FeedSpec F4 =
      new FeedSpec("https://cuatro.example/feed.xml", "Cuatro", "es");
  private static final String LEGACY = "https://viejo.example/feed.xml";

  @TempDir Path tmp;
  private EmbeddedKafka broker;
  private KafkaSettings kafka;
  private final List<SharedFeedList> open = new ArrayList<>();

  @BeforeEach
  void startBroker() throws Exception {
    broker = new EmbeddedKafka(tmp.resolve("kafka"), 0).start();
    kafka = new KafkaSettings(broker.bootstrapServers(), 4, (short) 1);
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      TopicCreator.ensure(admin, Topics.all(), 4, (short) 1);
    }
  }

  @AfterEach
  void stopBroker() {
    open.forEach(SharedFeedList::close);
    broker.close();
  }

  private SharedFeedList list(String instance) {
    SharedFeedList l = new SharedFeedList(kafka, instance);
    open.add(l);
    return l;
  }

  private static List<String> urls(SharedFeedList l) {
    return l.feeds().stream().map(FeedSpec::url).toList();
  }

  private static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.get() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(condition.get()).as(what).isTrue();
  }

  @Test
  void shouldPollTheUnionRemoveOnlyOwnFeedsAndReplaceRecordsFromBeforePublishers()
      throws Exception {
    try (KafkaProducer<String, String> p =
        new KafkaProducer<>(
            kafka.clientProperties(),
            Topics.INGEST_FEEDS.keySerde().serializer(),
            Topics.INGEST_FEEDS.valueSerde().serializer())) {
      p.send(new ProducerRecord<>(Topics.INGEST_FEEDS.name(), LEGACY, "Viejo"))
          .get(); // as instances wrote them before
    }
    SharedFeedList a = list("a");
    a.start(List.of(F1, F2), () -> {});
    assertThat(urls(a))
        .as("own feeds first; the URL-keyed record is gone")
        .containsExactly(F1.url(), F2.url());

    SharedFeedList b = list("b");
    b.start(List.of(F2, F3), () -> {});
    assertThat(urls(b)).containsExactly(F2.url(), F3.url(), F1.url());
    await(() -> urls(a).contains(F3.url()), "a learns b's feed while running");

    a.close();
    SharedFeedList a2 = list("a");
    assertThat(a2.start(List.of(F1), () -> {})).as("F2 is still b's").isEmpty();
    assertThat(urls(a2)).containsExactlyInAnyOrder(F1.url(), F2.url(), F3.url());

    b.close();
    SharedFeedList b2 = list("b");
    assertThat(b2.start(List.of(F3), () -> {}))
        .as("nobody lists F2 any more")
        .containsExactly(F2.url());
    await(() -> !urls(a2).contains(F2.url()), "a hears of the removal");
    assertThat(urls(a2)).containsExactlyInAnyOrder(F1.url(), F3.url());

    SharedFeedList unnamed = list("");
    unnamed.start(List.of(F4), () -> {});
    unnamed.close();
    SharedFeedList unnamedAgain = list(" ");
    assertThat(unnamedAgain.start(List.of(), () -> {}))
        .as("an instance without instance-id removes nothing")
        .isEmpty();
    assertThat(urls(unnamedAgain)).contains(F4.url());

    // Each record sits in the partition of its feed URL: the partition whose owner polls it.
    Map<String, Integer> partitionOfKey = new HashMap<>();
    Properties c = kafka.clientProperties();
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            c,
            Topics.INGEST_FEEDS.keySerde().deserializer(),
            Topics.INGEST_FEEDS.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.INGEST_FEEDS.name()));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (partitionOfKey.size() < 6 && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
          if (r.key().contains(" ")) {
            partitionOfKey.put(r.key(), r.partition());
          }
        }
      }
    }
    assertThat(partitionOfKey)
        .isNotEmpty()
        .allSatisfy(
            (key, partition) ->
                assertThat(partition)
                    .as(key)
                    .isEqualTo(FeedOwnership.partitionOf(key.substring(0, key.indexOf(' ')), 4)));
  }
}
