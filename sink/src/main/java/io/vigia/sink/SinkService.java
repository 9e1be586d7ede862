package io.vigia.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.disk.DiskSpaceGuard;
import io.vigia.common.health.HealthReporting;
import io.vigia.common.health.LoopHealth;
import io.vigia.common.health.StageHealth;
import io.vigia.common.kafka.ConsumerThreads;
import io.vigia.common.metrics.Metrics;
import io.vigia.common.metrics.SecondsHistogram;
import io.vigia.schemas.DeadLetter;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Topics;
import io.vigia.search.ArticleDocument;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.index.IndexUnavailableException;
import io.vigia.sink.index.WriteOutcome;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes enriched articles and writes them to the index. Offsets are committed only after the
 * index says the batch is durable, so a crash replays rather than loses; replays overwrite by id,
 * so they do not double. Unreadable records and documents the engine rejects go to the dead-letter
 * topic. When the engine is unavailable the sink pauses and retries the same batch.
 */
public final class SinkService implements AutoCloseable, HealthReporting {
  private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);

  private final KafkaSettings kafka;
  private final SinkSettings settings;
  private final ArticleIndex index;
  private final AtomicLong indexed = new AtomicLong();
  private final DiskSpaceGuard disk;
  private final LoopHealth health = new LoopHealth("sink", "the writing loop");

  private final String topic;
  private final Counter inCounter;
  private final Counter indexedCounter;
  private final Counter deadLetterCounter;
  private final SecondsHistogram writeLatency;
  private final SecondsHistogram fetchedToSearchable;
  private final SecondsHistogram enrichedToSearchable;
  private final SecondsHistogram publishedToSearchable;

  /**
   * Where the writing loop stands on each partition once what it read is durable in the index:
   * positions after a durable write or an empty poll, so {@code vigia reprocess} can tell when its
   * sink has caught up with an end offset.
   */
  private final Map<TopicPartition, Long> durablePositions = new ConcurrentHashMap<>();

  private volatile boolean running;
  private boolean bulk;
  private KafkaConsumer<String, byte[]> consumer;
  private KafkaProducer<String, DeadLetter> deadLetters;
  private Thread thread;

  public SinkService(SinkSettings settings, KafkaSettings kafka, ArticleIndex index) {
    this(settings, kafka, index, DiskSpaceGuard.none());
  }

  public SinkService(
      SinkSettings settings, KafkaSettings kafka, ArticleIndex index, DiskSpaceGuard disk) {
    this(settings, kafka, index, disk, Topics.ENRICHED.name(), Metrics.registry());
  }

  /**
   * A sink reading {@code topic} (the live enriched topic, or a reprocessing run's own) and
   * counting into {@code registry} (a reprocessing run keeps its figures apart from the live ones).
   */
  public SinkService(
      SinkSettings settings,
      KafkaSettings kafka,
      ArticleIndex index,
      DiskSpaceGuard disk,
      String topic,
      MeterRegistry registry) {
    this.disk = disk;
    this.settings = settings;
    this.kafka = kafka;
    this.index = index;
    this.topic = topic;
    this.inCounter =
        Counter.builder("vigia.sink.articles.in")
            .description(
                "Enriched records read from Kafka (replays after a crash or rebalance included)")
            .register(registry);
    this.indexedCounter =
        Counter.builder("vigia.sink.articles.indexed")
            .description("Documents written durably")
            .register(registry);
    this.deadLetterCounter =
        Counter.builder("vigia.sink.dead.letters")
            .description("Records sent to the dead-letter topic")
            .register(registry);
    this.writeLatency =
        SecondsHistogram.register(
            registry,
            "vigia.sink.write",
            "Seconds to write one batch durably (the index acknowledged it)",
            SecondsHistogram.LATENCY_BUCKETS);
    this.fetchedToSearchable =
        SecondsHistogram.register(
            registry,
            "vigia.freshness.fetched.to.searchable",
            "Seconds from an article's fetch to searchable",
            SecondsHistogram.FRESHNESS_BUCKETS);
    this.enrichedToSearchable =
        SecondsHistogram.register(
            registry,
            "vigia.freshness.enriched.to.searchable",
            "Seconds from an article's enrichment (its record in Kafka) to searchable",
            SecondsHistogram.FRESHNESS_BUCKETS);
    this.publishedToSearchable =
        SecondsHistogram.register(
            registry,
            "vigia.freshness.published.to.searchable",
            "Seconds from an article's publication to searchable",
            SecondsHistogram.FRESHNESS_BUCKETS);
  }

  /**
   * Larger batches, for a bulk load (a reprocessing run's own sink): the consumer waits up to a
   * second for a megabyte of records and takes up to {@link #BULK_RECORDS} at a time, so the index
   * commits and refreshes about once a second or per {@link #BULK_RECORDS} documents rather than
   * after every small poll (a commit fsyncs: per poll it cost a bulk run milliseconds a document).
   * Not for the live sink, which writes what arrives at once so it is searchable at once. Before
   * {@link #start}.
   */
  public SinkService batchedForBulkLoad() {
    bulk = true;
    return this;
  }

  /** Most records one batch of a bulk load takes. */
  static final int BULK_RECORDS = 5_000;

  public void start() {
    Properties c = kafka.clientProperties();
    c.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    if (bulk) {
      c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BULK_RECORDS);
      c.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1024 * 1024);
      c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 1000);
    }
    if (!settings.instanceId().isBlank()) {
      c.put(
          ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
          settings.instanceId() + "-sink"); // static membership
    }
    consumer = new KafkaConsumer<>(c, Topics.KEYS.deserializer(), new ByteArrayDeserializer());
    new KafkaClientMetrics(consumer).bindTo(Metrics.registry()); // consumer lag, fetch rates
    Properties p = kafka.clientProperties();
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    deadLetters =
        new KafkaProducer<>(
            p,
            Topics.DEAD_LETTER.keySerde().serializer(),
            Topics.DEAD_LETTER.valueSerde().serializer());
    running = true;
    health.started();
    thread = new Thread(this::loop, "vigia-sink");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    try {
      consumer.subscribe(List.of(topic));
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) {
          writeDurably(records);
        }
        rememberDurablePositions();
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException | Error e) {
      health.failed(e);
      LOG.error("sink stopped", e);
    } finally {
      consumer.close(Duration.ofSeconds(10));
    }
  }

  private void writeDurably(ConsumerRecords<String, byte[]> records) {
    Instant now = Instant.now();
    inCounter.increment(records.count());
    Map<String, ArticleDocument> docs = new HashMap<>();
    Map<String, ConsumerRecord<String, byte[]>> origin = new HashMap<>();
    Map<String, Instant> enrichedAt = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      try {
        EnrichedArticle e =
            Topics.ENRICHED.valueSerde().deserializer().deserialize(r.topic(), r.value());
        ArticleDocument d = ArticleDocument.from(e, now);
        docs.put(d.id(), d); // a later version in the same batch wins
        if (e.getEnrichedAt() != null) {
          enrichedAt.put(d.id(), e.getEnrichedAt());
        }
        origin.put(d.id(), r);
      } catch (RuntimeException ex) {
        deadLetter(r, "unreadable enriched article: " + ex.getMessage(), ex);
      }
    }
    List<ArticleDocument> batch = new ArrayList<>(docs.values());
    long backoff = 500;
    while (running) {
      String full = disk.pauseReason().orElse(null);
      if (full != null) {
        health.paused(full);
        LOG.warn("sink paused: {}; offsets not committed", full);
        // Paused partitions return nothing, but polling keeps the group membership alive
        // (max.poll.interval) so no rebalance storm follows a long disk-full episode.
        consumer.pause(consumer.assignment());
        consumer.poll(Duration.ofSeconds(5));
        continue;
      }
      if (!consumer.paused().isEmpty()) {
        consumer.resume(consumer.paused());
      }
      try {
        long t0 = System.nanoTime();
        WriteOutcome out = index.write(batch);
        writeLatency.record(Duration.ofNanos(System.nanoTime() - t0));
        Instant searchable = Instant.now();
        for (ArticleDocument d : batch) {
          Instant enriched = enrichedAt.get(d.id());
          if (enriched != null) {
            enrichedToSearchable.recordBetween(enriched, searchable);
          }
          if (d.fetchedAt() != null) {
            fetchedToSearchable.recordBetween(d.fetchedAt(), searchable);
          }
          if (d.publishedAt() != null) {
            publishedToSearchable.recordBetween(d.publishedAt(), searchable);
          }
        }
        indexedCounter.increment(out.written());
        for (WriteOutcome.Rejected rej : out.rejected()) {
          deadLetter(origin.get(rej.id()), "rejected by the index: " + rej.reason(), null);
        }
        deadLetters.flush();
        consumer.commitSync(nextOffsets(records));
        indexed.addAndGet(out.written());
        if (health.pausedBecause().isPresent()) {
          health.resumed();
        }
        return;
      } catch (IndexUnavailableException e) {
        LOG.warn(
            "index unavailable ({}); retrying in {} ms, offsets not committed",
            e.getMessage(),
            backoff);
        health.paused("the index is unavailable: " + e.getMessage());
        // Wait polling paused partitions rather than sleeping, so an outage longer than
        // max.poll.interval.ms (an engine down at start) does not cost the group membership.
        consumer.pause(consumer.assignment());
        consumer.poll(Duration.ofMillis(backoff));
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
  }

  private void rememberDurablePositions() {
    durablePositions.keySet().retainAll(consumer.assignment());
    for (TopicPartition tp : consumer.assignment()) {
      durablePositions.put(tp, consumer.position(tp));
    }
  }

  /**
   * Whether everything before {@code offsets} (per partition of this sink's topic) is durable in
   * the index: this instance holds every such partition and has written past the offset.
   */
  public boolean durableUpTo(Map<TopicPartition, Long> offsets) {
    for (Map.Entry<TopicPartition, Long> e : offsets.entrySet()) {
      Long at = durablePositions.get(e.getKey());
      if (e.getValue() > 0 && (at == null || at < e.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(
      ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> rs = records.records(tp);
      m.put(tp, new OffsetAndMetadata(rs.get(rs.size() - 1).offset() + 1));
    }
    return m;
  }

  private void deadLetter(ConsumerRecord<String, byte[]> r, String reason, Exception ex) {
    LOG.warn("dead letter from {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), reason);
    deadLetterCounter.increment();
    DeadLetter d =
        DeadLetter.newBuilder()
            .setStage("sink")
            .setTopic(r.topic())
            .setPartition(r.partition())
            .setOffset(r.offset())
            .setKey(
                r.key() == null ? null : ByteBuffer.wrap(r.key().getBytes(StandardCharsets.UTF_8)))
            .setValue(r.value() == null ? null : ByteBuffer.wrap(r.value()))
            .setError(reason)
            .setErrorClass(ex == null ? null : ex.getClass().getName())
            .setAt(Instant.now())
            .build();
    deadLetters.send(new ProducerRecord<>(Topics.DEAD_LETTER.name(), r.key(), d));
  }

  /** Why the sink is paused (e.g. the disk is nearly full), or null while it works. */
  public String pausedBecause() {
    return health.pausedBecause().orElse(null);
  }

  /** Down once the writing loop stopped; paused while it waits for disk space or the index. */
  @Override
  public StageHealth health() {
    return health.health();
  }

  /** Documents written since start. */
  public long indexed() {
    return indexed.get();
  }

  @Override
  public void close() {
    running = false;
    ConsumerThreads.stop(consumer, thread, Duration.ofSeconds(30));
    if (deadLetters != null) {
      deadLetters.close(Duration.ofSeconds(10));
    }
  }
}
