package io.vigia.schemas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema compatibility checked at start, without a registry: every stage records the schemas it
 * writes in the compacted topic {@link Topics#SCHEMAS}. At start a stage reads that log and refuses
 * to run if its schemas cannot read data written with any recorded schema of the same name (an
 * incompatible upgrade would otherwise fail record by record). Compatible recorded schemas,
 * including newer ones, are taught to the serdes so their records decode.
 */
public final class SchemaCheck {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaCheck.class);

  private SchemaCheck() {}

  /** One schema this build writes, with a serde that reads it. */
  public record Owned(Schema schema, AvroSerde<?> serde) {}

  /**
   * Every Avro serde of this build's topics, one entry per serde instance: two topics of the same
   * schema (enriched and irrelevant articles) have a serde each, and each must learn the recorded
   * writer schemas, or records of a newer writer decode on one topic and dead-letter on the other.
   */
  public static List<Owned> owned() {
    List<Owned> owned = new ArrayList<>();
    for (Topic<?, ?> t : Topics.all()) {
      if (t.valueSerde() instanceof AvroSerde<?> serde
          && owned.stream().noneMatch(o -> o.serde() == serde)) {
        owned.add(new Owned(serde.schema(), serde));
      }
    }
    return owned;
  }

  /** What the check met in the schema log: records it skipped because they are not a schema. */
  public record Checked(int unreadableRecords) {}

  /**
   * Fails with {@link IncompatibleSchemaException} if a recorded schema cannot be read; then
   * records ours. A record of the log that is not a schema at all is skipped (with a warning), and
   * counted.
   */
  public static Checked verifyAndRegister(Properties clientProperties) throws InterruptedException {
    int[] unreadable = {0};
    List<Schema> recorded = readLog(clientProperties, unreadable);
    java.util.Set<String> problems =
        new java.util.LinkedHashSet<>(); // two serdes of one schema find the same problem
    for (Owned o : owned()) {
      for (Schema writer : recorded) {
        if (!writer.getFullName().equals(o.schema().getFullName())) {
          continue;
        }
        var result = SchemaCompatibility.checkReaderWriterCompatibility(o.schema(), writer);
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
          problems.add(
              o.schema().getName()
                  + " cannot read data written with the recorded version "
                  + fingerprint(writer)
                  + ": "
                  + result.getResult().getIncompatibilities().stream()
                      .map(i -> i.getType() + " at " + i.getLocation())
                      .distinct()
                      .toList());
        } else {
          o.serde().addWriterSchema(writer);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IncompatibleSchemaException(
          "This build's schemas are incompatible with data already in Kafka: "
              + String.join("; ", problems)
              + ". Make the change compatible (new fields need defaults; see README, Topics) "
              + "or migrate the topics before upgrading.");
    }
    register(clientProperties);
    return new Checked(unreadable[0]);
  }

  private static List<Schema> readLog(Properties base, int[] unreadable)
      throws InterruptedException {
    Properties p = new Properties();
    p.putAll(base);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "vigia-schema-check-" + UUID.randomUUID());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<Schema> schemas = new ArrayList<>();
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts =
          c.partitionsFor(Topics.SCHEMAS.name(), Duration.ofSeconds(60)).stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(60));
      long deadline = System.currentTimeMillis() + 60_000;
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException(
              "could not read " + Topics.SCHEMAS.name() + " within 60 s");
        }
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          if (r.value() != null) {
            try {
              schemas.add(new Schema.Parser().parse(r.value()));
            } catch (RuntimeException e) {
              unreadable[0]++;
              LOG.warn(
                  "ignoring an unreadable schema record {} in {}: {}",
                  r.key(),
                  r.topic(),
                  e.getMessage());
            }
          }
        }
      }
    }
    return schemas;
  }

  private static void register(Properties base) throws InterruptedException {
    Properties p = new Properties();
    p.putAll(base);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      java.util.Set<String> recorded = new java.util.HashSet<>();
      for (Owned o : owned()) {
        if (!recorded.add(o.schema().getFullName() + "@" + fingerprint(o.schema()))) {
          continue; // one record per schema, however many serdes share it
        }
        producer
            .send(
                new ProducerRecord<>(
                    Topics.SCHEMAS.name(),
                    o.schema().getFullName() + "@" + fingerprint(o.schema()),
                    o.schema().toString()))
            .get(60, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot record schemas in " + Topics.SCHEMAS.name() + ": " + e.getMessage(), e);
    }
  }

  static String fingerprint(Schema s) {
    return Long.toHexString(SchemaNormalization.parsingFingerprint64(s));
  }

  /** This build cannot read what is already in the topics. */
  public static final class IncompatibleSchemaException extends RuntimeException {
    public IncompatibleSchemaException(String message) {
      super(message);
    }
  }
}
