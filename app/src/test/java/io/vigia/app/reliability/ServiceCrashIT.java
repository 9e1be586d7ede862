package io.vigia.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.vigia.app.testing.ArticleFarm;
import io.vigia.app.testing.SearchClient;
import io.vigia.app.testing.StageProcess;
import io.vigia.broker.EmbeddedKafka;
import io.vigia.common.http.Json;
import io.vigia.common.testing.OpenSearchNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode under kill -9: ingest, enrich, sink and alerts run as separate services on a broker;
 * at random moments a random one of them is killed with SIGKILL and started again on its data
 * folder, sometimes again while it is still starting (joining its group, restoring state).
 * Afterwards the index must hold every page the farm listed exactly once (by URL, duplicates
 * included, copies linked), and a webhook subscription made before the run must have received
 * exactly one alert (by alert id) for each matching article, none for anything else. The CI run is
 * short; the long run is {@code ./mvnw -B verify -pl app -am -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ServiceCrashIT
 * -Dvigia.service-crash.articles=10000 -Dvigia.service-crash.kills=20}.
 */
class ServiceCrashIT {
  private static final int ARTICLES = Integer.getInteger("vigia.service-crash.articles", 300);
  private static final int KILLS = Integer.getInteger("vigia.service-crash.kills", 3);
  private static final long SEED = Long.getLong("vigia.service-crash.seed", System.nanoTime());

  /** {@code lucene} (default) or {@code opensearch} (a real one, started for the test). */
  private static final String BACKEND = System.getProperty("vigia.service-crash.backend", "lucene");

  private static final List<String> STAGES = List.of("sink", "enrich", "ingest", "alerts");

  /**
   * Matches the farm articles set in one of its twelve towns (and their copies): about one in
   * twelve.
   */
  private static final String QUERY = "Maracaibo";

  @TempDir Path tmp;

  /** Alert id to the root article id it was about, and how many deliveries arrived in all. */
  private final Map<String, String> alerts = new ConcurrentHashMap<>();

  private final AtomicInteger deliveries = new AtomicInteger();

  @Test
  void shouldIndexEveryArticleExactlyOnceWhileServicesAreKilledAndRestarted() throws Exception {
    Random random = new Random(SEED);
    int feeds = Math.max(1, ARTICLES / 50);
    // Pages answer slowly enough that fetching spans the kills (about 6 s apart): every kill lands
    // while articles are still arriving, however many articles and kills are asked for (checked
    // below).
    long pageDelay = Math.max(1, KILLS * 6000L * ArticleFarm.PARALLEL_FETCHES / ARTICLES);
    HttpServer receiver = webhookReceiver();
    try (EmbeddedKafka broker = new EmbeddedKafka(tmp.resolve("kafka"), 0).start();
        ArticleFarm farm =
            new ArticleFarm(feeds, ARTICLES / feeds).withPageDelay(pageDelay).withCopies(10);
        OpenSearchNode opensearch = BACKEND.equals("opensearch") ? OpenSearchNode.start() : null) {
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
          alerts:
            webhook:
              allow-private-addresses: true
            retry:
              initial-backoff: 100ms
          """
                  + (opensearch == null
                      ? ""
                      : """
          sink:
            backend: opensearch
            opensearch:
              url: %s
              index: vigia-service-crash-%d
          """
                          .formatted(opensearch.url(), SEED & 0xffff)));
      Map<String, String> env = Map.of("VIGIA_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
      Map<String, Integer> ports = new HashMap<>();
      for (String stage : STAGES) {
        ports.put(stage, SearchClient.freePort());
      }
      Map<String, StageProcess> running = new LinkedHashMap<>();
      Map<String, Long> launchedAt = new HashMap<>();
      List<Kill> kills = new ArrayList<>();
      int pages = farm.pageUrls().size();
      long started = System.currentTimeMillis();
      try {
        // The subscription exists before any article does, so every matching article must alert.
        running.put("alerts", start("alerts", config, env, ports));
        launchedAt.put("alerts", System.currentTimeMillis());
        subscribe(
            ports.get("alerts"),
            "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
            running.get("alerts"));
        for (String stage : List.of("sink", "enrich", "ingest")) {
          running.put(stage, start(stage, config, env, ports));
          launchedAt.put(stage, System.currentTimeMillis());
        }
        SearchClient search = new SearchClient(ports.get("sink"));
        String lastRestarted = null;
        for (int k = 0; k < KILLS; k++) {
          String victim;
          // Kill k comes no later than k+1 of KILLS+2 shares of the pages: the last kill leaves
          // pages still to fetch however fast this machine is.
          int share = pages * (k + 1) / (KILLS + 2);
          if (lastRestarted != null && random.nextInt(3) == 0) {
            // Again, soon after its restart: while it joins its group and restores its state.
            farm.awaitPagesFetched(share, Duration.ofMillis(random.nextInt(3000)));
            victim = lastRestarted;
          } else {
            // At a random page of this kill's own share, so that the kills fall over the whole run.
            farm.awaitPagesFetched(
                Kill.pageInShare(random, pages, k, KILLS), Kill.MAX_WAIT_FOR_PAGE);
            victim = STAGES.get(random.nextInt(STAGES.size()));
          }
          Kill.Phase phase = Kill.phaseOf(ports.get(victim));
          long indexed = indexedOrMinusOne(search);
          running.get(victim).kill();
          int fetched = farm.distinctPagesFetched();
          kills.add(
              new Kill(
                  victim,
                  System.currentTimeMillis() - launchedAt.get(victim),
                  phase,
                  fetched,
                  indexed));
          running.put(victim, start(victim, config, env, ports));
          launchedAt.put(victim, System.currentTimeMillis());
          lastRestarted = victim;
        }
        // Every document, duplicates included: the originals and the republished copies.
        int documents = farm.articles() + farm.copies().size();
        long total =
            search.awaitTotalAtLeast(documents, 1_800_000, running.get("sink"), running.values());
        Thread.sleep(3000);
        assertThat(search.total()).as("nothing doubled").isEqualTo(documents).isEqualTo(total);
        search.assertEveryUrlOnce(documents);
        search.assertExactlyTheseUrlsOnce(farm.pageUrls());
        search.assertCopiesLinked(farm.copies(), farm.articles());
        Set<String> expected = matchingRoots(search);
        assertThat(expected)
            .as("the subscription matches some of the farm")
            .isNotEmpty()
            .hasSizeLessThan(farm.articles());
        awaitAlerts(expected.size(), running.get("alerts"));
        Thread.sleep(3000); // anything extra would arrive now
        assertThat(alerts.values())
            .as("one alert per matching article (by alert id)")
            .doesNotHaveDuplicates();
        assertThat(Set.copyOf(alerts.values()))
            .as("exactly the matching articles alerted")
            .isEqualTo(expected);
        assertThat(kills)
            .as("every kill landed while pages were still to fetch: %s", kills)
            .allMatch(k -> k.pagesFetched() < pages);
        System.out.printf(
            "RESULT service-crash backend=%s articles=%d copies=%d %s lost=0 doubled=0 copies-linked=all "
                + "alerts=%d/%d-once deliveries=%d refetched=%d seconds=%d seed=%d%n",
            BACKEND,
            farm.articles(),
            farm.copies().size(),
            Kill.summary(kills),
            alerts.size(),
            expected.size(),
            deliveries.get(),
            farm.pagesFetchedMoreThanOnce().size(),
            (System.currentTimeMillis() - started) / 1000,
            SEED);
      } finally {
        running.values().forEach(StageProcess::close);
      }
    } finally {
      receiver.stop(0);
    }
  }

  /**
   * A loopback webhook: every delivery counted, each alert id kept with the article it is about.
   */
  private HttpServer webhookReceiver() throws java.io.IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext(
        "/hook",
        ex -> {
          byte[] body = ex.getRequestBody().readAllBytes();
          deliveries.incrementAndGet();
          JsonNode alert = Json.MAPPER.readTree(body);
          alerts.put(alert.path("id").asText(), alert.path("article").path("id").asText());
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    server.start();
    return server;
  }

  private static void subscribe(int port, String hook, StageProcess alerts) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String body =
        """
        {"name": "crash test", "query": {"q": "%s"}, "webhook": {"url": "%s", "secret": "service-crash-webhook-secret"}}
        """
            .formatted(QUERY, hook);
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/subscriptions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 201) {
          return;
        }
      } catch (java.io.IOException e) {
        // not serving yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("could not subscribe; alerts log tail:\n" + alerts.logTail(40));
  }

  /**
   * The articles the subscription must have alerted for: every indexed document the same query
   * finds, duplicates included, as the article it copies (an alert names the root of a copy).
   */
  private static Set<String> matchingRoots(SearchClient search) throws Exception {
    Set<String> roots = new java.util.HashSet<>();
    for (JsonNode a :
        search.readAll(
            "&q=" + QUERY + "&duplicates=true",
            (int)
                search
                    .get("/api/articles?size=0&duplicates=true&q=" + QUERY)
                    .path("total")
                    .asLong())) {
      JsonNode dedup = a.path("dedup");
      roots.add(
          "duplicate".equalsIgnoreCase(dedup.path("status").asText())
              ? dedup.path("duplicateOf").asText()
              : a.path("id").asText());
    }
    return roots;
  }

  private void awaitAlerts(int n, StageProcess alertsService) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 300_000;
    while (Set.copyOf(alerts.values()).size() < n && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
    }
    assertThat(Set.copyOf(alerts.values()).size())
        .as("alerted articles; alerts log tail:\n%s", alertsService.logTail(30))
        .isGreaterThanOrEqualTo(n);
  }

  private static long indexedOrMinusOne(SearchClient search) {
    try {
      return search.get("/api/articles?size=0&duplicates=true").path("total").asLong();
    } catch (java.io.IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private StageProcess start(
      String stage, Path config, Map<String, String> env, Map<String, Integer> ports) {
    // The same instance id across restarts: static membership hands a restarted service its
    // partitions back at once.
    Map<String, String> withId = new java.util.HashMap<>(env);
    withId.put("VIGIA_INSTANCE_ID", stage + "-1");
    return StageProcess.start(
        stage + "-" + System.nanoTime(),
        tmp.resolve("logs"),
        withId,
        "384m",
        stage,
        "--config",
        config.toString(),
        "--data",
        tmp.resolve(stage).toString(),
        "--port",
        String.valueOf(ports.get(stage)));
  }
}
