package io.vigia.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one node) running in this JVM,
 * with its log under a folder that survives restarts: formatted on first start, reused after. This
 * is Kafka itself, not a stand-in: transactions, compaction and consumer groups behave as on a
 * cluster.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final String CONTROLLER = "CONTROLLER";

  private final Path dir;
  private final int port;
  private KafkaRaftServer server;

  /**
   * @param port the client port, or 0 to pick a free one
   */
  public EmbeddedKafka(Path dir, int port) {
    this.dir = dir;
    this.port = port == 0 ? freePort() : port;
  }

  public EmbeddedKafka start() {
    int controllerPort = freePort();
    Path logs = dir.resolve("logs");
    try {
      Files.createDirectories(logs);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the broker's folder " + logs + ": " + e.getMessage(), e);
    }
    if (!Files.isWritable(logs)) {
      throw new IllegalStateException("the broker's folder " + logs + " is not writable");
    }
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.put("controller.listener.names", CONTROLLER);
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
    p.put("log.dirs", logs.toAbsolutePath().toString());
    // One broker: every internal topic has one replica, or exactly-once Streams hangs in
    // REBALANCING.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", "3");
    // The cleaner's offset map (24 bytes a key): Kafka's default of 128 MiB costs ~160 MiB of heap;
    // 4 MiB (~170,000 keys a pass) made compacting dedup's changelog during a reprocessing run
    // take pass after pass over the same segments (42-48 s of CPU at 100,000 articles against
    // 14-17 s with 32 MiB; docs/reprocess.md).
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(32 * 1024 * 1024));
    p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    KafkaConfig config = KafkaConfig.fromProps(p, false);
    if (!Files.exists(logs.resolve("meta.properties"))) {
      format(logs);
    }
    server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    return this;
  }

  private static void format(Path logs) {
    try {
      new Formatter()
          .setNodeId(1)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(logs.toAbsolutePath().toString()))
          .setMetadataLogDirectory(logs.toAbsolutePath().toString())
          .setControllerListenerName(CONTROLLER)
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
          .run();
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot format the broker's storage at " + logs + ": " + e.getMessage(), e);
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
