package io.vigia.app.reprocess;

import io.vigia.common.config.KafkaSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reprocessing run's first step: reads every partition of the raw topic and writes its records,
 * byte for byte (key, value, timestamp, headers), into the run's one-partition topic in order of
 * record timestamp ({@link FetchTimeMerge}), so the run's topology, which reads that topic, meets
 * every article in the order ingest stored them, as the live run did, whatever partition each
 * landed in: the first of two copies stays the original.
 *
 * <p>Exactly once: the records of a transaction and the raw offsets they come from (group {@code
 * <application id>-merge}) are committed together ({@code sendOffsetsToTransaction}), and the
 * transactional id is the run's, so after a crash the next start aborts what was open and the merge
 * resumes at the committed raw positions, writing the same order on; the topology reads with {@code
 * read_committed} and sees every record once. It keeps following the raw topic after the history
 * (articles that arrive during the run), until the run closes it.
 *
 * <p>Every written record carries the header {@value #POSITION_HEADER}: the raw positions the merge
 * had reached with it ({@code partition:offset,...}), by which the run tells how many raw records
 * its topology has gone through.
 */
final class RawMerger implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RawMerger.class);

  /** Header naming the raw positions reached with a record. */
  static final String POSITION_HEADER = "vigia.merge.position";

  /** How long an empty raw partition at its end still holds the merge. */
  static final long IDLE_MS = 500;

  /** Records buffered per partition before its reading pauses. */
  private static final int BUFFER = 2000;

  /** A transaction ends after this many records or this long. */
  private static final int TXN_RECORDS = 5000;

  private static final long TXN_MS = 200;

  private final KafkaSettings kafka;
  private final String source;
  private final String target;
  private final String group;
  private final Map<Integer, Long> starts;
  private final Thread thread;
  private volatile boolean stopping;
  private volatile boolean halted;
  private volatile KafkaProducer<byte[], byte[]> producer;

  /**
   * @param source the raw topic
   * @param target the run's one-partition topic
   * @param group the consumer group (and transactional id) its raw positions are committed under
   * @param starts per raw partition, where to start when nothing was committed yet
   */
  RawMerger(
      KafkaSettings kafka, String source, String target, String group, Map<Integer, Long> starts) {
    this.kafka = kafka;
    this.source = source;
    this.target = target;
    this.group = group;
    this.starts = Map.copyOf(starts);
    this.thread = new Thread(this::runUntilClosed, group);
    thread.setDaemon(true);
  }

  /**
   * Creates the run's merged topic if missing: one partition (one order), and records kept until
   * the topic is deleted ({@code retention.ms=-1}): they carry the raw records' timestamps, which
   * may be months old, and time retention would otherwise delete them before the run reads them.
   */
  static void ensureTopic(
      org.apache.kafka.clients.admin.Admin admin, String topic, short replication)
      throws InterruptedException {
    try {
      if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
        admin
            .createTopics(
                List.of(
                    new org.apache.kafka.clients.admin.NewTopic(topic, 1, replication)
                        .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1"))))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
        throw new IllegalStateException("cannot create " + topic + ": " + e.getMessage(), e);
      }
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("cannot create " + topic + ": Kafka did not answer", e);
    }
  }

  /**
   * Sets {@code retention.ms=-1} on a run's output topics: the topology gives its records the raw
   * records' timestamps, the time each article was stored, often older than the broker's default
   * retention (7 days), which would delete them, maybe before the run's sink has read them. They
   * are kept until deleted by hand, as the docs say.
   */
  static void keepUntilDeleted(org.apache.kafka.clients.admin.Admin admin, List<String> topics)
      throws InterruptedException {
    Map<
            org.apache.kafka.common.config.ConfigResource,
            java.util.Collection<org.apache.kafka.clients.admin.AlterConfigOp>>
        ops = new HashMap<>();
    for (String t : topics) {
      ops.put(
          new org.apache.kafka.common.config.ConfigResource(
              org.apache.kafka.common.config.ConfigResource.Type.TOPIC, t),
          List.of(
              new org.apache.kafka.clients.admin.AlterConfigOp(
                  new org.apache.kafka.clients.admin.ConfigEntry("retention.ms", "-1"),
                  org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET)));
    }
    try {
      admin.incrementalAlterConfigs(ops).all().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("cannot keep the records of " + topics + ": " + e, e);
    }
  }

  void start() {
    thread.start();
  }

  private void runUntilClosed() {
    while (!stopping) {
      try {
        mergeOnce();
      } catch (RuntimeException e) {
        if (stopping || e instanceof InterruptException) {
          return;
        }
        if (e instanceof ProducerFencedException) {
          LOG.warn("merge {}: another merger took over; stopping this one", group);
          return;
        }
        LOG.warn("merge {}: {}; resuming from the committed positions", group, e.toString());
        try {
          TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /** One life of the merge: from the committed raw positions until closed or an error. */
  private void mergeOnce() {
    Properties pp = kafka.clientProperties();
    pp.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group);
    pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    pp.put(ProducerConfig.ACKS_CONFIG, "all");
    pp.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    pp.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    pp.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
    Properties cp = kafka.clientProperties();
    cp.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    cp.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    try (KafkaProducer<byte[], byte[]> out =
            new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer());
        KafkaConsumer<byte[], byte[]> in =
            new KafkaConsumer<>(cp, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      producer = out;
      out.initTransactions(); // aborts what a killed merger left open
      List<TopicPartition> tps = new ArrayList<>();
      in.partitionsFor(source, Duration.ofSeconds(30))
          .forEach(p -> tps.add(new TopicPartition(source, p.partition())));
      in.assign(tps);
      Map<TopicPartition, OffsetAndMetadata> committed = in.committed(new java.util.HashSet<>(tps));
      Map<Integer, Long> from = new HashMap<>();
      for (TopicPartition tp : tps) {
        OffsetAndMetadata c = committed.get(tp);
        long at = c != null ? c.offset() : starts.getOrDefault(tp.partition(), 0L);
        in.seek(tp, at);
        from.put(tp.partition(), at);
      }
      LOG.info("merge {}: {} from raw positions {}", group, target, from);
      merge(in, out, tps, new FetchTimeMerge(from, IDLE_MS));
    } finally {
      producer = null;
    }
  }

  private void merge(
      KafkaConsumer<byte[], byte[]> in,
      KafkaProducer<byte[], byte[]> out,
      List<TopicPartition> tps,
      FetchTimeMerge merge) {
    ConsumerGroupMetadata meta = new ConsumerGroupMetadata(group);
    Map<TopicPartition, Long> ends = new HashMap<>();
    int inTxn = 0;
    long txnStart = 0;
    while (!stopping) {
      for (ConsumerRecord<byte[], byte[]> r : in.poll(Duration.ofMillis(inTxn > 0 ? 10 : 100))) {
        merge.add(r);
      }
      long now = System.currentTimeMillis();
      List<TopicPartition> unknown = new ArrayList<>();
      for (TopicPartition tp : tps) {
        OptionalLong lag = in.currentLag(tp);
        if (lag.isPresent()) {
          ends.put(tp, in.position(tp) + lag.getAsLong());
        } else if (merge.buffered(tp.partition()) == 0) {
          unknown.add(tp);
        }
      }
      if (!unknown.isEmpty()) {
        ends.putAll(in.endOffsets(unknown, Duration.ofSeconds(30)));
      }
      List<TopicPartition> pause = new ArrayList<>();
      List<TopicPartition> resume = new ArrayList<>();
      for (TopicPartition tp : tps) {
        long pos = in.position(tp);
        merge.readerAt(tp.partition(), pos, pos >= ends.getOrDefault(tp, Long.MAX_VALUE));
        (merge.buffered(tp.partition()) >= BUFFER ? pause : resume).add(tp);
      }
      in.pause(pause);
      in.resume(resume);
      ConsumerRecord<byte[], byte[]> r;
      while (inTxn < TXN_RECORDS && (r = merge.next(now)) != null) {
        if (inTxn == 0) {
          out.beginTransaction();
          txnStart = now;
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header h : r.headers()) {
          headers.add(h);
        }
        headers.add(POSITION_HEADER, encode(merge.positions()));
        out.send(new ProducerRecord<>(target, 0, r.timestamp(), r.key(), r.value(), headers));
        inTxn++;
      }
      if (inTxn > 0 && (inTxn >= TXN_RECORDS || now - txnStart >= TXN_MS || idle(merge, tps))) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        merge
            .positions()
            .forEach(
                (p, o) -> offsets.put(new TopicPartition(source, p), new OffsetAndMetadata(o)));
        out.sendOffsetsToTransaction(offsets, meta);
        out.commitTransaction();
        inTxn = 0;
      }
    }
    if (inTxn > 0 && !halted) {
      out.abortTransaction(); // its raw records are read again by the next merger
    }
  }

  /** Whether nothing is buffered (the merge has emitted all it read: commit now). */
  private static boolean idle(FetchTimeMerge merge, List<TopicPartition> tps) {
    for (TopicPartition tp : tps) {
      if (merge.buffered(tp.partition()) > 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code partition:offset,...}, in partition order. */
  static byte[] encode(Map<Integer, Long> positions) {
    StringJoiner j = new StringJoiner(",");
    new java.util.TreeMap<>(positions).forEach((p, o) -> j.add(p + ":" + o));
    return j.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** The positions a record's {@value #POSITION_HEADER} names. */
  static Map<Integer, Long> decode(byte[] header) {
    Map<Integer, Long> out = new HashMap<>();
    String s = new String(header, StandardCharsets.US_ASCII);
    if (!s.isEmpty()) {
      for (String part : s.split(",")) {
        int colon = part.indexOf(':');
        out.put(
            Integer.parseInt(part.substring(0, colon)), Long.parseLong(part.substring(colon + 1)));
      }
    }
    return out;
  }

  /** Stops the merge; what was not committed is aborted (by the next merger, if not now). */
  @Override
  public void close() {
    stopping = true;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** As a crash would: the open transaction is left for the next merger to abort. */
  void halt() {
    halted = true;
    stopping = true;
    thread.interrupt();
    KafkaProducer<byte[], byte[]> p = producer;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (p != null && thread.isAlive()) {
      p.close(Duration.ZERO);
    }
  }
}
