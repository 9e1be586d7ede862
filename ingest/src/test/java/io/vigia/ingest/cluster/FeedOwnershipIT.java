package io.vigia.ingest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.broker.EmbeddedKafka;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.profile.FeedSpec;
import io.vigia.schemas.TopicCreator;
import io.vigia.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedOwnershipIT {
  @TempDir Path tmp;
  private EmbeddedKafka broker;
  private KafkaSettings kafka;
  private final List<FeedSpec> feeds = IntStream.range(0, 24)
      .mapToObj(i -> new FeedSpec("https://outlet" + i + ".example/feed.xml", "Outlet " + i, "es")).toList();

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
      assertThat(feeds).allSatisfy(f -> assertThat(a.owns(f) ^ b.owns(f)).as("exactly one owner of %s", f.url()).isTrue());
      assertThat(feeds.stream().filter(a::owns)).as("both instances work").isNotEmpty();
      assertThat(feeds.stream().filter(b::owns)).as("both instances work").isNotEmpty();

      b.close(); // static member leaving: its feeds move once its session expires
      long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
      while (!feeds.stream().allMatch(a::owns) && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(feeds).allSatisfy(f -> assertThat(a.owns(f)).as("%s handed over", f.url()).isTrue());
    }
  }

  private void awaitSplit(FeedOwnership a, FeedOwnership b) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (feeds.stream().allMatch(f -> a.owns(f) ^ b.owns(f)) && feeds.stream().anyMatch(a::owns) && feeds.stream().anyMatch(b::owns)) {
        return;
      }
      Thread.sleep(200);
    }
  }

  @Test
  void shouldChooseTheSamePartitionAsKafkasDefaultPartitioner() {
    // The ownership rule must agree with where the feed records land in the topic.
    byte[] key = "https://outlet1.example/feed.xml".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int expected = org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(key)) % 4;
    assertThat(FeedOwnership.partitionOf("https://outlet1.example/feed.xml", 4)).isEqualTo(expected);
  }
}
