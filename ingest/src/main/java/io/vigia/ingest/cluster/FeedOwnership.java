package io.vigia.ingest.cluster;

import io.vigia.common.config.KafkaSettings;
import io.vigia.common.kafka.ConsumerThreads;
import io.vigia.common.profile.FeedSpec;
import io.vigia.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which feeds this ingest instance polls. Every instance joins one consumer group on the compacted
 * {@link Topics#INGEST_FEEDS} topic, which holds the shared feed list ({@link SharedFeedList}); a
 * feed belongs to the instance assigned the partition its URL hashes to, the partition its records
 * are written to (the one Kafka's default partitioner would choose for the URL). When an instance
 * stops or dies, the group protocol hands its partitions (and so its feeds) to the others; no
 * coordinator of ours is involved.
 *
 * <p>During a hand-over two instances may briefly poll the same feed; the shared memory of fetched
 * URLs and enrich's exact-duplicate check by canonical URL absorb that.
 */
public final class FeedOwnership implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedOwnership.class);

  private final KafkaSettings kafka;
  private final String groupId;
  private final String instanceId;
  private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
  private final CountDownLatch firstAssignment = new CountDownLatch(1);
  private volatile int partitions = 1;
  private volatile boolean running;
  private volatile Throwable failure;
  private KafkaConsumer<String, String> consumer;
  private Thread thread;

  /**
   * @param groupId the consumer group all ingest instances of one deployment share
   * @param instanceId a stable id for static membership (restarts resume at once), or null
   */
  public FeedOwnership(KafkaSettings kafka, String groupId, String instanceId) {
    this.kafka = kafka;
    this.groupId = groupId;
    this.instanceId = instanceId == null || instanceId.isBlank() ? null : instanceId;
  }

  /** Joins the group; the feed list itself is {@link SharedFeedList}'s. */
  public FeedOwnership start() {
    Properties c = kafka.clientProperties();
    c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(
        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
        10_000); // a dead instance's feeds move within ~10 s
    c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
    if (instanceId != null) {
      c.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId + "-ingest");
    }
    consumer =
        new KafkaConsumer<>(
            c,
            Topics.INGEST_FEEDS.keySerde().deserializer(),
            Topics.INGEST_FEEDS.valueSerde().deserializer());
    partitions = consumer.partitionsFor(Topics.INGEST_FEEDS.name()).size();
    running = true;
    thread = new Thread(this::loop, "vigia-ingest-ownership");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  private void loop() {
    try {
      consumer.subscribe(
          List.of(Topics.INGEST_FEEDS.name()),
          new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
              revoked.forEach(tp -> owned.remove(tp.partition()));
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
              assigned.forEach(tp -> owned.add(tp.partition()));
              LOG.info("ingest owns feed partitions {} of {}", owned, partitions);
              firstAssignment.countDown();
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> lost) {
              onPartitionsRevoked(lost);
            }
          });
      while (running) {
        // The records themselves are only the feed list; polling keeps us in the group.
        consumer.poll(Duration.ofMillis(500));
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      failure = e;
      LOG.error("feed ownership stopped; this instance polls no feeds until restarted", e);
      owned.clear();
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Why the group membership stopped, or null while it runs. */
  public Throwable failure() {
    return failure;
  }

  /** Waits for the group's first assignment; false when it did not come in time. */
  public boolean awaitAssignment(Duration timeout) throws InterruptedException {
    return firstAssignment.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** True while this instance is the one that polls the feed. */
  public boolean owns(FeedSpec feed) {
    return owned.contains(partitionOf(feed.url(), partitions));
  }

  /** The number of partitions of the feed list, by which feeds are split. */
  public int partitions() {
    return partitions;
  }

  /** The partition Kafka's default partitioner chooses for a key. */
  public static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  @Override
  public void close() {
    running = false;
    ConsumerThreads.stop(consumer, thread, Duration.ofSeconds(10));
  }
}
