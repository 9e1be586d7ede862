package io.vigia.common.kafka;

import io.vigia.common.config.KafkaSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every partition of some topics on a daemon thread, without joining a consumer group, and
 * hands each record to a handler: how a process keeps its own view of a compacted topic (the
 * subscriptions, the feed states) or of a topic's latest records.
 *
 * <p>{@link #start()} assigns all partitions, seeks ({@link StartAt}) and notes the end offsets at
 * that moment; {@link #awaitCaughtUp} waits until the handler has seen everything up to them, and
 * {@link #awaitPosition} until it has seen one record the caller wrote (read your own write). The
 * handler runs on the follower's thread; a handler that throws stops the follower, and {@link
 * #status()} says why it stopped. Reads are {@code read_committed}, offsets are never committed
 * unless the handler asks ({@link #commit}).
 */
public final class TopicFollower<K, V> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

  /** Where the follower starts in each partition. */
  public sealed interface StartAt {
    /** Every record still in the topic (a compacted topic: the latest of every key). */
    record Beginning() implements StartAt {}

    /** At most the last {@code records} of each partition. */
    record LastPerPartition(int records) implements StartAt {
      public LastPerPartition {
        if (records < 0) {
          throw new IllegalArgumentException("records must be 0 or more, not " + records);
        }
      }
    }

    /** Only what is written after the start. */
    record End() implements StartAt {}

    /** The first record of each partition written at or after {@code time}; none: the end. */
    record Since(Instant time) implements StartAt {
      public Since {
        Objects.requireNonNull(time, "time");
      }
    }

    static StartAt beginning() {
      return new Beginning();
    }

    static StartAt lastPerPartition(int records) {
      return new LastPerPartition(records);
    }

    static StartAt end() {
      return new End();
    }

    static StartAt since(Instant time) {
      return new Since(time);
    }
  }

  /** What a follower does with each record, on its own thread. */
  @FunctionalInterface
  public interface RecordHandler<K, V> {
    void handle(ConsumerRecord<K, V> record);
  }

  /** Where a follower is: not started, following, closed by its owner, or stopped by a failure. */
  public sealed interface Status {
    record NotStarted() implements Status {}

    record Following() implements Status {}

    record Closed() implements Status {}

    /** The handler or the consumer threw {@code cause}; the follower reads no more. */
    record Failed(Throwable cause) implements Status {}
  }

  private final String name;
  private final List<String> topics;
  private final StartAt startAt;
  private final Duration pollTimeout;
  private final RecordHandler<K, V> handler;
  private final Runnable afterBatch;
  private final Properties properties;
  private final Function<Properties, Consumer<K, V>> consumers;
  private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
  private final Object progress = new Object();
  private volatile Map<TopicPartition, Long> endAtStart = Map.of();
  private volatile Status status = new Status.NotStarted();
  private volatile boolean running;
  private Consumer<K, V> consumer;
  private Thread thread;

  private TopicFollower(Builder<K, V> b) {
    this.name = b.name;
    this.topics = List.copyOf(b.topics);
    this.startAt = b.startAt;
    this.pollTimeout = b.pollTimeout;
    this.handler = Objects.requireNonNull(b.handler, "a follower needs a record handler");
    this.afterBatch = b.afterBatch;
    this.properties = b.properties;
    this.consumers = b.consumers;
    if (topics.isEmpty()) {
      throw new IllegalArgumentException(name + ": no topic to follow");
    }
  }

  /**
   * A follower named {@code name} (its thread's name, and the name in its log lines and errors) of
   * the topics on {@code kafka}.
   */
  public static <K, V> Builder<K, V> builder(
      String name, KafkaSettings kafka, Deserializer<K> keys, Deserializer<V> values) {
    return new Builder<>(name, kafka.clientProperties(), p -> new KafkaConsumer<>(p, keys, values));
  }

  /** A follower's settings; {@link #start()} builds and starts it. */
  public static final class Builder<K, V> {
    private final String name;
    private final Properties properties;
    private Function<Properties, Consumer<K, V>> consumers;
    private final List<String> topics = new ArrayList<>();
    private StartAt startAt = StartAt.beginning();
    private Duration pollTimeout = Duration.ofMillis(500);
    private RecordHandler<K, V> handler;
    private Runnable afterBatch = () -> {};

    Builder(String name, Properties client, Function<Properties, Consumer<K, V>> consumers) {
      this.name = Objects.requireNonNull(name, "name");
      this.consumers = consumers;
      this.properties = client;
      properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    public Builder<K, V> topics(String... names) {
      topics.addAll(List.of(names));
      return this;
    }

    public Builder<K, V> startAt(StartAt where) {
      this.startAt = Objects.requireNonNull(where, "startAt");
      return this;
    }

    /**
     * How long one poll waits for records; also how soon {@link #awaitCaughtUp} sees an empty topic
     * read.
     */
    public Builder<K, V> pollTimeout(Duration timeout) {
      this.pollTimeout = timeout;
      return this;
    }

    /** A consumer property beyond the defaults (e.g. a group id to keep offsets under). */
    public Builder<K, V> property(String key, Object value) {
      properties.put(key, value);
      return this;
    }

    public Builder<K, V> onRecord(RecordHandler<K, V> handler) {
      this.handler = handler;
      return this;
    }

    /** Runs on the follower's thread after the records of each non-empty poll were handled. */
    public Builder<K, V> afterBatch(Runnable afterBatch) {
      this.afterBatch = Objects.requireNonNull(afterBatch, "afterBatch");
      return this;
    }

    /** The consumer to use instead of a {@link KafkaConsumer}: for tests. */
    Builder<K, V> consumer(Function<Properties, Consumer<K, V>> consumers) {
      this.consumers = consumers;
      return this;
    }

    /** A follower not yet started. */
    public TopicFollower<K, V> build() {
      return new TopicFollower<>(this);
    }

    /** Builds the follower and {@linkplain TopicFollower#start() starts} it. */
    public TopicFollower<K, V> start() {
      return build().start();
    }
  }

  /**
   * Assigns every partition of the topics (waiting up to 60 s for a topic created a moment ago),
   * seeks, notes the end offsets and starts the thread. Returns at once: {@link #awaitCaughtUp}
   * waits for the reading.
   */
  public TopicFollower<K, V> start() {
    if (!(status instanceof Status.NotStarted)) {
      throw new IllegalStateException(name + " was already started");
    }
    consumer = consumers.apply(properties);
    try {
      List<TopicPartition> parts = new ArrayList<>();
      for (String topic : topics) {
        parts.addAll(TopicPartitions.of(consumer, topic, Duration.ofSeconds(60)));
      }
      consumer.assign(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      seek(parts, end);
      endAtStart = Map.copyOf(end);
    } catch (RuntimeException e) {
      consumer.close(Duration.ofSeconds(5));
      throw e;
    }
    running = true;
    status = new Status.Following();
    thread = new Thread(this::follow, name);
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  private void seek(List<TopicPartition> parts, Map<TopicPartition, Long> end) {
    if (startAt instanceof StartAt.Beginning) {
      consumer.seekToBeginning(parts);
    } else if (startAt instanceof StartAt.End) {
      consumer.seekToEnd(parts);
    } else if (startAt instanceof StartAt.LastPerPartition last) {
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(parts);
      for (TopicPartition tp : parts) {
        consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - last.records()));
      }
    } else if (startAt instanceof StartAt.Since since) {
      Map<TopicPartition, Long> query = new HashMap<>();
      parts.forEach(tp -> query.put(tp, since.time().toEpochMilli()));
      Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
      for (TopicPartition tp : parts) {
        OffsetAndTimestamp o = found.get(tp);
        consumer.seek(tp, o == null ? end.get(tp) : o.offset());
      }
    }
  }

  private void follow() {
    try {
      while (running) {
        var batch = consumer.poll(pollTimeout);
        for (ConsumerRecord<K, V> r : batch) {
          handler.handle(r);
        }
        if (!batch.isEmpty()) {
          afterBatch.run();
        }
        for (TopicPartition tp : consumer.assignment()) {
          positions.put(tp, consumer.position(tp));
        }
        synchronized (progress) {
          progress.notifyAll();
        }
      }
      status = new Status.Closed();
    } catch (WakeupException e) {
      status = new Status.Closed();
    } catch (RuntimeException | Error e) {
      status = new Status.Failed(e);
      LOG.error("{} stopped reading {}", name, topics, e);
    } finally {
      try {
        consumer.close(Duration.ofSeconds(5));
      } finally {
        running = false;
        synchronized (progress) {
          progress.notifyAll();
        }
      }
    }
  }

  /** The end offset of each partition when the follower started. */
  public Map<TopicPartition, Long> endOffsetsAtStart() {
    return endAtStart;
  }

  /**
   * Waits until the handler has seen every record written before {@link #start()}.
   *
   * @throws IllegalStateException if that takes longer than {@code timeout} or the follower stops
   *     first (with its failure as the cause)
   */
  public void awaitCaughtUp(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    endAtStart.forEach(
        (tp, offset) ->
            awaitPosition(tp, offset, Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
  }

  /**
   * Waits until the handler has seen every record of {@code tp} before {@code offset}: pass a
   * written record's offset + 1 to read it back.
   *
   * @throws IllegalStateException if that takes longer than {@code timeout} or the follower stops
   *     first (with its failure as the cause)
   */
  public void awaitPosition(TopicPartition tp, long offset, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (positions.getOrDefault(tp, -1L) < offset) {
        if (!running) {
          throw new IllegalStateException(
              name + " stopped before reading " + tp + " up to offset " + offset,
              failure().orElse(null));
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new IllegalStateException(
              name
                  + " has not read "
                  + tp
                  + " up to offset "
                  + offset
                  + " within "
                  + timeout.toMillis()
                  + " ms");
        }
        try {
          progress.wait(Math.min(left, 200));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(name + ": interrupted while waiting to read " + tp, e);
        }
      }
    }
  }

  /**
   * Commits {@code nextOffset} as the group's position in {@code tp}: only from the handler (the
   * consumer is the follower thread's), and only with a group id among the properties.
   */
  public void commit(TopicPartition tp, long nextOffset) {
    requireFollowerThread("commit");
    consumer.commitSync(Map.of(tp, new OffsetAndMetadata(nextOffset)));
  }

  /**
   * The group's committed position in {@code tp}, 0 if none: only from the handler, and only with a
   * group id among the properties.
   */
  public long committed(TopicPartition tp) {
    requireFollowerThread("committed");
    OffsetAndMetadata o = consumer.committed(Set.of(tp), Duration.ofSeconds(60)).get(tp);
    return o == null ? 0L : o.offset();
  }

  private void requireFollowerThread(String what) {
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException(
          name + ": " + what + " is for the record handler only (it owns the consumer)");
    }
  }

  /** Where the follower is, and why it stopped once it has. */
  public Status status() {
    return status;
  }

  /** Why the follower stopped, if a failure stopped it. */
  public Optional<Throwable> failure() {
    return status instanceof Status.Failed f ? Optional.of(f.cause()) : Optional.empty();
  }

  /** Stops the thread (waking it out of its poll) and closes the consumer; idempotent. */
  @Override
  public void close() {
    running = false;
    ConsumerThreads.stop(consumer, thread, Duration.ofSeconds(10));
  }
}
