package io.vigia.enrich.learn;

import io.vigia.common.config.KafkaSettings;
import io.vigia.common.kafka.TopicFollower;
import io.vigia.schemas.Correction;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads what {@code vigia learn} learns from out of Kafka: {@code vigia.corrections} to its end
 * (the latest correction of each article and field; a tombstone takes one back), then the corrected
 * articles' text from {@code vigia.articles.raw} (compacted by article id, so it keeps every
 * article's latest version). Only records written before the reading started count, so a reading
 * ends even while the pipeline keeps writing. A record that is no correction (unreadable bytes, a
 * key that names no article and field) is skipped and counted, as the sink's follower does.
 */
public final class StoredCorrections {
  /** How long reading a topic to its end may take: generous, it is a one-off command. */
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(30);

  /** Thrown when no Kafka answers; the message says how to fix it. */
  public static final class Unreachable extends RuntimeException {
    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * What was read.
   *
   * @param corrections the corrections in force, ordered by key
   * @param articles the raw articles of the corrected ids that are still stored
   * @param unreadable records of {@code vigia.corrections} skipped
   */
  public record Read(
      Collection<Correction> corrections, Map<String, RawArticle> articles, long unreadable) {}

  private StoredCorrections() {}

  /**
   * Reads the corrections and their articles from the cluster at {@code kafka}.
   *
   * @throws Unreachable when no broker answers within {@code connect}
   */
  public static Read read(KafkaSettings kafka, Duration connect) {
    Set<String> topics = topics(kafka, connect);
    Map<String, Correction> inForce = new TreeMap<>();
    long[] unreadable = {0};
    if (topics.contains(Topics.CORRECTIONS.name())) {
      readToEnd(
          kafka,
          Topics.CORRECTIONS.name(),
          r -> {
            Correction c = correction(r);
            if (c == null && r.value() != null) {
              unreadable[0]++;
            } else if (c == null) {
              inForce.remove(r.key());
            } else {
              inForce.put(r.key(), c);
            }
          });
    }
    Set<String> ids = new java.util.HashSet<>();
    inForce.values().forEach(c -> ids.add(c.getArticleId()));
    Map<String, RawArticle> articles = new HashMap<>();
    if (!ids.isEmpty() && topics.contains(Topics.RAW.name())) {
      readToEnd(
          kafka,
          Topics.RAW.name(),
          r -> {
            if (r.key() == null || !ids.contains(r.key())) {
              return;
            }
            if (r.value() == null) {
              articles.remove(r.key());
              return;
            }
            try {
              articles.put(
                  r.key(),
                  Topics.RAW.valueSerde().deserializer().deserialize(r.topic(), r.value()));
            } catch (RuntimeException e) {
              // not an article this build reads: its corrections count as missing
            }
          });
    }
    return new Read(List.copyOf(inForce.values()), Map.copyOf(articles), unreadable[0]);
  }

  /** The correction a record holds; null for a tombstone or a record that is none. */
  static Correction correction(ConsumerRecord<String, byte[]> r) {
    String key = r.key();
    int space = key == null ? -1 : key.indexOf(' ');
    if (space <= 0 || space == key.length() - 1 || r.value() == null) {
      return null;
    }
    try {
      Correction c =
          Topics.CORRECTIONS.valueSerde().deserializer().deserialize(r.topic(), r.value());
      return key.equals(Topics.correctionKey(c.getArticleId(), c.getField())) ? c : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Set<String> topics(KafkaSettings kafka, Duration connect) {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      admin.describeCluster().nodes().get(connect.toMillis(), TimeUnit.MILLISECONDS);
      return admin.listTopics().names().get(connect.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new Unreachable("no Kafka answers at " + kafka.bootstrapServers() + " (" + e + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted while reaching Kafka", e);
    }
  }

  private static void readToEnd(
      KafkaSettings kafka, String topic, Consumer<ConsumerRecord<String, byte[]>> each) {
    TopicFollower<String, byte[]>[] self = new TopicFollower[1];
    TopicFollower<String, byte[]> reader =
        TopicFollower.builder(
                "vigia-learn-" + topic,
                kafka,
                Topics.KEYS.deserializer(),
                new ByteArrayDeserializer())
            .topics(topic)
            .onRecord(
                r -> {
                  Long end =
                      self[0].endOffsetsAtStart().get(new TopicPartition(r.topic(), r.partition()));
                  if (end != null && r.offset() < end) {
                    each.accept(r);
                  }
                })
            .build();
    self[0] = reader;
    try (reader) {
      reader.start().awaitCaughtUp(READ_TIMEOUT);
    }
  }
}
