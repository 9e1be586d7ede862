package io.vigia.sink.corrections;

import io.vigia.common.config.KafkaSettings;
import io.vigia.common.health.HealthReporting;
import io.vigia.common.health.StageHealth;
import io.vigia.common.kafka.TopicFollower;
import io.vigia.common.kafka.UnreadableRecords;
import io.vigia.schemas.Correction;
import io.vigia.schemas.Topics;
import io.vigia.sink.index.IndexUnavailableException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The corrections of {@code vigia.corrections}, written and followed: {@link #write} and {@link
 * #retract} produce to the compacted topic; a follower reads the whole topic at start and then
 * every new record into the {@link CorrectionSet}, and after each batch has the {@link
 * CorrectedIndex} overlay the changed articles again. A write returns once its own record has been
 * read back and applied, so the caller's next search sees it. Every sink process follows the whole
 * topic, so each one's index (or the shared OpenSearch index, rewritten idempotently) carries every
 * correction, across restarts.
 *
 * <p>A record that is not a correction (unreadable bytes, a key that names no article and field) is
 * skipped and counted in {@code vigia_records_unreadable_total{reader="sink-corrections"}}: the
 * topic is re-read at every start, so a dead letter would be sent again each time.
 */
public final class CorrectionLog implements AutoCloseable, HealthReporting {
  private static final Logger LOG = LoggerFactory.getLogger(CorrectionLog.class);
  private static final String READER = "sink-corrections";

  /** What a write came to: whether the index showed it within the wait. */
  public record Written(Correction correction, boolean visible) {}

  private final KafkaSettings kafka;
  private final CorrectedIndex index;
  private final Set<String> changed = new LinkedHashSet<>(); // the follower thread's only
  private volatile boolean running;
  private TopicFollower<String, byte[]> follower;
  private KafkaProducer<String, Correction> producer;

  public CorrectionLog(KafkaSettings kafka, CorrectedIndex index) {
    this.kafka = kafka;
    this.index = index;
    UnreadableRecords.skipped(READER, Topics.CORRECTIONS.name(), 0);
  }

  /**
   * Starts following the topic from its beginning; {@link #awaitCaughtUp} waits for the reading.
   */
  public CorrectionLog start() {
    Properties p = kafka.clientProperties();
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    producer =
        new KafkaProducer<>(
            p,
            Topics.CORRECTIONS.keySerde().serializer(),
            Topics.CORRECTIONS.valueSerde().serializer());
    running = true;
    follower =
        TopicFollower.builder(
                "vigia-corrections", kafka, Topics.KEYS.deserializer(), new ByteArrayDeserializer())
            .topics(Topics.CORRECTIONS.name())
            .pollTimeout(Duration.ofMillis(100))
            .onRecord(this::read)
            .afterBatch(this::applyChanged)
            .start();
    return this;
  }

  /** Waits until every correction written before the start is read and overlaid. */
  public void awaitCaughtUp(Duration timeout) {
    follower.awaitCaughtUp(timeout);
  }

  private void read(ConsumerRecord<String, byte[]> r) {
    String key = r.key();
    int space = key == null ? -1 : key.indexOf(' ');
    if (space <= 0 || space == key.length() - 1) {
      skip(r, "its key is not 'ARTICLE_ID FIELD'");
      return;
    }
    String articleId = key.substring(0, space);
    String field = key.substring(space + 1);
    Correction c = null;
    if (r.value() != null) {
      try {
        c = Topics.CORRECTIONS.valueSerde().deserializer().deserialize(r.topic(), r.value());
      } catch (RuntimeException e) {
        skip(r, e.getMessage());
        return;
      }
      if (!articleId.equals(c.getArticleId()) || !field.equals(c.getField())) {
        skip(r, "its key names another article or field than the correction");
        return;
      }
    }
    if (index.corrections().put(articleId, field, c)) {
      changed.add(articleId);
    }
  }

  private static void skip(ConsumerRecord<String, byte[]> r, String why) {
    LOG.warn("skipped the record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), why);
    UnreadableRecords.skipped(READER, r.topic());
  }

  /** Overlays the changed articles again; while the index is unavailable, retries (backing off). */
  private void applyChanged() {
    long backoff = 200;
    while (running && !changed.isEmpty()) {
      try {
        index.reapply(changed);
        changed.clear();
      } catch (IndexUnavailableException | RuntimeException e) {
        LOG.warn("cannot overlay corrections yet ({}); retrying in {} ms", e.getMessage(), backoff);
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  /**
   * Writes a correction (replacing any earlier one of the same article and field) and waits up to
   * {@code wait} until the index shows it.
   */
  public Written write(Correction c, Duration wait) {
    return new Written(c, send(Topics.correctionKey(c.getArticleId(), c.getField()), c, wait));
  }

  /**
   * Takes the correction of {@code field} back (a tombstone): the machine's judgement shows again.
   *
   * @return whether the index shows it within {@code wait}
   */
  public boolean retract(String articleId, String field, Duration wait) {
    return send(Topics.correctionKey(articleId, field), null, wait);
  }

  private boolean send(String key, Correction value, Duration wait) {
    RecordMetadata m;
    try {
      m = producer.send(new ProducerRecord<>(Topics.CORRECTIONS.name(), key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing a correction", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot write the correction to Kafka: " + e.getCause().getMessage(), e.getCause());
    }
    try {
      follower.awaitPosition(new TopicPartition(m.topic(), m.partition()), m.offset() + 1, wait);
      return true;
    } catch (IllegalStateException e) {
      LOG.warn("correction {} written but not shown yet: {}", key, e.getMessage());
      return false;
    }
  }

  /** The corrections in force for one article, ordered by field. */
  public List<Correction> of(String articleId) {
    return index.corrections().of(articleId);
  }

  /** Down once the follower stopped: corrections would no longer show. */
  @Override
  public StageHealth health() {
    if (follower == null) {
      return StageHealth.starting("corrections", "not started");
    }
    return follower
        .failure()
        .map(f -> StageHealth.down("corrections", "following vigia.corrections", f))
        .orElse(StageHealth.up("corrections"));
  }

  @Override
  public void close() {
    running = false;
    if (follower != null) {
      follower.close();
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }
}
