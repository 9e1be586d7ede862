package io.vigia.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.app.testing.ArticleFarm;
import io.vigia.app.testing.SearchClient;
import io.vigia.app.testing.StageProcess;
import io.vigia.common.testing.OpenSearchNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode without Docker: a KRaft cluster of three brokers and a controller in the test JVM
 * (replication factor 3), two instances of each stage as separate processes, the sinks writing to
 * one real OpenSearch; one instance of each stage is killed with SIGKILL once work is under way.
 * The survivors must take the work over through Kafka alone, and the index must end with every
 * article exactly once.
 */
class ClusterFailoverIT {
  private static final int ARTICLES = Integer.getInteger("vigia.cluster.articles", 300);

  /**
   * 12 feeds, more for long runs: a feed lists at most 500 items (ingest reads 1,000 per poll,
   * ingest.max-items-per-feed).
   */
  private static final int FEEDS = Math.max(12, ARTICLES / 500);

  @TempDir Path tmp;

  @Test
  void shouldIndexEveryArticleOnceWhenOneInstanceOfEachStageIsKilled() throws Exception {
    try (KafkaClusterTestKit cluster =
            new KafkaClusterTestKit.Builder(
                    new TestKitNodes.Builder()
                        .setCombined(false)
                        .setNumBrokerNodes(3)
                        .setNumControllerNodes(1)
                        .setBaseDirectory(tmp.resolve("kafka"))
                        .build())
                .setConfigProp("offsets.topic.replication.factor", "3")
                .setConfigProp("transaction.state.log.replication.factor", "3")
                .setConfigProp("transaction.state.log.min.isr", "2")
                .setConfigProp("min.insync.replicas", "2")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("log.cleaner.dedupe.buffer.size", "4194304")
                .build();
        // The site answers slowly enough that fetching all its articles takes about 9 s whatever
        // their
        // number, so the fault always lands mid-run (and long runs are not paced into hours).
        ArticleFarm farm =
            new ArticleFarm(FEEDS, ARTICLES / FEEDS)
                .withPageDelay(Math.max(1, 9_000L * ArticleFarm.PARALLEL_FETCHES / ARTICLES));
        OpenSearchNode opensearch = OpenSearchNode.start()) {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      Path config =
          Files.writeString(
              tmp.resolve("vigia.yaml"),
              farm.feedsYaml()
                  + """
          ingest:
            allow-private-addresses: true
            poll-interval: 1s
            max-poll-interval: 1s
            host-delay: 0s
          kafka:
            partitions: 4
            replication-factor: 3
          sink:
            backend: opensearch
            opensearch:
              url: %s
          """
                      .formatted(opensearch.url()));
      Map<String, String> env = Map.of("VIGIA_KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers());
      Path logs = tmp.resolve("logs");
      int sinkPort = SearchClient.freePort();
      List<StageProcess> stages = new ArrayList<>();
      try {
        StageProcess sink1 = stage(stages, logs, env, config, "sink", "sink-1", 0);
        StageProcess sink = stage(stages, logs, env, config, "sink", "sink-2", sinkPort);
        StageProcess enrich1 = stage(stages, logs, env, config, "enrich", "enrich-1", 0);
        stage(stages, logs, env, config, "enrich", "enrich-2", 0);
        StageProcess ingest1 = stage(stages, logs, env, config, "ingest", "ingest-1", 0);
        stage(stages, logs, env, config, "ingest", "ingest-2", 0);
        SearchClient search = new SearchClient(sinkPort);

        search.awaitTotalAtLeast(ARTICLES / 5, 180_000, sink);
        long atKill = search.total();
        assertThat(atKill).as("the kills happen while work remains").isLessThan(farm.articles());
        ingest1.kill();
        enrich1.kill();
        sink1.kill();

        long total = search.awaitTotalAtLeast(farm.articles(), 300_000, sink);
        Thread.sleep(3000);
        assertThat(search.total())
            .as("nothing doubled")
            .isEqualTo(farm.articles())
            .isEqualTo(total);
        search.assertEveryUrlOnce(farm.articles());
        assertThat(farm.pagesFetchedMoreThanOnce())
            .as("pages fetched by both ingest instances")
            .hasSizeLessThan(farm.articles() / 10);
        System.out.printf(
            "RESULT cluster-failover brokers=3 articles=%d killed=ingest-1,enrich-1,sink-1 backend=opensearch at=%d lost=0 doubled=0 refetched=%d%n",
            farm.articles(), atKill, farm.pagesFetchedMoreThanOnce().size());
      } finally {
        stages.forEach(StageProcess::close);
      }
    }
  }

  private StageProcess stage(
      List<StageProcess> stages,
      Path logs,
      Map<String, String> env,
      Path config,
      String stage,
      String name,
      int port) {
    StageProcess p =
        StageProcess.start(
            name,
            logs,
            env,
            "sink".equals(stage) || "enrich".equals(stage) ? "384m" : "256m",
            stage,
            "--config",
            config.toString(),
            "--data",
            tmp.resolve(name).toString(),
            "--port",
            String.valueOf(port));
    stages.add(p);
    return p;
  }
}
