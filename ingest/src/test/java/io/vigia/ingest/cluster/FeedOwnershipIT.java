package io.vigia.ingest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.broker.EmbeddedKafka;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.profile.FeedSpec;
import io.vigia.schemas.TopicCreator;
import io.vigia.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedOwnershipIT {
  @TempDir Path tmp;
  private EmbeddedKafka broker;
  private KafkaSettings kafka;
  private final List<FeedSpec> feeds =
      IntStream.range(0, 24)
          .mapToObj(
              i -> new FeedSpec("https://outlet" + i + ".example/feed.xml", "Outlet " + i, "es"))
          .toList();

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
    broker.close();
  }

  @Test
  void shouldGiveEveryFeedToExactlyOneInstanceAndHandOverWhenOneLeaves() throws Exception {
    try (FeedOwnership a = new FeedOwnership(kafka, "ingest-test", "a").start();
        FeedOwnership b = new FeedOwnership(kafka, "ingest-test", "b").start()) {
      assertThat(a.awaitAssignment(Duration.ofSeconds(30))).isTrue();
      assertThat(b.awaitAssignment(Duration.ofSeconds(30))).isTrue();
      awaitSplit(a, b);
      assertThat(feeds)
          .allSatisfy(
              f ->
                  assertThat(a.owns(f) ^ b.owns(f))
                      .as("exactly one owner of %s", f.url())
                      .isTrue());
      assertThat(feeds.stream().filter(a::owns)).as("both instances work").isNotEmpty();
      assertThat(feeds.stream().filter(b::owns)).as("both instances work").isNotEmpty();

      b.close(); // static member leaving: its feeds move once its session expires
      long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
      while (!feeds.stream().allMatch(a::owns) && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(feeds)
          .allSatisfy(f -> assertThat(a.owns(f)).as("%s handed over", f.url()).isTrue());
    }
  }

  private void awaitSplit(FeedOwnership a, FeedOwnership b) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (feeds.stream().allMatch(f -> a.owns(f) ^ b.owns(f))
          && feeds.stream().anyMatch(a::owns)
          && feeds.stream().anyMatch(b::owns)) {
        return;
      }
      Thread.sleep(200);
    }
  }

  @Test
  void shouldOwnExactlyTheFeedsWhoseRecordsLandInTheAssignedPartitions() throws Exception {
    // Checked against Kafka itself: the partition each feed's record of the shared list is in, and
    // which partitions the group coordinator really assigned to each member.
    try (SharedFeedList list = new SharedFeedList(kafka, "a")) {
      list.start(feeds, () -> {});
    }
    try (FeedOwnership a = new FeedOwnership(kafka, "ingest-real", "a").start();
        FeedOwnership b = new FeedOwnership(kafka, "ingest-real", "b").start()) {
      assertThat(a.awaitAssignment(Duration.ofSeconds(30))).isTrue();
      assertThat(b.awaitAssignment(Duration.ofSeconds(30))).isTrue();
      awaitSplit(a, b);
      Map<String, Integer> landedIn = partitionOfEachFeedRecord();
      assertThat(landedIn.keySet())
          .containsExactlyInAnyOrderElementsOf(feeds.stream().map(FeedSpec::url).toList());
      assertThat(new java.util.HashSet<>(landedIn.values()))
          .as("24 feeds spread over the 4 partitions")
          .hasSizeGreaterThan(1);

      Map<String, Set<Integer>> assigned = assignmentsByInstance("ingest-real");
      assertThat(assigned.keySet()).containsExactlyInAnyOrder("a-ingest", "b-ingest");
      for (FeedSpec f : feeds) {
        int partition = landedIn.get(f.url());
        assertThat(a.owns(f))
            .as("a owns %s (partition %d)", f.url(), partition)
            .isEqualTo(assigned.get("a-ingest").contains(partition));
        assertThat(b.owns(f))
            .as("b owns %s (partition %d)", f.url(), partition)
            .isEqualTo(assigned.get("b-ingest").contains(partition));
      }
    }
  }

  /** Reads the feed topic back: the partition each feed URL's record was written to. */
  private Map<String, Integer> partitionOfEachFeedRecord() {
    Properties p = kafka.clientProperties();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "feed-reader-" + UUID.randomUUID());
    Map<String, Integer> out = new HashMap<>();
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts =
          c.partitionsFor(Topics.INGEST_FEEDS.name()).stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      long deadline = System.currentTimeMillis() + 30_000;
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))
          && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          String url = r.key().split(" ", 2)[0]; // key: URL and publishing instance
          Integer before = out.put(url, r.partition());
          assertThat(before == null || before == r.partition())
              .as("%s always in one partition", r.key())
              .isTrue();
        }
      }
    }
    return out;
  }

  /** The partitions the coordinator assigned to each static member of the group, by instance id. */
  private Map<String, Set<Integer>> assignmentsByInstance(String group) throws Exception {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      ConsumerGroupDescription d =
          admin
              .describeConsumerGroups(List.of(group))
              .describedGroups()
              .get(group)
              .get(30, TimeUnit.SECONDS);
      Map<String, Set<Integer>> out = new HashMap<>();
      for (MemberDescription m : d.members()) {
        out.put(
            m.groupInstanceId().orElse(m.consumerId()),
            m.assignment().topicPartitions().stream()
                .map(TopicPartition::partition)
                .collect(Collectors.toSet()));
      }
      return out;
    }
  }
}
