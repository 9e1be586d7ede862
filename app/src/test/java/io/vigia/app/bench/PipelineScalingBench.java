package io.vigia.app.bench;

import io.vigia.app.testing.ArticleFarm;
import io.vigia.app.testing.SearchClient;
import io.vigia.app.testing.StageProcess;
import io.vigia.broker.EmbeddedKafka;
import io.vigia.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput with one and with two enrich instances on the same broker, stages as separate
 * processes. Ingest first fills the raw topic from a loopback farm (its own rate is reported);
 * then, for k = 1 and k = 2, k enrich processes (a fresh application id each time) and a sink
 * (a fresh group and index) work through the same raw records, timed from their start until
 * every article is searchable. Not part of the test suite (no assertion on time); run it with
 * {@code ./mvnw -B verify -pl app -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=PipelineScalingBench -Dvigia.bench.articles=2000}
 * and read the {@code RESULT} lines and the metrics excerpt it prints.
 */
class PipelineScalingBench {
  private static final int ARTICLES = Integer.getInteger("vigia.bench.articles", 2000);

  @TempDir Path tmp;

  @Test
  void measureOneVersusTwoEnrichInstances() throws Exception {
    try (EmbeddedKafka broker = new EmbeddedKafka(tmp.resolve("kafka"), 0).start();
        ArticleFarm farm = new ArticleFarm(20, ARTICLES / 20)) {
      Path config = Files.writeString(tmp.resolve("vigia.yaml"), farm.feedsYaml() + """
          ingest:
            allow-private-addresses: true
            poll-interval: 1s
            max-poll-interval: 1s
            host-delay: 0s
          kafka:
            partitions: 4
          """);
      Map<String, String> env = Map.of("VIGIA_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
      long t0 = System.nanoTime();
      try (StageProcess ingest = StageProcess.start("ingest", tmp.resolve("logs"), env, "384m", "ingest", "--config", config.toString(),
          "--data", tmp.resolve("ingest").toString(), "--port", "0")) {
        while (rawRecords(broker.bootstrapServers()) < farm.articles()) {
          if (!ingest.isAlive()) {
            throw new AssertionError("ingest died:\n" + ingest.logTail(40));
          }
          Thread.sleep(500);
        }
      }
      double ingestSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("RESULT ingest articles=%d seconds=%.1f articles-per-second=%.1f%n", farm.articles(), ingestSeconds,
          farm.articles() / ingestSeconds);
      // Order is a parameter so order effects (page cache, JIT of the broker) can be seen: -Dvigia.bench.instances=2,1
      int run = 0;
      for (String k : System.getProperty("vigia.bench.instances", "1,2").split(",")) {
        runEnrichAndSink(++run, Integer.parseInt(k.trim()), config, env, farm.articles());
      }
    }
  }

  private void runEnrichAndSink(int run, int enrichInstances, Path config, Map<String, String> base, int articles) throws Exception {
    Map<String, String> env = new HashMap<>(base);
    // Every run starts from scratch on the same raw records: its own application id, group and index.
    env.put("VIGIA_ENRICH_APPLICATION_ID", "bench-enrich-" + run);
    env.put("VIGIA_SINK_GROUP_ID", "bench-sink-" + run);
    Path dir = tmp.resolve("run-" + run);
    int sinkPort = SearchClient.freePort();
    int enrichPort = SearchClient.freePort();
    List<StageProcess> stages = new ArrayList<>();
    try {
      long start = System.nanoTime();
      StageProcess sink = StageProcess.start("sink-" + enrichInstances, dir.resolve("logs"), env, "512m", "sink", "--config",
          config.toString(), "--data", dir.resolve("sink").toString(), "--port", String.valueOf(sinkPort));
      stages.add(sink);
      for (int i = 1; i <= enrichInstances; i++) {
        stages.add(StageProcess.start("enrich-" + i, dir.resolve("logs"), env, "512m", "enrich", "--config", config.toString(),
            "--data", dir.resolve("enrich-" + i).toString(), "--port", String.valueOf(i == 1 ? enrichPort : 0)));
      }
      new SearchClient(sinkPort).awaitTotalAtLeast(articles, 900_000, sink);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("RESULT enrich+sink run=%d enrich-instances=%d articles=%d seconds=%.1f articles-per-second=%.1f cores=%d%n",
          run, enrichInstances, articles, seconds, articles / seconds, Runtime.getRuntime().availableProcessors());
      printMetrics("sink", sinkPort, "vigia_freshness_fetched", "vigia_sink_write");
      printMetrics("enrich-1", enrichPort, "kafka_stream_thread_process_rate", "kafka_stream_thread_process_total");
    } finally {
      stages.forEach(StageProcess::close);
    }
  }

  private static long rawRecords(String bootstrap) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    try (Admin admin = Admin.create(p)) {
      int partitions = admin.describeTopics(List.of(Topics.RAW.name())).allTopicNames().get().get(Topics.RAW.name()).partitions().size();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int i = 0; i < partitions; i++) {
        latest.put(new TopicPartition(Topics.RAW.name(), i), OffsetSpec.latest());
      }
      return admin.listOffsets(latest).all().get().values().stream().mapToLong(r -> r.offset()).sum();
    } catch (java.util.concurrent.ExecutionException e) {
      return 0; // topic not created yet
    }
  }

  private static void printMetrics(String stage, int port, String... prefixes) throws Exception {
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    body.lines().filter(l -> !l.startsWith("#")).filter(l -> java.util.Arrays.stream(prefixes).anyMatch(l::startsWith))
        .forEach(l -> System.out.println("METRIC " + stage + " " + l));
  }
}
