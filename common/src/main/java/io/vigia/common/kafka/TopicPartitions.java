package io.vigia.common.kafka;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions of a topic, waiting for a topic created a moment ago to show up in the metadata.
 * Every reader that follows a topic without a consumer group (assign, seek, poll) starts here.
 */
public final class TopicPartitions {
  private TopicPartitions() {}

  public static List<TopicPartition> of(Consumer<?, ?> consumer, String topic, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      if (!parts.isEmpty()) {
        return parts;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "topic "
                + topic
                + " has no partitions after "
                + timeout.toSeconds()
                + " s; is it created?");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }
}
