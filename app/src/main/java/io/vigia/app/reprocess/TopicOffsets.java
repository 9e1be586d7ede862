package io.vigia.app.reprocess;

import io.vigia.common.config.KafkaSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The offsets a reprocessing run measures itself by: where a topic begins and ends, what a group
 * committed, and where the last record of a partition written with transactions ends (its end
 * offset also counts the commit markers, which a reader never reaches as records).
 */
final class TopicOffsets implements AutoCloseable {
  private static final long TIMEOUT_S = 30;
  private final Admin admin;
  private final KafkaConsumer<byte[], byte[]> reader;

  TopicOffsets(KafkaSettings kafka) {
    this.admin = Admin.create(kafka.clientProperties());
    Properties c = kafka.clientProperties();
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
    this.reader = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  boolean exists(String topic) {
    return get(() -> admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS)).contains(topic);
  }

  List<TopicPartition> partitions(String topic) {
    return reader.partitionsFor(topic, Duration.ofSeconds(TIMEOUT_S)).stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .toList();
  }

  /** End offsets (for a topic with transactions: the last stable offset). */
  Map<TopicPartition, Long> ends(String topic) {
    return reader.endOffsets(partitions(topic), Duration.ofSeconds(TIMEOUT_S));
  }

  Map<TopicPartition, Long> beginnings(String topic) {
    return reader.beginningOffsets(partitions(topic), Duration.ofSeconds(TIMEOUT_S));
  }

  /** What {@code group} committed on {@code topic}'s partitions (absent: nothing yet). */
  Map<TopicPartition, Long> committed(String group, String topic) {
    Map<TopicPartition, OffsetAndMetadata> all =
        get(
            () ->
                admin
                    .listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_S, TimeUnit.SECONDS));
    Map<TopicPartition, Long> out = new HashMap<>();
    all.forEach(
        (tp, o) -> {
          if (o != null && tp.topic().equals(topic)) {
            out.put(tp, o.offset());
          }
        });
    return out;
  }

  /**
   * Per partition, the offset just after its last committed record (its beginning when it holds
   * none): what a reader has to have passed to have read everything.
   */
  Map<TopicPartition, Long> afterLastRecord(String topic) {
    Map<TopicPartition, Long> ends = ends(topic);
    Map<TopicPartition, Long> begins = beginnings(topic);
    Map<TopicPartition, Long> out = new HashMap<>();
    for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
      out.put(e.getKey(), afterLastRecord(e.getKey(), begins.get(e.getKey()), e.getValue()));
    }
    return out;
  }

  private long afterLastRecord(TopicPartition tp, long begin, long end) {
    ConsumerRecord<byte[], byte[]> last = lastRecordBefore(tp, begin, end);
    return last == null ? begin : last.offset() + 1;
  }

  /** The last committed record of {@code tp} before offset {@code end}; null when none. */
  ConsumerRecord<byte[], byte[]> lastRecordBefore(TopicPartition tp, long end) {
    long begin = reader.beginningOffsets(List.of(tp), Duration.ofSeconds(TIMEOUT_S)).get(tp);
    return lastRecordBefore(tp, begin, end);
  }

  private ConsumerRecord<byte[], byte[]> lastRecordBefore(TopicPartition tp, long begin, long end) {
    if (end <= begin) {
      return null;
    }
    long window = 64;
    for (long from = Math.max(begin, end - window); ; from = Math.max(begin, from - window)) {
      ConsumerRecord<byte[], byte[]> last = null;
      reader.assign(List.of(tp));
      reader.seek(tp, from);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
      while (reader.position(tp) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(200))) {
          if (r.offset() < end && (last == null || r.offset() > last.offset())) {
            last = r;
          }
        }
      }
      if (last != null) {
        return last;
      }
      if (from == begin) {
        return null;
      }
      window *= 4;
    }
  }

  /**
   * Per partition of {@code topic}, the first offset whose record timestamp is at or after {@code
   * at} (the end offset where there is none).
   */
  Map<TopicPartition, Long> offsetsForTime(String topic, long at) {
    List<TopicPartition> tps = partitions(topic);
    Map<TopicPartition, Long> query = new HashMap<>();
    tps.forEach(tp -> query.put(tp, at));
    Map<TopicPartition, Long> ends = ends(topic);
    Map<TopicPartition, Long> out = new HashMap<>();
    reader
        .offsetsForTimes(query, Duration.ofSeconds(TIMEOUT_S))
        .forEach((tp, o) -> out.put(tp, o != null ? o.offset() : ends.get(tp)));
    return out;
  }

  private interface Call<T> {
    T run() throws InterruptedException, ExecutionException, TimeoutException;
  }

  private static <T> T get(Call<T> call) {
    try {
      return call.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not answer: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    reader.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }
}
