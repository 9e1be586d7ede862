package io.vigia.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.http.Json;
import io.vigia.common.kafka.ConsumerThreads;
import io.vigia.common.kafka.TopicPartitions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The latest alerts of every partition, for {@code GET /api/alerts} and the dashboard. */
public final class RecentAlerts implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RecentAlerts.class);
  static final int KEEP = 200;

  private final KafkaSettings kafka;
  private final Deque<JsonNode> latest = new ArrayDeque<>();
  private KafkaConsumer<String, String> consumer;
  private Thread thread;
  private volatile boolean running;

  public RecentAlerts(KafkaSettings kafka) {
    this.kafka = kafka;
  }

  public void start() {
    Properties c = kafka.clientProperties();
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    List<TopicPartition> parts =
        TopicPartitions.of(consumer, AlertTopics.ALERTS.name(), Duration.ofSeconds(60));
    consumer.assign(parts);
    Map<TopicPartition, Long> begin = consumer.beginningOffsets(parts);
    consumer
        .endOffsets(parts)
        .forEach((tp, end) -> consumer.seek(tp, Math.max(begin.get(tp), end - KEEP)));
    running = true;
    thread = new Thread(this::follow, "vigia-alerts-recent");
    thread.setDaemon(true);
    thread.start();
  }

  private void follow() {
    try {
      while (running) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
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
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("recent-alerts reader stopped", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
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
    running = false;
    ConsumerThreads.stop(consumer, thread, Duration.ofSeconds(10));
  }
}
