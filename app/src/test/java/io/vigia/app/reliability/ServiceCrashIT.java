package io.vigia.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.app.testing.ArticleFarm;
import io.vigia.app.testing.SearchClient;
import io.vigia.app.testing.StageProcess;
import io.vigia.broker.EmbeddedKafka;
import io.vigia.common.testing.OpenSearchNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode under kill -9: ingest, enrich and sink run as separate services on a broker; at
 * random moments a random one of them is killed with SIGKILL and started again on its data
 * folder. Afterwards the index must hold every article exactly once. The CI run is short; the
 * long run is
 * {@code ./mvnw -B verify -pl app -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ServiceCrashIT -Dvigia.service-crash.articles=10000 -Dvigia.service-crash.kills=20}.
 */
class ServiceCrashIT {
  private static final int ARTICLES = Integer.getInteger("vigia.service-crash.articles", 300);
  private static final int KILLS = Integer.getInteger("vigia.service-crash.kills", 3);
  private static final long SEED = Long.getLong("vigia.service-crash.seed", System.nanoTime());
  /** {@code lucene} (default) or {@code opensearch} (a real one, started for the test). */
  private static final String BACKEND = System.getProperty("vigia.service-crash.backend", "lucene");

  @TempDir Path tmp;

  @Test
  void shouldIndexEveryArticleExactlyOnceWhileServicesAreKilledAndRestarted() throws Exception {
    Random random = new Random(SEED);
    int feeds = Math.max(1, ARTICLES / 50);
    // Pages answer slowly enough that fetching spans the kills (about 6 s apart): every kill lands
    // while articles are still arriving, however many articles and kills are asked for.
    long pageDelay = Math.max(1, KILLS * 6000L * ArticleFarm.PARALLEL_FETCHES / ARTICLES);
    try (EmbeddedKafka broker = new EmbeddedKafka(tmp.resolve("kafka"), 0).start();
        ArticleFarm farm = new ArticleFarm(feeds, ARTICLES / feeds).withPageDelay(pageDelay).withCopies(10);
        OpenSearchNode opensearch = BACKEND.equals("opensearch") ? OpenSearchNode.start() : null) {
      Path config = Files.writeString(tmp.resolve("vigia.yaml"), farm.feedsYaml() + """
          ingest:
            allow-private-addresses: true
            poll-interval: 1s
            max-poll-interval: 1s
            host-delay: 0s
          kafka:
            partitions: 3
          """ + (opensearch == null ? "" : """
          sink:
            backend: opensearch
            opensearch:
              url: %s
          """.formatted(opensearch.url())));
      Map<String, String> env = Map.of("VIGIA_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
      int sinkPort = SearchClient.freePort();
      Map<String, StageProcess> running = new LinkedHashMap<>();
      Map<String, Integer> killed = new LinkedHashMap<>();
      long started = System.currentTimeMillis();
      try {
        for (String stage : List.of("sink", "enrich", "ingest")) {
          running.put(stage, start(stage, config, env, sinkPort));
        }
        SearchClient search = new SearchClient(sinkPort);
        for (int k = 0; k < KILLS; k++) {
          Thread.sleep(2000 + random.nextInt(8000));
          String victim = List.of("sink", "enrich", "ingest").get(random.nextInt(3));
          running.get(victim).kill();
          killed.merge(victim, 1, Integer::sum);
          running.put(victim, start(victim, config, env, sinkPort));
        }
        // Every document, duplicates included: the originals and the republished copies.
        int documents = farm.articles() + farm.copies().size();
        long total = search.awaitTotalAtLeast(documents, 1_800_000, running.get("sink"));
        Thread.sleep(3000);
        assertThat(search.total()).as("nothing doubled").isEqualTo(documents).isEqualTo(total);
        search.assertEveryUrlOnce(documents);
        search.assertCopiesLinked(farm.copies(), farm.articles());
        System.out.printf("RESULT service-crash backend=%s articles=%d copies=%d kills=%d %s lost=0 doubled=0 copies-linked=all seconds=%d seed=%d%n",
            BACKEND, farm.articles(), farm.copies().size(), KILLS, killed, (System.currentTimeMillis() - started) / 1000, SEED);
      } finally {
        running.values().forEach(StageProcess::close);
      }
    }
  }

  private StageProcess start(String stage, Path config, Map<String, String> env, int sinkPort) {
    // The same instance id across restarts: static membership hands a restarted service its partitions back at once.
    Map<String, String> withId = new java.util.HashMap<>(env);
    withId.put("VIGIA_INSTANCE_ID", stage + "-1");
    return StageProcess.start(stage + "-" + System.nanoTime(), tmp.resolve("logs"), withId, "384m", stage, "--config", config.toString(),
        "--data", tmp.resolve(stage).toString(), "--port", String.valueOf("sink".equals(stage) ? sinkPort : 0));
  }
}
