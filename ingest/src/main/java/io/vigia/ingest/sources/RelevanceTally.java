package io.vigia.ingest.sources;

import io.vigia.common.config.KafkaSettings;
import io.vigia.common.health.HealthReporting;
import io.vigia.common.health.StageHealth;
import io.vigia.common.kafka.TopicFollower;
import io.vigia.common.kafka.UnreadableRecords;
import io.vigia.schemas.DeadLetter;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many articles of each feed enrich judged relevant and irrelevant, for source health.
 *
 * <p>The verdicts live in two topics (relevant articles in {@code vigia.articles.enriched}, the
 * rest in {@code vigia.articles.irrelevant}); this follows both from the beginning without joining
 * a consumer group, so every process that serves {@code /api/sources} (the one-process pipeline,
 * each ingest instance) sees the whole count whichever instance enriched what.
 *
 * <p>A record it cannot decode: on the enriched topic it is skipped and counted (the sink, its
 * reader, dead-letters it); on the irrelevant topic, whose articles are kept for audit and replay
 * and which no stage consumes, it is sent to the dead-letter topic. To send each such record once,
 * not again at every start, the offset after the last one dead-lettered is committed under the
 * consumer group {@value #DEAD_LETTER_GROUP} (no member ever joins it; it only keeps offsets).
 */
public final class RelevanceTally implements AutoCloseable, HealthReporting {
  private static final Logger LOG = LoggerFactory.getLogger(RelevanceTally.class);

  /** Verdicts for one feed. */
  public record Counts(long relevant, long irrelevant) {}

  /**
   * Offsets of the irrelevant topic's records already dead-lettered, kept as this group's committed
   * offsets.
   */
  static final String DEAD_LETTER_GROUP = "vigia-relevance-tally-deadletters";

  private final Map<String, AtomicLong[]> byFeed = new ConcurrentHashMap<>();
  private final KafkaSettings kafka;
  private final KafkaProducer<String, DeadLetter> deadLetters;

  /** Per irrelevant partition, the offset below which records were dead-lettered already. */
  private final Map<TopicPartition, Long> deadLetteredUpTo = new HashMap<>();

  private TopicFollower<String, byte[]> reader;

  public RelevanceTally(KafkaSettings kafka) {
    this.kafka = kafka;
    Properties pp = kafka.clientProperties();
    pp.put(ProducerConfig.ACKS_CONFIG, "all");
    deadLetters =
        new KafkaProducer<>(
            pp,
            Topics.DEAD_LETTER.keySerde().serializer(),
            Topics.DEAD_LETTER.valueSerde().serializer());
    UnreadableRecords.skipped("relevance-tally", Topics.ENRICHED.name(), 0);
  }

  public RelevanceTally start() {
    reader =
        TopicFollower.builder(
                "vigia-relevance-tally",
                kafka,
                new StringDeserializer(),
                new ByteArrayDeserializer())
            .topics(Topics.ENRICHED.name(), Topics.IRRELEVANT.name())
            .property(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000)
            // assigned, never subscribed: the group only keeps offsets
            .property(ConsumerConfig.GROUP_ID_CONFIG, DEAD_LETTER_GROUP)
            .onRecord(this::count)
            .start();
    return this;
  }

  private void count(ConsumerRecord<String, byte[]> r) {
    boolean relevant = r.topic().equals(Topics.ENRICHED.name());
    if (r.value() == null) {
      return;
    }
    EnrichedArticle a;
    try {
      a =
          relevant
              ? Topics.ENRICHED.valueSerde().deserializer().deserialize(r.topic(), r.value())
              : Topics.IRRELEVANT.valueSerde().deserializer().deserialize(r.topic(), r.value());
    } catch (RuntimeException e) {
      if (relevant) {
        UnreadableRecords.skipped("relevance-tally", r.topic());
      } else {
        deadLetterOnce(r, e);
      }
      return;
    }
    String feed = a.getArticle().getFeedUrl() == null ? "" : a.getArticle().getFeedUrl().toString();
    byFeed
        .computeIfAbsent(feed, f -> new AtomicLong[] {new AtomicLong(), new AtomicLong()})[
        relevant ? 0 : 1]
        .incrementAndGet();
  }

  /**
   * Sends an unreadable irrelevant record to the dead-letter topic unless an earlier run already
   * did (its offset is below the committed one), then commits past it. Two processes meeting it at
   * once may both send it: at least once, like every dead letter.
   */
  private void deadLetterOnce(ConsumerRecord<String, byte[]> r, RuntimeException why) {
    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
    if (r.offset() < deadLetteredUpTo.computeIfAbsent(tp, reader::committed)) {
      return;
    }
    DeadLetter d =
        DeadLetter.newBuilder()
            .setStage("relevance-tally")
            .setTopic(r.topic())
            .setPartition(r.partition())
            .setOffset(r.offset())
            .setKey(
                r.key() == null
                    ? null
                    : java.nio.ByteBuffer.wrap(
                        r.key().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .setValue(java.nio.ByteBuffer.wrap(r.value()))
            .setError("unreadable irrelevant article: " + why.getMessage())
            .setErrorClass(why.getClass().getName())
            .setAt(java.time.Instant.now())
            .build();
    try {
      deadLetters
          .send(new ProducerRecord<>(Topics.DEAD_LETTER.name(), r.key(), d))
          .get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WakeupException();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(
          "cannot dead-letter an unreadable record of " + tp + " at " + r.offset() + ": " + e, e);
    }
    reader.commit(tp, r.offset() + 1);
    deadLetteredUpTo.put(tp, r.offset() + 1);
    LOG.warn(
        "dead-lettered an unreadable record of {} at offset {}: {}",
        tp,
        r.offset(),
        why.getMessage());
  }

  /**
   * Down once it stopped following the topics: the per-feed counts of {@code /api/sources} stop
   * growing.
   */
  @Override
  public StageHealth health() {
    Throwable f = reader == null ? null : reader.failure().orElse(null);
    return f == null
        ? StageHealth.up("relevance-tally")
        : StageHealth.down("relevance-tally", "stopped counting relevant items per feed", f);
  }

  /** The counts of one feed so far (zeros for a feed nothing was enriched from yet). */
  public Counts of(String feedUrl) {
    AtomicLong[] c = byFeed.get(feedUrl);
    return c == null ? new Counts(0, 0) : new Counts(c[0].get(), c[1].get());
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.close();
    }
    deadLetters.close(Duration.ofSeconds(5));
  }
}
