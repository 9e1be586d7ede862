package io.vigia.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.app.testing.ArticleFarm;
import io.vigia.app.testing.SearchClient;
import io.vigia.app.testing.StageProcess;
import io.vigia.common.testing.OpenSearchNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search engine goes away mid-run: {@code vigia run} writes to a real OpenSearch, which is
 * frozen (SIGSTOP: connections accepted, nothing answered, the worst kind of outage) for {@code
 * vigia.os-outage.seconds} (default 60) while articles keep arriving. The sink must wait and retry
 * without committing what it has not written, the process must stay up, and once the engine is back
 * every article must be searchable exactly once.
 */
class OpenSearchOutageIT {
  private static final int ARTICLES = Integer.getInteger("vigia.os-outage.articles", 300);

  /**
   * 6 feeds, more for long runs: a feed lists at most 500 items (ingest reads 1,000 per poll,
   * ingest.max-items-per-feed).
   */
  private static final int FEEDS = Math.max(6, ARTICLES / 500);

  private static final int OUTAGE_SECONDS = Integer.getInteger("vigia.os-outage.seconds", 60);

  @TempDir Path tmp;

  @Test
  void shouldResumeAloneAndLoseNothingWhenOpenSearchIsFrozenForAMinute() throws Exception {
    try (OpenSearchNode os = OpenSearchNode.start();
        // The site answers slowly enough that fetching all its articles takes about 12 s whatever
        // their
        // number, so the fault always lands mid-run (and long runs are not paced into hours).
        ArticleFarm farm =
            new ArticleFarm(FEEDS, ARTICLES / FEEDS)
                .withPageDelay(Math.max(1, 12_000L * ArticleFarm.PARALLEL_FETCHES / ARTICLES))) {
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
          sink:
            backend: opensearch
            opensearch:
              url: %s
          """
                      .formatted(os.url()));
      int port = SearchClient.freePort();
      try (StageProcess vigia =
          StageProcess.start(
              "run",
              tmp.resolve("logs"),
              Map.of(),
              "512m",
              "run",
              "--config",
              config.toString(),
              "--data",
              tmp.resolve("data").toString(),
              "--port",
              String.valueOf(port))) {
        SearchClient search = new SearchClient(port);
        search.awaitTotalAtLeast(20, 180_000, vigia);
        long before = search.total();
        assertThat(before).as("the outage starts while work remains").isLessThan(farm.articles());

        os.pause();
        long outageStart = System.currentTimeMillis();
        while (System.currentTimeMillis() - outageStart < OUTAGE_SECONDS * 1000L) {
          assertThat(vigia.isAlive())
              .as("the pipeline survives the outage (log %s)", vigia.logFile())
              .isTrue();
          Thread.sleep(1000);
        }
        int fetchedDuringOutage = farm.distinctPagesFetched();
        os.resume();

        long total = search.awaitTotalAtLeast(farm.articles(), 300_000, vigia);
        Thread.sleep(3000);
        assertThat(search.total())
            .as("nothing doubled")
            .isEqualTo(farm.articles())
            .isEqualTo(total);
        search.assertEveryUrlOnce(farm.articles());
        assertThat(vigia.isAlive()).isTrue();
        System.out.printf(
            "RESULT opensearch-outage articles=%d outage=%ds indexed-before=%d fetched-by-end-of-outage=%d lost=0 doubled=0%n",
            farm.articles(), OUTAGE_SECONDS, before, fetchedDuringOutage);
      }
    }
  }
}
