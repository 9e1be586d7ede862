package io.vigia.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.http.Json;
import io.vigia.common.kafka.TopicFollower;
import io.vigia.schemas.Topics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The latest alerts of every partition, for {@code GET /api/alerts} and the dashboard. */
public final class RecentAlerts implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RecentAlerts.class);
  static final int KEEP = 200;

  private final KafkaSettings kafka;
  private final Deque<JsonNode> latest = new ArrayDeque<>();
  private TopicFollower<String, String> reader;

  public RecentAlerts(KafkaSettings kafka) {
    this.kafka = kafka;
  }

  public void start() {
    reader =
        TopicFollower.builder(
                "vigia-alerts-recent", kafka, new StringDeserializer(), new StringDeserializer())
            .topics(Topics.ALERTS.name())
            .startAt(TopicFollower.StartAt.lastPerPartition(KEEP))
            .onRecord(this::keep)
            .start();
  }

  private void keep(ConsumerRecord<String, String> r) {
    try {
      JsonNode a = Json.MAPPER.readTree(r.value());
      synchronized (latest) {
        latest.addFirst(a);
        while (latest.size() > KEEP) {
          latest.removeLast();
        }
      }
    } catch (Exception e) {
      LOG.debug("unreadable alert at {}-{}@{}", r.topic(), r.partition(), r.offset());
    }
  }

  /** Up to {@code size} alerts, newest first by match time, optionally of one subscription. */
  public List<JsonNode> latest(int size, String subscriptionId) {
    List<JsonNode> all;
    synchronized (latest) {
      all = new ArrayList<>(latest);
    }
    return all.stream()
        .filter(
            a -> subscriptionId == null || subscriptionId.equals(a.path("subscriptionId").asText()))
        .sorted((x, y) -> y.path("matchedAt").asText().compareTo(x.path("matchedAt").asText()))
        .limit(size)
        .toList();
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.close();
    }
  }
}
