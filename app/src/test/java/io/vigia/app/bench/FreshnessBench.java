package io.vigia.app.bench;

import io.vigia.app.testing.ArticleFarm;
import io.vigia.app.testing.SearchClient;
import io.vigia.app.testing.StageProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time from an enriched record in Kafka to searchable, under a steady trickle rather than a
 * backlog: {@code vigia run} polls a loopback site whose pages answer slowly (so articles arrive a
 * few dozen a second, as from real feeds), and the sink's {@code vigia_freshness_*_recent_seconds}
 * percentiles (the last five minutes, so a run of a few minutes is covered whole) are read at the end. Backend by {@code -Dvigia.bench.backend=lucene|opensearch} (with
 * {@code -Dvigia.bench.opensearch-url=http://127.0.0.1:9200}, e.g. from {@code .ci/opensearch.sh start}).
 * Not part of the suite (no assertion on time); run with {@code bench/freshness.sh} or
 * {@code ./mvnw -B verify -pl app -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=FreshnessBench -Dvigia.bench.articles=2000}.
 */
class FreshnessBench {
  private static final int ARTICLES = Integer.getInteger("vigia.bench.articles", 2000);
  private static final String BACKEND = System.getProperty("vigia.bench.backend", "lucene");
  private static final long PAGE_DELAY_MS = Long.getLong("vigia.bench.page-delay-ms", 20);

  @TempDir Path tmp;

  @Test
  void measureEnrichedToSearchable() throws Exception {
    try (ArticleFarm farm = new ArticleFarm(10, ARTICLES / 10).withPageDelay(PAGE_DELAY_MS)) {
      Path config = Files.writeString(tmp.resolve("vigia.yaml"), farm.feedsYaml() + """
          ingest:
            allow-private-addresses: true
            poll-interval: 1s
            max-poll-interval: 1s
            host-delay: 0s
          alerts:
            enabled: false
          """);
      Map<String, String> env = new HashMap<>();
      env.put("VIGIA_SINK_BACKEND", BACKEND);
      if (BACKEND.equals("opensearch")) {
        env.put("VIGIA_SINK_OPENSEARCH_URL", System.getProperty("vigia.bench.opensearch-url", "http://127.0.0.1:9200"));
        env.put("VIGIA_SINK_OPENSEARCH_INDEX", "vigia-bench-" + System.currentTimeMillis());
      }
      int port = SearchClient.freePort();
      long t0 = System.nanoTime();
      try (StageProcess vigia = StageProcess.start("run", tmp.resolve("logs"), env, "768m", "run", "--config", config.toString(),
          "--data", tmp.resolve("data").toString(), "--port", String.valueOf(port))) {
        new SearchClient(port).awaitTotalAtLeast(farm.articles(), 1_800_000, vigia);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, String> m = metrics(port);
        System.out.printf("RESULT freshness backend=%s articles=%d seconds=%.1f enriched-to-searchable p50=%s p99=%s "
                + "fetched-to-searchable p50=%s p99=%s%n", BACKEND, farm.articles(), seconds,
            m.get("vigia_freshness_enriched_to_searchable_recent_seconds{quantile=\"0.5\"}"),
            m.get("vigia_freshness_enriched_to_searchable_recent_seconds{quantile=\"0.99\"}"),
            m.get("vigia_freshness_fetched_to_searchable_recent_seconds{quantile=\"0.5\"}"),
            m.get("vigia_freshness_fetched_to_searchable_recent_seconds{quantile=\"0.99\"}"));
      }
    }
  }

  private static Map<String, String> metrics(int port) throws Exception {
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Map<String, String> m = new HashMap<>();
    body.lines().filter(l -> l.startsWith("vigia_freshness")).forEach(l -> {
      int sp = l.lastIndexOf(' ');
      m.put(l.substring(0, sp), l.substring(sp + 1));
      System.out.println("METRIC " + l);
    });
    return m;
  }
}
