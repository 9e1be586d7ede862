package io.vigia.app.relevance;

import io.vigia.common.kafka.TopicPartitions;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.health.HealthReporting;
import io.vigia.common.health.StageHealth;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many articles of each feed enrich judged relevant and irrelevant, for source health.
 *
 * <p>The verdicts live in two topics (relevant articles in {@code vigia.articles.enriched},
 * the rest in {@code vigia.articles.irrelevant}); this follows both from the beginning without a
 * consumer group, so every process that serves {@code /api/sources} (the one-process pipeline,
 * each ingest instance) sees the whole count whichever instance enriched what. A record it cannot
 * decode is skipped: the enrich stage already dead-letters those.
 */
public final class RelevanceTally implements AutoCloseable, HealthReporting {
  private static final Logger LOG = LoggerFactory.getLogger(RelevanceTally.class);

  /** Verdicts for one feed. */
  public record Counts(long relevant, long irrelevant) {}

  private final Map<String, AtomicLong[]> byFeed = new ConcurrentHashMap<>();
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Throwable failure;

  public RelevanceTally(KafkaSettings kafka) {
    Properties p = kafka.clientProperties();
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    thread = new Thread(this::follow, "vigia-relevance-tally");
    thread.setDaemon(true);
  }

  public RelevanceTally start() {
    thread.start();
    return this;
  }

  private void follow() {
    try {
      List<TopicPartition> parts = new ArrayList<>();
      for (String topic : List.of(Topics.ENRICHED.name(), Topics.IRRELEVANT.name())) {
        parts.addAll(TopicPartitions.of(consumer, topic, Duration.ofSeconds(60)));
      }
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      while (running) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          count(r.topic().equals(Topics.ENRICHED.name()), r.value());
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      failure = e;
      LOG.warn("stopped counting relevance per feed: {}", e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void count(boolean relevant, byte[] value) {
    if (value == null) {
      return;
    }
    EnrichedArticle a;
    try {
      a = relevant ? Topics.ENRICHED.valueSerde().deserializer().deserialize(Topics.ENRICHED.name(), value)
          : Topics.IRRELEVANT.valueSerde().deserializer().deserialize(Topics.IRRELEVANT.name(), value);
    } catch (RuntimeException e) {
      return;
    }
    String feed = a.getArticle().getFeedUrl() == null ? "" : a.getArticle().getFeedUrl().toString();
    byFeed.computeIfAbsent(feed, f -> new AtomicLong[] {new AtomicLong(), new AtomicLong()})[relevant ? 0 : 1].incrementAndGet();
  }

  /** Down once it stopped following the topics: the per-feed counts of {@code /api/sources} stop growing. */
  @Override
  public StageHealth health() {
    Throwable f = failure;
    return f == null ? StageHealth.up("relevance-tally") : StageHealth.down("relevance-tally", "stopped counting relevant items per feed", f);
  }

  /** The counts of one feed so far (zeros for a feed nothing was enriched from yet). */
  public Counts of(String feedUrl) {
    AtomicLong[] c = byFeed.get(feedUrl);
    return c == null ? new Counts(0, 0) : new Counts(c[0].get(), c[1].get());
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
