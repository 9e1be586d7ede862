package io.vigia.alerts;

import io.vigia.common.config.KafkaSettings;
import io.vigia.common.http.Json;
import io.vigia.common.kafka.TopicFollower;
import io.vigia.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's view of every subscription: it reads the whole compacted topic from the beginning
 * and follows it, so a subscription written through any instance is seen by all. Writes wait until
 * this view has read them back, so a client can read its own write.
 */
public final class SubscriptionRegistry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRegistry.class);
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaSettings kafka;
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private TopicFollower<String, String> reader;
  private KafkaProducer<String, String> producer;

  public SubscriptionRegistry(KafkaSettings kafka) {
    this.kafka = kafka;
  }

  /** Starts following the topic and returns once everything written before now has been read. */
  public void start() {
    Properties p = kafka.clientProperties();
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    reader =
        TopicFollower.builder(
                "vigia-alerts-subscriptions",
                kafka,
                new StringDeserializer(),
                new StringDeserializer())
            .topics(Topics.ALERT_SUBSCRIPTIONS.name())
            // short polls: a write waits for its read-back, and an empty topic for one poll
            .pollTimeout(Duration.ofMillis(200))
            .onRecord(r -> apply(r.key(), r.value()))
            .start();
    reader.awaitCaughtUp(Duration.ofSeconds(60));
  }

  private void apply(String id, String json) {
    if (id == null) {
      return;
    }
    if (json == null) {
      subscriptions.remove(id);
      return;
    }
    try {
      subscriptions.put(id, Subscription.fromJson(Json.MAPPER.readTree(json), id, Instant.EPOCH));
    } catch (Exception e) {
      // Jackson's parse errors quote the input, which holds the secret: never log those.
      LOG.warn(
          "ignoring unreadable subscription {}: {}",
          id,
          e instanceof com.fasterxml.jackson.core.JsonProcessingException
              ? "not valid JSON"
              : e.getMessage());
    }
  }

  /** Writes (creates or replaces) a subscription and waits until this instance sees it. */
  public Subscription put(Subscription s) {
    write(s.id(), s.toStoredJson().toString());
    return s;
  }

  /** Deletes a subscription; true if it existed. */
  public boolean delete(String id) {
    boolean existed = subscriptions.containsKey(id);
    if (existed) {
      write(id, null);
    }
    return existed;
  }

  private void write(String id, String json) {
    try {
      RecordMetadata m =
          producer
              .send(new ProducerRecord<>(Topics.ALERT_SUBSCRIPTIONS.name(), id, json))
              .get(WRITE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      reader.awaitPosition(
          new TopicPartition(m.topic(), m.partition()), m.offset() + 1, WRITE_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while saving subscription " + id, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot save subscription " + id + ": " + e.getMessage(), e);
    }
  }

  /** Why the reader of the subscriptions topic stopped, or null while it runs. */
  public Throwable failure() {
    return reader == null ? null : reader.failure().orElse(null);
  }

  public Optional<Subscription> get(String id) {
    if (id == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(subscriptions.get(id));
  }

  /** Every subscription, oldest first. */
  public List<Subscription> list() {
    Collection<Subscription> all = subscriptions.values();
    return all.stream()
        .sorted(Comparator.comparing(Subscription::createdAt).thenComparing(Subscription::id))
        .toList();
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.close();
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }
}
