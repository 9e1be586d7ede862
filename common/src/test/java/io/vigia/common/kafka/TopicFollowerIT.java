package io.vigia.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.broker.EmbeddedKafka;
import io.vigia.common.config.KafkaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The follower against a real broker: a view of a keyed topic that has caught up at start, reads
 * its own writes back, and starts from a time. One broker for the class; each test its own topic.
 */
class TopicFollowerIT {
  @TempDir static Path dir;
  static EmbeddedKafka broker;
  static KafkaSettings kafka;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = new EmbeddedKafka(dir.resolve("kafka"), 0).start();
    kafka = new KafkaSettings(broker.bootstrapServers(), 2, (short) 1);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static void createTopic(String name) throws Exception {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      admin.createTopics(List.of(new NewTopic(name, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        kafka.clientProperties(), new StringSerializer(), new StringSerializer());
  }

  private static TopicFollower.Builder<String, String> follower(String topic) {
    return TopicFollower.builder(
            "test-" + topic, kafka, new StringDeserializer(), new StringDeserializer())
        .topics(topic);
  }

  @Test
  void shouldHoldTheLatestValueOfEveryKeyOnceCaughtUpAndReadItsOwnWritesBack() throws Exception {
    createTopic("view");
    Map<String, String> view = new ConcurrentHashMap<>();
    try (KafkaProducer<String, String> p = producer()) {
      for (int i = 0; i < 50; i++) {
        p.send(new ProducerRecord<>("view", "key-" + (i % 10), "v" + i));
      }
      p.flush();
      try (TopicFollower<String, String> f =
          follower("view").onRecord(r -> view.put(r.key(), r.value())).start()) {
        f.awaitCaughtUp(Duration.ofSeconds(30));
        assertThat(view).hasSize(10).containsEntry("key-3", "v43").containsEntry("key-9", "v49");

        RecordMetadata written =
            p.send(new ProducerRecord<>("view", "key-3", "mine")).get(30, TimeUnit.SECONDS);
        f.awaitPosition(
            new TopicPartition("view", written.partition()),
            written.offset() + 1,
            Duration.ofSeconds(30));
        assertThat(view).containsEntry("key-3", "mine");
      }
    }
  }

  @Test
  void shouldStartFromTheFirstRecordWrittenAtOrAfterATime() throws Exception {
    createTopic("since");
    List<String> seen = new CopyOnWriteArrayList<>();
    long now = System.currentTimeMillis();
    try (KafkaProducer<String, String> p = producer()) {
      p.send(new ProducerRecord<>("since", 0, now - 60_000, "a", "old"));
      p.send(new ProducerRecord<>("since", 0, now - 1_000, "b", "recent"));
      p.send(new ProducerRecord<>("since", 1, now - 60_000, "c", "old too"));
      p.flush();
    }
    try (TopicFollower<String, String> f =
        follower("since")
            .startAt(TopicFollower.StartAt.since(Instant.ofEpochMilli(now - 30_000)))
            .onRecord(r -> seen.add(r.value()))
            .start()) {
      f.awaitCaughtUp(Duration.ofSeconds(30));
      assertThat(seen).containsExactly("recent");
    }
  }
}
