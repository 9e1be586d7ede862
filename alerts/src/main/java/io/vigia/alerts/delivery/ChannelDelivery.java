package io.vigia.alerts.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.vigia.alerts.Subscription;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.metrics.Metrics;
import io.vigia.schemas.Topic;
import io.vigia.schemas.TopicCreator;
import io.vigia.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One alert (or digest) to each channel of a subscription — webhook, email, Kafka topic — each
 * retried with exponential backoff until delivered, refused for good, out of attempts, or past the
 * batch's deadline; then dead-lettered with the reason.
 */
final class ChannelDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelDelivery.class);

  private final KafkaSettings kafka;
  private final WebhookSender webhooks;
  private final EmailSender email;
  private final RetryPolicy retry;
  private final KafkaProducer<String, String> producer;
  private final AlertDeadLetters deadLetters;
  private final BooleanSupplier running;
  private final Set<String> createdTopics = ConcurrentHashMap.newKeySet();
  private final Counter delivered =
      Counter.builder("vigia.alerts.delivered")
          .description("Alert deliveries that succeeded")
          .register(Metrics.registry());

  ChannelDelivery(
      KafkaSettings kafka,
      WebhookSender webhooks,
      EmailSender email,
      RetryPolicy retry,
      KafkaProducer<String, String> producer,
      AlertDeadLetters deadLetters,
      BooleanSupplier running) {
    this.kafka = kafka;
    this.webhooks = webhooks;
    this.email = email;
    this.retry = retry;
    this.producer = producer;
    this.deadLetters = deadLetters;
    this.running = running;
  }

  /**
   * Delivers to every channel of {@code s}; a channel's dead letter is added to {@code letters}.
   */
  void deliver(
      Subscription s,
      String alertId,
      ObjectNode body,
      String subject,
      String text,
      Instant deadline,
      List<Future<?>> letters) {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    if (s.webhook() != null) {
      attempt(
          s, "webhook", bytes, () -> webhooks.send(s.webhook(), alertId, bytes), deadline, letters);
    }
    if (s.email() != null) {
      attempt(
          s, "email", bytes, () -> email.send(s.email().to(), subject, text), deadline, letters);
    }
    if (s.kafka() != null) {
      attempt(
          s,
          "kafka",
          bytes,
          () -> {
            try {
              ensureTopic(s.kafka().topic());
              producer
                  .send(new ProducerRecord<>(s.kafka().topic(), s.id(), body.toString()))
                  .get(30, TimeUnit.SECONDS);
              return DeliveryResult.delivered();
            } catch (Exception e) {
              return DeliveryResult.failed(
                  "Kafka topic " + s.kafka().topic() + ": " + e.getMessage(), true);
            }
          },
          deadline,
          letters);
    }
  }

  /**
   * Creates a subscription's Kafka topic the first time it is used, as the stage's own topics are.
   */
  private void ensureTopic(String topic) throws InterruptedException {
    if (createdTopics.contains(topic)) {
      return;
    }
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      TopicCreator.ensure(
          admin,
          List.of(new Topic<>(topic, Topics.KEYS, Topics.KEYS, false)),
          kafka.partitions(),
          kafka.replicationFactor());
    }
    createdTopics.add(topic);
  }

  /**
   * Tries one channel with exponential backoff until it is delivered, refused for good, out of
   * attempts, or the next wait would pass {@code deadline}; then dead-letters it with the reason.
   */
  private void attempt(
      Subscription s,
      String channel,
      byte[] body,
      Supplier<DeliveryResult> send,
      Instant deadline,
      List<Future<?>> letters) {
    for (int attempt = 1; ; attempt++) {
      DeliveryResult r = send.get();
      if (r instanceof DeliveryResult.Delivered) {
        delivered.increment();
        return;
      }
      DeliveryResult.Failed f = (DeliveryResult.Failed) r;
      Duration wait = retry.delayAfter(attempt);
      String tries = attempt + " attempt" + (attempt == 1 ? "" : "s");
      String text = new String(body, StandardCharsets.UTF_8);
      if (!f.retryable() || attempt >= retry.maxAttempts() || !running.getAsBoolean()) {
        letters.add(
            deadLetters.send(
                s.id(), text, channel + " delivery failed after " + tries + ": " + f.reason()));
        return;
      }
      if (Instant.now().plus(wait).isAfter(deadline)) {
        letters.add(
            deadLetters.send(
                s.id(),
                text,
                channel
                    + " delivery failed after "
                    + tries
                    + " (retries stop after "
                    + AlertDispatcher.batchWindow().toMinutes()
                    + " min so the deliverer keeps its partitions): "
                    + f.reason()));
        return;
      }
      LOG.info(
          "{} delivery for subscription {} failed ({}); retry {} in {} ms",
          channel,
          s.id(),
          f.reason(),
          attempt + 1,
          wait.toMillis());
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        letters.add(
            deadLetters.send(
                s.id(),
                text,
                channel + " delivery interrupted by a stop after " + tries + ": " + f.reason()));
        return;
      }
    }
  }
}
