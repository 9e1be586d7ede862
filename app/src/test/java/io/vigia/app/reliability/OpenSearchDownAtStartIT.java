package io.vigia.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * {@code vigia run} with {@code sink.backend: opensearch} started while nothing listens at the
 * engine's address: the process stays up, ingest and enrich work, the sink waits (its {@code
 * /readyz} stage says why), and once an OpenSearch starts on that address everything produced
 * meanwhile is indexed, once.
 */
class OpenSearchDownAtStartIT {
  private static final int ARTICLES = 60;
  private static final int FEEDS = 3;

  @TempDir Path tmp;

  @Test
  void shouldStartWithoutOpenSearchAndIndexEverythingOnceItAnswers() throws Exception {
    int osPort = SearchClient.freePort();
    try (ArticleFarm farm = new ArticleFarm(FEEDS, ARTICLES / FEEDS)) {
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
              url: http://127.0.0.1:%d
          """
                      .formatted(osPort));
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
        SearchClient api = new SearchClient(port);
        JsonNode sink = awaitSinkPaused(api, vigia);
        assertThat(sink.path("reason").asText())
            .as("/readyz says why the sink waits")
            .contains("OpenSearch unreachable at http://127.0.0.1:" + osPort);

        // Ingest works meanwhile: every page is fetched before the engine exists.
        long deadline = System.currentTimeMillis() + 180_000;
        while (farm.distinctPagesFetched() < farm.articles()
            && System.currentTimeMillis() < deadline) {
          assertThat(vigia.isAlive()).as("vigia stays up (log %s)", vigia.logFile()).isTrue();
          Thread.sleep(500);
        }
        assertThat(farm.distinctPagesFetched()).isEqualTo(farm.articles());
        assertThat(vigia.isAlive()).as("vigia stays up (log %s)", vigia.logFile()).isTrue();

        try (OpenSearchNode os = OpenSearchNode.startOn(osPort)) {
          api.awaitTotalAtLeast(farm.articles(), 300_000, vigia);
          Thread.sleep(3000);
          assertThat(api.total()).as("nothing doubled").isEqualTo(farm.articles());
          api.assertEveryUrlOnce(farm.articles());
          assertThat(api.get("/readyz").path("stages").path("sink").path("state").asText())
              .isEqualTo("up");
        }
      }
    }
  }

  private static JsonNode awaitSinkPaused(SearchClient api, StageProcess vigia) throws Exception {
    long deadline = System.currentTimeMillis() + 180_000;
    while (true) {
      assertThat(vigia.isAlive()).as("vigia stays up (log %s)", vigia.logFile()).isTrue();
      try {
        JsonNode sink = api.get("/readyz").path("stages").path("sink");
        if (sink.path("state").asText().equals("paused")) {
          return sink;
        }
      } catch (java.io.IOException e) {
        // not listening yet, or still starting (503)
      }
      assertThat(System.currentTimeMillis()).as("the sink reports a pause").isLessThan(deadline);
      Thread.sleep(500);
    }
  }
}
