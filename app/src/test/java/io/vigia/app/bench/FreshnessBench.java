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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time from an enriched record in Kafka to searchable, under a steady trickle rather than a
 * backlog: {@code vigia run} polls a loopback site whose pages answer slowly (so articles arrive a
 * few dozen a second, as from real feeds), and the sink's {@code vigia_freshness_*_recent_seconds}
 * percentiles (the last five minutes, so a run of a few minutes is covered whole) are read at the
 * end. Backend by {@code -Dvigia.bench.backend=lucene|opensearch} (with {@code
 * -Dvigia.bench.opensearch-url=http://127.0.0.1:9200}, e.g. from {@code .ci/opensearch.sh start}).
 * On OpenSearch the sink's clock stops at the bulk acknowledgement, before the next refresh makes
 * the document searchable, so an {@link OpenSearchVisibilityProbe} also measures what a search sees
 * ({@code RESULT freshness-visible}); on Lucene the write returns after the searcher reopened. Not
 * part of the suite (no assertion on time); run with {@code bench/freshness.sh} or {@code ./mvnw -B
 * verify -pl app -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
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
          alerts:
            enabled: false
          """);
      Map<String, String> env = new HashMap<>();
      env.put("VIGIA_SINK_BACKEND", BACKEND);
      String opensearchUrl =
          System.getProperty("vigia.bench.opensearch-url", "http://127.0.0.1:9200");
      String index = "vigia-bench-" + System.currentTimeMillis();
      if (BACKEND.equals("opensearch")) {
        env.put("VIGIA_SINK_OPENSEARCH_URL", opensearchUrl);
        env.put("VIGIA_SINK_OPENSEARCH_INDEX", index);
      }
      int port = SearchClient.freePort();
      long t0 = System.nanoTime();
      Path data = tmp.resolve("data");
      try (StageProcess vigia =
              StageProcess.start(
                  "run",
                  tmp.resolve("logs"),
                  env,
                  "768m",
                  "run",
                  "--config",
                  config.toString(),
                  "--data",
                  data.toString(),
                  "--port",
                  String.valueOf(port));
          OpenSearchVisibilityProbe probe =
              BACKEND.equals("opensearch")
                  ? new OpenSearchVisibilityProbe(
                      awaitBrokerAddress(data, vigia), opensearchUrl, index)
                  : null) {
        SearchClient search = new SearchClient(port);
        // Start-up (JIT, first index writes, group joins) is not the steady state of a monitor that
        // runs all day: the steady figures come from the histogram buckets' growth after a fifth
        // of the articles, the way a Prometheus query over a window reads them.
        search.awaitTotalAtLeast(farm.articles() / 5, 1_800_000, vigia);
        Map<String, String> warm = metrics(port, false);
        search.awaitTotalAtLeast(farm.articles(), 1_800_000, vigia);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, String> m = metrics(port, true);
        String name = "vigia_freshness_enriched_to_searchable_seconds_bucket";
        System.out.printf(
            "RESULT freshness-steady backend=%s articles=%d (after the first fifth) enriched-to-searchable p50<=%s p99<=%s "
                + "within-1s=%.4f within-2s=%.4f%n",
            BACKEND,
            farm.articles(),
            upperBound(warm, m, name, 0.5),
            upperBound(warm, m, name, 0.99),
            share(warm, m, name, "1.0"),
            share(warm, m, name, "2.0"));
        System.out.printf(
            "RESULT freshness backend=%s articles=%d seconds=%.1f enriched-to-searchable p50=%s p99=%s "
                + "fetched-to-searchable p50=%s p99=%s%n",
            BACKEND,
            farm.articles(),
            seconds,
            m.get("vigia_freshness_enriched_to_searchable_recent_seconds{quantile=\"0.5\"}"),
            m.get("vigia_freshness_enriched_to_searchable_recent_seconds{quantile=\"0.99\"}"),
            m.get("vigia_freshness_fetched_to_searchable_recent_seconds{quantile=\"0.5\"}"),
            m.get("vigia_freshness_fetched_to_searchable_recent_seconds{quantile=\"0.99\"}"));
        if (probe != null) {
          // The sink's clock stops at the bulk acknowledgement; a reader sees the document at the
          // next refresh. What a search sees, after the first fifth like the steady figures above:
          long deadline = System.currentTimeMillis() + 30_000;
          while (probe.seen() < farm.articles() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
          }
          List<Long> ms = new ArrayList<>(probe.latenciesAfter(farm.articles() / 5));
          Collections.sort(ms);
          System.out.printf(
              "RESULT freshness-visible backend=%s documents=%d (after the first fifth, probed every %d ms) "
                  + "enriched-to-searchable p50=%.2fs p90=%.2fs p99=%.2fs max=%.2fs within-1s=%.4f within-2s=%.4f%n",
              BACKEND,
              ms.size(),
              OpenSearchVisibilityProbe.PROBE_MILLIS,
              quantile(ms, 0.5),
              quantile(ms, 0.9),
              quantile(ms, 0.99),
              ms.isEmpty() ? Double.NaN : ms.get(ms.size() - 1) / 1000.0,
              within(ms, 1000),
              within(ms, 2000));
        }
      }
    }
  }

  private static double quantile(List<Long> sortedMs, double q) {
    return sortedMs.isEmpty()
        ? Double.NaN
        : sortedMs.get((int) Math.min(sortedMs.size() - 1, Math.ceil(q * sortedMs.size()) - 1))
            / 1000.0;
  }

  private static double within(List<Long> ms, long limit) {
    return ms.isEmpty()
        ? Double.NaN
        : ms.stream().filter(x -> x <= limit).count() / (double) ms.size();
  }

  /**
   * The embedded broker's address, which {@code vigia run} writes into its data folder once
   * started.
   */
  private static String awaitBrokerAddress(Path data, StageProcess vigia) throws Exception {
    Path file = data.resolve("kafka.address");
    long deadline = System.currentTimeMillis() + 300_000;
    while (System.currentTimeMillis() < deadline && vigia.isAlive()) {
      if (Files.isRegularFile(file) && !Files.readString(file).isBlank()) {
        return Files.readString(file).trim();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("vigia run wrote no broker address; log tail:\n" + vigia.logTail(40));
  }

  /** The growth of each cumulative bucket {@code le} of the histogram between two scrapes. */
  private static TreeMap<Double, Double> growth(
      Map<String, String> before, Map<String, String> after, String name) {
    TreeMap<Double, Double> out = new TreeMap<>();
    after.forEach(
        (k, v) -> {
          if (k.startsWith(name + "{")) {
            int at = k.indexOf("le=\"");
            String le = k.substring(at + 4, k.indexOf('"', at + 4));
            double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
            out.put(bound, Double.parseDouble(v) - Double.parseDouble(before.getOrDefault(k, "0")));
          }
        });
    return out;
  }

  /**
   * The smallest bucket bound under which quantile q of the growth falls (an upper bound on the
   * quantile).
   */
  private static String upperBound(
      Map<String, String> before, Map<String, String> after, String name, double q) {
    TreeMap<Double, Double> g = growth(before, after, name);
    double total = g.isEmpty() ? 0 : g.lastEntry().getValue();
    for (var e : g.entrySet()) {
      if (total > 0 && e.getValue() >= q * total) {
        return e.getKey() + "s";
      }
    }
    return "n/a";
  }

  /** The share of the growth at or under bound {@code le}. */
  private static double share(
      Map<String, String> before, Map<String, String> after, String name, String le) {
    TreeMap<Double, Double> g = growth(before, after, name);
    double total = g.isEmpty() ? 0 : g.lastEntry().getValue();
    Double at = g.get(Double.parseDouble(le));
    return total == 0 || at == null ? Double.NaN : at / total;
  }

  private static Map<String, String> metrics(int port) throws Exception {
    return metrics(port, true);
  }

  private static Map<String, String> metrics(int port, boolean print) throws Exception {
    String body =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Map<String, String> m = new HashMap<>();
    body.lines()
        .filter(l -> l.startsWith("vigia_freshness"))
        .forEach(
            l -> {
              int sp = l.lastIndexOf(' ');
              m.put(l.substring(0, sp), l.substring(sp + 1));
              if (print) {
                System.out.println("METRIC " + l);
              }
            });
    return m;
  }
}
