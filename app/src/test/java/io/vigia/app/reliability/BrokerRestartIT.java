package io.vigia.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.app.testing.ArticleFarm;
import io.vigia.app.testing.SearchClient;
import io.vigia.app.testing.StageProcess;
import io.vigia.broker.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stages run as separate processes against a broker that is stopped mid-run and started again
 * on the same log and port: every stage must ride it out on its own (no restart of the stages) and
 * the index must end with every article exactly once.
 */
class BrokerRestartIT {
  private static final int ARTICLES = Integer.getInteger("vigia.broker-restart.articles", 300);

  /**
   * 6 feeds, more for long runs: a feed lists at most 500 items (ingest reads 1,000 per poll,
   * ingest.max-items-per-feed).
   */
  private static final int FEEDS = Math.max(6, ARTICLES / 500);

  @TempDir Path tmp;

  @Test
  void shouldResumeAloneAfterTheBrokerRestartsMidRun() throws Exception {
    Path kafkaDir = tmp.resolve("kafka");
    EmbeddedKafka broker = new EmbeddedKafka(kafkaDir, 0).start();
    String bootstrap = broker.bootstrapServers();
    int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    // The site answers slowly enough that fetching all its articles takes about 15 s whatever their
    // number, so the fault always lands mid-run (and long runs are not paced into hours).
    try (ArticleFarm farm =
        new ArticleFarm(FEEDS, ARTICLES / FEEDS)
            .withPageDelay(Math.max(1, 15_000L * ArticleFarm.PARALLEL_FETCHES / ARTICLES))) {
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
            partitions: 3
          """);
      int sinkPort = SearchClient.freePort();
      Map<String, String> env = Map.of("VIGIA_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
      Path logs = tmp.resolve("logs");
      try (StageProcess sink =
              StageProcess.start(
                  "sink",
                  logs,
                  env,
                  "384m",
                  "sink",
                  "--config",
                  config.toString(),
                  "--data",
                  tmp.resolve("sink").toString(),
                  "--port",
                  String.valueOf(sinkPort));
          StageProcess enrich =
              StageProcess.start(
                  "enrich",
                  logs,
                  env,
                  "384m",
                  "enrich",
                  "--config",
                  config.toString(),
                  "--data",
                  tmp.resolve("enrich").toString(),
                  "--port",
                  "0");
          StageProcess ingest =
              StageProcess.start(
                  "ingest",
                  logs,
                  env,
                  "256m",
                  "ingest",
                  "--config",
                  config.toString(),
                  "--data",
                  tmp.resolve("ingest").toString(),
                  "--port",
                  "0")) {
        SearchClient search = new SearchClient(sinkPort);
        search.awaitTotalAtLeast(Math.min(20, ARTICLES), 120_000, sink);

        long atStop = search.total();
        assertThat(atStop).as("the broker stops while work remains").isLessThan(farm.articles());
        broker.close();
        Thread.sleep(10_000);
        broker = new EmbeddedKafka(kafkaDir, port).start();

        // Three JVMs on two cores index a few dozen articles a second: long runs get the time they
        // need.
        long total =
            search.awaitTotalAtLeast(
                farm.articles(), Math.max(240_000, farm.articles() * 60L), sink);
        Thread.sleep(3000);
        assertThat(search.total())
            .as("nothing doubled")
            .isEqualTo(farm.articles())
            .isEqualTo(total);
        search.assertEveryUrlOnce(farm.articles());
        assertThat(ingest.isAlive() && enrich.isAlive() && sink.isAlive())
            .as("no stage died")
            .isTrue();
        System.out.printf(
            "RESULT broker-restart articles=%d lost=0 doubled=0 outage=10s%n", farm.articles());
      }
    } finally {
      broker.close();
    }
  }
}
