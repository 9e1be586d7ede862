package io.vigia.alerts.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.alerts.Alert;
import io.vigia.alerts.Subscription;
import io.vigia.alerts.SubscriptionRegistry;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.http.Json;
import io.vigia.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the alerts topic to each subscription's webhook, email and Kafka topic. A batch is
 * delivered in parallel, each delivery retried with exponential backoff (for at most {@link
 * #batchWindow()} per batch, so the consumer is never evicted) by {@link ChannelDelivery}; what
 * still fails, and any record that is not a readable alert, goes to the dead-letter topic with the
 * reason ({@link AlertDeadLetters}). A record never stops the loop. Offsets are committed after the
 * batch's deliveries and dead letters are acknowledged, so a crash redelivers rather than loses
 * (receivers drop repeats by {@code X-Vigia-Alert-Id}). Digest subscriptions are collected by
 * {@link DigestCollector} and sent once per period; a partial digest does not survive a restart.
 */
public final class AlertDispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
  static final int MAX_POLL_INTERVAL_MS = 15 * 60_000;

  private final KafkaSettings kafka;
  private final String groupId;
  private final SubscriptionRegistry registry;
  private final WebhookSender webhooks;
  private final EmailSender email;
  private final RetryPolicy retry;
  private final Clock clock;
  private final DigestCollector digests;
  private final ExecutorService workers =
      Executors.newFixedThreadPool(8, daemon("vigia-alerts-delivery"));
  private final ScheduledExecutorService digestTimer =
      Executors.newSingleThreadScheduledExecutor(daemon("vigia-alerts-digest"));
  private KafkaConsumer<String, String> consumer;
  private KafkaProducer<String, String> producer;
  private AlertDeadLetters deadLetters;
  private ChannelDelivery channels;
  private Thread thread;

  /** Why the delivery loop stopped, once it has. */
  private volatile Throwable failure;

  private volatile boolean running;

  public AlertDispatcher(
      KafkaSettings kafka,
      String groupId,
      SubscriptionRegistry registry,
      WebhookSender webhooks,
      EmailSender email,
      RetryPolicy retry,
      Clock clock) {
    this.kafka = kafka;
    this.groupId = groupId;
    this.registry = registry;
    this.webhooks = webhooks;
    this.email = email;
    this.retry = retry;
    this.clock = clock;
    this.digests = new DigestCollector(registry, clock);
  }

  public void start() {
    Properties c = kafka.clientProperties();
    c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
    // A batch may wait out the retries of a slow webhook before the next poll (bounded by
    // batchWindow()).
    c.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, MAX_POLL_INTERVAL_MS);
    consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    Properties p = kafka.clientProperties();
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    deadLetters = new AlertDeadLetters(p, clock);
    channels =
        new ChannelDelivery(kafka, webhooks, email, retry, producer, deadLetters, () -> running);
    running = true;
    thread = new Thread(this::loop, "vigia-alerts-dispatch");
    thread.setDaemon(true);
    thread.start();
    digestTimer.scheduleWithFixedDelay(this::flushDueDigests, 10, 10, TimeUnit.SECONDS);
  }

  /** Why the delivery loop stopped, or null while it runs. */
  public Throwable failure() {
    return failure;
  }

  private void loop() {
    try {
      consumer.subscribe(List.of(Topics.ALERTS.name()));
      while (running) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
          continue;
        }
        try {
          deliverBatch(records);
          consumer.commitSync();
        } catch (BatchNotSettled e) {
          // Not committed: read the batch again (receivers drop repeats by alert id) after a pause.
          LOG.warn("alert batch not settled, delivering it again: {}", e.getMessage());
          rewind(records);
          Thread.sleep(1_000);
        } catch (CommitFailedException | RebalanceInProgressException e) {
          // The partitions moved to another deliverer, which redelivers from the last commit.
          LOG.warn(
              "alert offsets not committed ({}); the partitions' new owner delivers again",
              e.getMessage());
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception | Error e) {
      failure = e;
      LOG.error("alert delivery stopped", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * The batch's records could not all be delivered or dead-lettered (the dead-letter topic
   * refused).
   */
  private static final class BatchNotSettled extends Exception {
    BatchNotSettled(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Delivers a polled batch in parallel and returns once every record is delivered or its dead
   * letter acknowledged. Retries of a batch stop at {@link #batchWindow()}, well inside {@code
   * max.poll.interval.ms}, so a slow receiver never gets this consumer evicted.
   */
  private void deliverBatch(ConsumerRecords<String, String> records)
      throws InterruptedException, BatchNotSettled {
    Instant deadline = Instant.now().plus(batchWindow());
    List<Future<?>> letters = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> pending = new ArrayList<>();
    for (ConsumerRecord<String, String> r : records) {
      pending.add(workers.submit(() -> dispatchSafely(r, deadline, letters)));
    }
    for (Future<?> f : pending) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new BatchNotSettled("a delivery failed unexpectedly: " + e.getCause(), e.getCause());
      }
    }
    producer.flush();
    deadLetters.flush();
    synchronized (letters) {
      for (Future<?> f : letters) {
        try {
          f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
          throw new BatchNotSettled(
              "dead letter not acknowledged: " + (e.getCause() == null ? e : e.getCause()), e);
        }
      }
    }
  }

  /** How long one batch may spend on retries before what still fails is dead-lettered. */
  static Duration batchWindow() {
    return Duration.ofMillis(MAX_POLL_INTERVAL_MS).minus(Duration.ofMinutes(1));
  }

  private void rewind(ConsumerRecords<String, String> records) {
    for (TopicPartition tp : records.partitions()) {
      consumer.seek(tp, records.records(tp).get(0).offset());
    }
  }

  /**
   * One record, whatever it holds: delivered, dropped (deleted subscription) or dead-lettered with
   * the reason.
   */
  private void dispatchSafely(
      ConsumerRecord<String, String> r, Instant deadline, List<Future<?>> letters) {
    try {
      dispatch(r, deadline, letters);
    } catch (RuntimeException e) {
      letters.add(deadLetters.send(r.key(), r.value(), "alert could not be delivered: " + e));
    }
  }

  private void dispatch(
      ConsumerRecord<String, String> r, Instant deadline, List<Future<?>> letters) {
    if (r.key() == null || r.value() == null) {
      letters.add(
          deadLetters.send(
              r.key(), r.value(), "alert record without a subscription id (key) or a value"));
      return;
    }
    Subscription s = registry.get(r.key()).orElse(null);
    if (s == null) {
      LOG.debug("alert for deleted subscription {} dropped", r.key());
      return;
    }
    JsonNode alert;
    try {
      alert = Json.MAPPER.readTree(r.value());
    } catch (Exception e) {
      // Jackson's message quotes the input; the reason names the problem only.
      letters.add(deadLetters.send(s.id(), r.value(), "unreadable alert: not valid JSON"));
      return;
    }
    if (alert == null || !alert.isObject()) {
      letters.add(deadLetters.send(s.id(), r.value(), "unreadable alert: not a JSON object"));
      return;
    }
    if (s.digest() != null) {
      digests.collect(s, alert);
      return;
    }
    ObjectNode body = ((ObjectNode) alert.deepCopy()).put("sentAt", clock.instant().toString());
    channels.deliver(
        s,
        alert.path("id").asText(),
        body,
        "Vigía: " + s.name() + ": " + alert.path("article").path("title").asText(),
        Alert.headline(alert) + "\n\n" + alert.path("article").path("text").asText() + "\n",
        deadline,
        letters);
  }

  /** Matches waiting for the next digest of a subscription. */
  public int pendingDigest(String subscriptionId) {
    return digests.pending(subscriptionId);
  }

  /** Sends every digest whose period is over; called by a timer, and by tests. */
  public void flushDueDigests() {
    digests.flushDue(channels, deadLetters);
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    running = false;
    digestTimer.shutdownNow();
    if (consumer != null) {
      consumer.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    workers.shutdownNow();
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      deadLetters.close();
    }
  }
}
