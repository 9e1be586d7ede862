package io.vigia.app.bench;

import io.vigia.app.testing.ArticleFarm;
import io.vigia.app.testing.SearchClient;
import io.vigia.app.testing.StageProcess;
import io.vigia.broker.EmbeddedKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput of the full pipeline, from a loopback news site to searchable, with one and with two
 * enrich instances on the same broker, every stage its own process (sink, k enrich, ingest). Each
 * run starts from nothing: a fresh broker, fresh data folders, the farm's articles all new. Rounds
 * alternate the order (1,2 then 2,1, ...) so that warm-up and the machine's other load do not
 * favour one side. Timing starts when ingest is launched (sink and enrich already ready) and
 * reports, per run: seconds until every article is searchable, and the steady rate between 10 % and
 * 90 % of them searchable (start-up excluded). Then a summary per instance count: median, minimum
 * and maximum over the rounds. After each run the stages' {@code /metrics} are read: the counts per
 * stage and the freshness quantiles of their histograms.
 *
 * <p>Not part of the test suite (no assertion on time). Run it with {@code
 * bench/pipeline-scaling.sh [ARTICLES] [ROUNDS]}, i.e. {@code ./mvnw -B verify -pl app -am
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
 * -Dit.test=PipelineScalingBench -Dvigia.bench.articles=2000 -Dvigia.bench.rounds=3}, and read the
 * {@code RESULT}, {@code SUMMARY} and {@code METRIC} lines.
 */
class PipelineScalingBench {
  private static final int ARTICLES = Integer.getInteger("vigia.bench.articles", 2000);
  private static final int ROUNDS = Integer.getInteger("vigia.bench.rounds", 3);
  private static final int FEEDS = 20;

  @TempDir Path tmp;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** One run's figures. */
  record Run(int round, int enrichInstances, double seconds, double steadyRate, String load) {}

  @Test
  void measureTheFullPipelineWithOneAndTwoEnrichInstances() throws Exception {
    List<Run> runs = new ArrayList<>();
    try (ArticleFarm farm = new ArticleFarm(FEEDS, ARTICLES / FEEDS)) {
      for (int round = 1; round <= ROUNDS; round++) {
        int[] order = round % 2 == 1 ? new int[] {1, 2} : new int[] {2, 1};
        for (int k : order) {
          Run r = run(round, k, farm);
          runs.add(r);
          System.out.printf(
              Locale.ROOT,
              "RESULT pipeline round=%d enrich-instances=%d articles=%d seconds=%.1f "
                  + "steady-articles-per-second=%.1f overall-articles-per-second=%.1f cores=%d load-before/after=%s%n",
              r.round(),
              k,
              farm.articles(),
              r.seconds(),
              r.steadyRate(),
              farm.articles() / r.seconds(),
              Runtime.getRuntime().availableProcessors(),
              r.load());
        }
      }
    }
    for (int k : new int[] {1, 2}) {
      List<Double> seconds =
          runs.stream().filter(r -> r.enrichInstances() == k).map(Run::seconds).sorted().toList();
      List<Double> steady =
          runs.stream()
              .filter(r -> r.enrichInstances() == k)
              .map(Run::steadyRate)
              .sorted()
              .toList();
      System.out.printf(
          Locale.ROOT,
          "SUMMARY pipeline enrich-instances=%d rounds=%d articles=%d seconds median=%.1f min=%.1f max=%.1f "
              + "steady-articles-per-second median=%.1f min=%.1f max=%.1f%n",
          k,
          seconds.size(),
          ARTICLES,
          median(seconds),
          seconds.get(0),
          seconds.get(seconds.size() - 1),
          median(steady),
          steady.get(0),
          steady.get(steady.size() - 1));
    }
  }

  private Run run(int round, int enrichInstances, ArticleFarm farm) throws Exception {
    Path dir = tmp.resolve("round-" + round + "-k" + enrichInstances);
    String loadBefore = load();
    try (EmbeddedKafka broker = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
      Path config =
          Files.writeString(
              Files.createDirectories(dir).resolve("vigia.yaml"),
              farm.feedsYaml()
                  + """
          ingest:
            allow-private-addresses: true
            poll-interval: 1s
            max-poll-interval: 1s
            host-delay: 0s
          kafka:
            partitions: 4
          """);
      Map<String, String> env = Map.of("VIGIA_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
      Path logs = dir.resolve("logs");
      Map<String, Integer> ports = new LinkedHashMap<>();
      List<StageProcess> stages = new ArrayList<>();
      try {
        ports.put("sink", SearchClient.freePort());
        stages.add(stage(logs, env, config, dir, "sink", "sink", ports.get("sink"), "512m"));
        for (int i = 1; i <= enrichInstances; i++) {
          ports.put("enrich-" + i, SearchClient.freePort());
          stages.add(
              stage(
                  logs,
                  env,
                  config,
                  dir,
                  "enrich",
                  "enrich-" + i,
                  ports.get("enrich-" + i),
                  "512m"));
        }
        for (int i = 0; i < stages.size(); i++) {
          awaitReady(stages.get(i), ports.values().stream().toList().get(i));
        }
        SearchClient search = new SearchClient(ports.get("sink"));
        long t0 = System.nanoTime();
        ports.put("ingest", SearchClient.freePort());
        StageProcess ingest =
            stage(logs, env, config, dir, "ingest", "ingest", ports.get("ingest"), "384m");
        stages.add(ingest);
        long at10 = 0;
        long at90 = 0;
        long deadline = t0 + Duration.ofMinutes(30).toNanos();
        while (true) {
          long total;
          try {
            total = search.total();
          } catch (IOException e) {
            total = 0;
          }
          long now = System.nanoTime();
          if (at10 == 0 && total >= farm.articles() / 10) {
            at10 = now;
          }
          if (at90 == 0 && total >= farm.articles() * 9L / 10) {
            at90 = now;
          }
          if (total >= farm.articles()) {
            break;
          }
          if (now > deadline || stages.stream().anyMatch(s -> !s.isAlive())) {
            throw new AssertionError(
                "run "
                    + round
                    + " k="
                    + enrichInstances
                    + " stopped at "
                    + total
                    + " of "
                    + farm.articles()
                    + "; ingest log:\n"
                    + ingest.logTail(30));
          }
          Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double steady = (farm.articles() * 0.8) / ((at90 - at10) / 1e9);
        printMetrics(round, enrichInstances, ports);
        return new Run(round, enrichInstances, seconds, steady, loadBefore + "/" + load());
      } finally {
        stages.forEach(StageProcess::close);
      }
    }
  }

  private StageProcess stage(
      Path logs,
      Map<String, String> env,
      Path config,
      Path dir,
      String command,
      String name,
      int port,
      String heap) {
    return StageProcess.start(
        name,
        logs,
        env,
        heap,
        command,
        "--config",
        config.toString(),
        "--data",
        dir.resolve(name).toString(),
        "--port",
        String.valueOf(port));
  }

  private void awaitReady(StageProcess p, int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (!p.isAlive()) {
        throw new AssertionError(p.name() + " died:\n" + p.logTail(30));
      }
      Thread.sleep(250);
    }
    throw new AssertionError(p.name() + " not ready within 3 minutes:\n" + p.logTail(30));
  }

  /** The counts per stage and the freshness quantiles (from the histograms' buckets) of one run. */
  private void printMetrics(int round, int k, Map<String, Integer> ports) throws Exception {
    Map<String, Double> sum = new TreeMap<>();
    Map<String, Map<Double, Double>> buckets = new TreeMap<>();
    for (Map.Entry<String, Integer> stage : ports.entrySet()) {
      String body =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + stage.getValue() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      for (String line : body.lines().toList()) {
        if (line.startsWith("#") || !line.startsWith("vigia_")) {
          continue;
        }
        int sp = line.lastIndexOf(' ');
        String series = line.substring(0, sp);
        double v = Double.parseDouble(line.substring(sp + 1));
        if (series.contains("_bucket{le=\"")) {
          String name = series.substring(0, series.indexOf("_bucket{"));
          String le = series.substring(series.indexOf("le=\"") + 4, series.lastIndexOf('"'));
          buckets
              .computeIfAbsent(name, n -> new TreeMap<>())
              .merge(
                  le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le),
                  v,
                  Double::sum);
        } else if (series.endsWith("_total")
            || series.contains("_total{")
            || series.endsWith("_count")
            || series.contains("quantile=")) {
          sum.merge(
              series.contains("quantile=") ? stage.getKey() + " " + series : series,
              v,
              series.contains("quantile=") ? (a, b) -> b : Double::sum);
        }
      }
    }
    sum.forEach(
        (series, v) ->
            System.out.printf(
                Locale.ROOT,
                "METRIC round=%d enrich-instances=%d %s %s%n",
                round,
                k,
                series,
                v == Math.rint(v)
                    ? String.valueOf((long) (double) v)
                    : String.format(Locale.ROOT, "%.3f", v)));
    buckets.forEach(
        (name, b) ->
            System.out.printf(
                Locale.ROOT,
                "METRIC round=%d enrich-instances=%d %s p50=%.2f p90=%.2f p99=%.2f (seconds, from buckets)%n",
                round,
                k,
                name,
                quantile(b, 0.5),
                quantile(b, 0.9),
                quantile(b, 0.99)));
  }

  /** Prometheus' histogram_quantile: linear within the bucket the rank falls in. */
  static double quantile(Map<Double, Double> cumulative, double q) {
    double total = cumulative.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
    if (total == 0) {
      return Double.NaN;
    }
    double rank = q * total;
    double lower = 0;
    double below = 0;
    for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
      if (e.getValue() >= rank) {
        if (e.getKey().isInfinite()) {
          return lower;
        }
        double inBucket = e.getValue() - below;
        return inBucket == 0
            ? e.getKey()
            : lower + (e.getKey() - lower) * (rank - below) / inBucket;
      }
      lower = e.getKey();
      below = e.getValue();
    }
    return lower;
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
