package io.vigia.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The follower against Kafka's {@link MockConsumer}: where it starts, when it has caught up, why it
 * stopped. {@code TopicFollowerIT} runs it against a real broker.
 */
class TopicFollowerTest {
  private static final String TOPIC = "t";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
  private final AtomicReference<Properties> usedProperties = new AtomicReference<>();
  private final List<String> seen = new CopyOnWriteArrayList<>();

  /** Two partitions of ten records each (offsets 0–9), the first two already compacted away. */
  private TopicFollower.Builder<String, String> follower() {
    Node node = new Node(0, "localhost", 9092);
    consumer.updatePartitions(
        TOPIC,
        List.of(
            new PartitionInfo(TOPIC, 0, node, new Node[0], new Node[0]),
            new PartitionInfo(TOPIC, 1, node, new Node[0], new Node[0])));
    consumer.updateBeginningOffsets(Map.of(P0, 2L, P1, 2L));
    consumer.updateEndOffsets(Map.of(P0, 10L, P1, 10L));
    return new TopicFollower.Builder<String, String>(
            "test-follower",
            new Properties(),
            p -> {
              usedProperties.set(p);
              return consumer;
            })
        .topics(TOPIC)
        .pollTimeout(Duration.ofMillis(10))
        .onRecord(r -> seen.add(r.partition() + ":" + r.value()));
  }

  private void writeTheTopic() {
    for (TopicPartition tp : List.of(P0, P1)) {
      for (long offset = 2; offset < 10; offset++) {
        consumer.addRecord(
            new ConsumerRecord<>(TOPIC, tp.partition(), offset, "k" + offset, "v" + offset));
      }
    }
  }

  @Test
  void shouldHandEveryRecordFromTheBeginningAndSayWhenItCaughtUp() {
    try (TopicFollower<String, String> f = follower().start()) {
      writeTheTopic();
      f.awaitCaughtUp(WAIT);
      assertThat(seen).hasSize(16);
      assertThat(seen.stream().filter(s -> s.startsWith("0:")))
          .as("in offset order within a partition")
          .containsExactly("0:v2", "0:v3", "0:v4", "0:v5", "0:v6", "0:v7", "0:v8", "0:v9");
      assertThat(f.endOffsetsAtStart()).containsEntry(P0, 10L).containsEntry(P1, 10L);
      assertThat(f.status()).isInstanceOf(TopicFollower.Status.Following.class);
    }
  }

  @Test
  void shouldReadOnlyTheLastRecordsOfEachPartitionWhenAskedFor() {
    try (TopicFollower<String, String> f =
        follower().startAt(TopicFollower.StartAt.lastPerPartition(3)).start()) {
      writeTheTopic();
      f.awaitCaughtUp(WAIT);
      assertThat(seen).containsExactlyInAnyOrder("0:v7", "0:v8", "0:v9", "1:v7", "1:v8", "1:v9");
    }
  }

  @Test
  void shouldNotGoBeforeTheBeginningWhenAPartitionHoldsFewerRecordsThanAskedFor() {
    try (TopicFollower<String, String> f =
        follower().startAt(TopicFollower.StartAt.lastPerPartition(50)).start()) {
      writeTheTopic();
      f.awaitCaughtUp(WAIT);
      assertThat(seen).hasSize(16);
    }
  }

  @Test
  void shouldReadOnlyWhatIsWrittenAfterTheStartWhenStartingAtTheEnd() {
    try (TopicFollower<String, String> f =
        follower().startAt(TopicFollower.StartAt.end()).start()) {
      writeTheTopic();
      f.awaitCaughtUp(WAIT);
      consumer.addRecord(new ConsumerRecord<>(TOPIC, 1, 10L, "k", "new"));
      f.awaitPosition(P1, 11, WAIT);
      assertThat(seen).containsExactly("1:new");
    }
  }

  @Test
  void shouldReadNothingUncommittedAndCommitNothingByItself() {
    try (TopicFollower<String, String> f = follower().start()) {
      assertThat(usedProperties.get())
          .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
          .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }
  }

  @Test
  void shouldStopAndSayWhyWhenTheHandlerFails() {
    IllegalArgumentException boom = new IllegalArgumentException("bad record");
    try (TopicFollower<String, String> f =
        follower()
            .onRecord(
                r -> {
                  throw boom;
                })
            .start()) {
      // One record: the follower closes its consumer on the failure, so a second write could race
      // the close.
      consumer.addRecord(new ConsumerRecord<>(TOPIC, P0.partition(), 2L, "k2", "v2"));
      assertThatThrownBy(() -> f.awaitCaughtUp(WAIT))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("test-follower stopped")
          .hasCause(boom);
      assertThat(f.status()).isEqualTo(new TopicFollower.Status.Failed(boom));
      assertThat(f.failure()).contains(boom);
      assertThat(consumer.closed()).isTrue();
    }
  }

  @Test
  void shouldStopCleanlyWhenClosedAndSaySo() {
    TopicFollower<String, String> f = follower().start();
    f.close();
    assertThat(f.status()).isInstanceOf(TopicFollower.Status.Closed.class);
    assertThat(f.failure()).isEmpty();
    assertThat(consumer.closed()).isTrue();
    assertThatThrownBy(() -> f.awaitPosition(P0, 10, WAIT)).hasMessageContaining("stopped");
  }

  @Test
  void shouldGiveUpWaitingAfterTheTimeoutNamingWhatItWaitedFor() {
    try (TopicFollower<String, String> f = follower().start()) {
      assertThatThrownBy(() -> f.awaitPosition(P0, 10, Duration.ofMillis(50)))
          .hasMessageContaining("has not read t-0 up to offset 10 within 50 ms");
    }
  }

  @Test
  void shouldRunTheBatchHookAfterTheRecordsOfEachPoll() {
    List<Integer> seenAtBatchEnd = new CopyOnWriteArrayList<>();
    try (TopicFollower<String, String> f =
        follower().afterBatch(() -> seenAtBatchEnd.add(seen.size())).start()) {
      writeTheTopic();
      f.awaitCaughtUp(WAIT);
      assertThat(seenAtBatchEnd).isNotEmpty().allMatch(n -> n > 0).last().isEqualTo(16);
    }
  }

  @Test
  void shouldKeepTheConsumerToItsOwnThread() {
    try (TopicFollower<String, String> f = follower().start()) {
      assertThatThrownBy(() -> f.commit(P0, 3))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("record handler only");
    }
  }

  @Test
  void shouldRefuseToStartTwice() {
    try (TopicFollower<String, String> f = follower().start()) {
      assertThatThrownBy(f::start).hasMessageContaining("already started");
    }
  }
}
