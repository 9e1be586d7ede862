package io.vigia.alerts.delivery;

import io.micrometer.core.instrument.Counter;
import io.vigia.common.metrics.Metrics;
import io.vigia.schemas.DeadLetter;
import io.vigia.schemas.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts given up on: each goes to the dead-letter topic with its subscription, its body and
 * the reason, and is counted. The caller waits for the returned acknowledgement before committing.
 */
final class AlertDeadLetters implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertDeadLetters.class);

  private final KafkaProducer<String, DeadLetter> producer;
  private final Clock clock;
  private final Counter deadLettered =
      Counter.builder("vigia.alerts.dead.letters")
          .description("Alert deliveries given up on")
          .register(Metrics.registry());

  AlertDeadLetters(Properties producerProperties, Clock clock) {
    this.producer =
        new KafkaProducer<>(
            producerProperties,
            Topics.DEAD_LETTER.keySerde().serializer(),
            Topics.DEAD_LETTER.valueSerde().serializer());
    this.clock = clock;
  }

  Future<RecordMetadata> send(String subscriptionId, String body, String reason) {
    LOG.warn("alert for subscription {} dead-lettered: {}", subscriptionId, reason);
    deadLettered.increment();
    byte[] key =
        subscriptionId == null ? new byte[0] : subscriptionId.getBytes(StandardCharsets.UTF_8);
    DeadLetter d =
        DeadLetter.newBuilder()
            .setStage("alerts")
            .setTopic(Topics.ALERTS.name())
            .setKey(ByteBuffer.wrap(key))
            .setValue(
                ByteBuffer.wrap(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)))
            .setError(reason)
            .setAt(clock.instant())
            .build();
    return producer.send(new ProducerRecord<>(Topics.DEAD_LETTER.name(), subscriptionId, d));
  }

  void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
