package io.vigia.ingest;

import io.vigia.common.config.KafkaSettings;
import io.vigia.common.kafka.TopicPartitions;
import io.vigia.common.kafka.UnreadableRecords;
import io.vigia.schemas.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one of ingest's compacted String topics from the beginning to its end, then keeps following
 * it on a daemon thread: other ingest instances write to them too.
 */
final class CompactedTopicFollower {
  private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicFollower.class);

  private CompactedTopicFollower() {}

  /**
   * Applies every record of {@code topic} to {@code apply}, returns once the end is reached, and
   * goes on applying new records on a thread named {@code threadName} while {@code following}.
   */
  static void follow(
      KafkaSettings kafka,
      Topic<String, String> topic,
      BiConsumer<String, String> apply,
      String threadName,
      BooleanSupplier following) {
    Properties p = kafka.clientProperties();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "vigia-ingest-restore-" + UUID.randomUUID());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, String> c =
        new KafkaConsumer<>(p, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    try {
      List<TopicPartition> parts = TopicPartitions.of(c, topic.name(), Duration.ofSeconds(60));
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
          applySafely(apply, r);
        }
      }
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
    Thread tail = new Thread(() -> tail(c, apply, following), threadName);
    tail.setDaemon(true);
    tail.start();
  }

  private static void tail(
      KafkaConsumer<String, String> c,
      BiConsumer<String, String> apply,
      BooleanSupplier following) {
    try (c) {
      while (following.getAsBoolean()) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
          applySafely(apply, r);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.warn(
          "stopped following {}: {}",
          c.subscription().isEmpty() ? "a topic" : c.subscription(),
          e.toString());
    }
  }

  /**
   * Poison in these compacted topics is skipped and counted ({@code
   * vigia_records_unreadable_total}), not dead-lettered: they are re-read from the beginning at
   * every start (a dead letter would be sent again each time), and a skipped record costs at most
   * one refetch (enrich drops the repeat by id) or one poll from a fresh state, never an article.
   */
  private static void applySafely(
      BiConsumer<String, String> apply, ConsumerRecord<String, String> r) {
    try {
      if (r.key() == null) {
        throw new IllegalArgumentException("no key");
      }
      apply.accept(r.key(), r.value());
    } catch (RuntimeException e) {
      UnreadableRecords.skipped("ingest", r.topic());
      LOG.warn(
          "skipped an unreadable record of {} (partition {}, offset {}, key {}): {}",
          r.topic(),
          r.partition(),
          r.offset(),
          r.key(),
          e.toString());
    }
  }
}
