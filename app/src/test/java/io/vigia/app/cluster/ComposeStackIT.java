package io.vigia.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.http.Json;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The deployment as users run it: {@code docker-compose.yml} (Kafka, OpenSearch, Dashboards, the
 * Vigía image built from the {@code Dockerfile}, one service per stage) with an overlay that adds a
 * fixture news site inside the compose network. Articles must travel from the site through Kafka
 * into OpenSearch and be searchable on the sink, with two enrich instances. Skipped where there is
 * no Docker engine (the same path runs without Docker in {@code ClusterFailoverIT}).
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackIT {
  @Container
  static final ComposeContainer STACK =
      new ComposeContainer(
              new File("../docker-compose.yml"),
              new File("src/test/resources/compose/compose-test.yml"))
          .withBuild(true)
          .withScaledService("enrich", 2)
          .withExposedService(
              "sink",
              8080,
              Wait.forHttp("/readyz").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(10)))
          .withExposedService(
              "ingest",
              8080,
              Wait.forHttp("/readyz").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(10)))
          .withExposedService(
              "enrich",
              1,
              8080,
              Wait.forHttp("/readyz").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(10)))
          .withExposedService(
              "enrich",
              2,
              8080,
              Wait.forHttp("/readyz").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(10)))
          .withExposedService(
              "opensearch-dashboards",
              5601,
              Wait.forHttp("/api/status").withStartupTimeout(Duration.ofMinutes(10)));

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldMakeTheFixtureArticlesSearchableThroughTheWholeStack() throws Exception {
    String sink =
        "http://" + STACK.getServiceHost("sink", 8080) + ":" + STACK.getServicePort("sink", 8080);
    JsonNode found = null;
    long deadline = System.currentTimeMillis() + 300_000;
    while (System.currentTimeMillis() < deadline) {
      found = get(sink + "/api/articles?size=10");
      if (found.path("total").asLong() >= 2) {
        break;
      }
      Thread.sleep(2000);
    }
    assertThat(found.path("total").asLong())
        .as("both fixture articles indexed in OpenSearch: %s", found)
        .isEqualTo(2);
    assertThat(get(sink + "/api/articles?q=tally").path("total").asLong()).isEqualTo(1);
    assertThat(get(sink + "/api/stats").path("topSources").toString()).contains("Fixture Compose");

    String ingest =
        "http://"
            + STACK.getServiceHost("ingest", 8080)
            + ":"
            + STACK.getServicePort("ingest", 8080);
    JsonNode source = get(ingest + "/api/sources").path("sources").path(0);
    assertThat(source.path("articlesProduced").asInt()).isEqualTo(2);

    // /metrics is Prometheus text: each stage's own series, with what this run did.
    String ingestMetrics = text(ingest + "/metrics");
    assertThat(value(ingestMetrics, "vigia_ingest_articles_fetched_total"))
        .isGreaterThanOrEqualTo(2);
    assertThat(value(ingestMetrics, "vigia_ingest_articles_produced_total")).isEqualTo(2);
    assertThat(ingestMetrics)
        .contains("vigia_freshness_published_to_fetched_seconds_bucket{le=\"+Inf\"}");
    assertThat(ingestMetrics).contains("jvm_memory_used_bytes").contains("process_cpu_usage");
    double enrichedOut = 0;
    for (int instance = 1; instance <= 2; instance++) {
      String enrich =
          "http://"
              + STACK.getServiceHost("enrich-" + instance, 8080)
              + ":"
              + STACK.getServicePort("enrich-" + instance, 8080);
      String m = text(enrich + "/metrics");
      assertThat(m)
          .as("enrich-%d publishes its meters", instance)
          .contains("vigia_enrich_articles_in_total");
      enrichedOut += value(m, "vigia_enrich_articles_out_total{destination=\"enriched\"}");
      assertThat(value(m, "vigia_metrics_registration_failures_total")).isZero();
    }
    // Counters count processing: a transaction aborted by the rebalance as the second instance
    // joins is
    // processed, and counted, again. The index above is the exactly-once oracle.
    assertThat(enrichedOut)
        .as("the two enrich instances together enriched both articles")
        .isGreaterThanOrEqualTo(2);
    String sinkMetrics = text(sink + "/metrics");
    assertThat(value(sinkMetrics, "vigia_sink_articles_indexed_total")).isGreaterThanOrEqualTo(2);
    assertThat(value(sinkMetrics, "vigia_freshness_fetched_to_searchable_seconds_count"))
        .isGreaterThanOrEqualTo(2);
    assertThat(sinkMetrics)
        .contains("vigia_freshness_published_to_searchable_seconds_bucket{le=\"+Inf\"}")
        .contains("vigia_sink_write_seconds_bucket");

    String dashboards =
        "http://"
            + STACK.getServiceHost("opensearch-dashboards", 5601)
            + ":"
            + STACK.getServicePort("opensearch-dashboards", 5601);
    assertThat(get(dashboards + "/api/saved_objects/_find?type=dashboard").path("total").asInt())
        .as("the saved objects were imported by dashboards-init")
        .isPositive();
  }

  private String text(String url) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    return r.body();
  }

  /**
   * The value of one series (name with its labels, exactly as exposed); fails when it is missing.
   */
  private static double value(String metrics, String series) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(series + " "))
        .findFirst()
        .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .orElseThrow(() -> new AssertionError("no series " + series + " in /metrics"));
  }

  private JsonNode get(String url) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    return r.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(r.body());
  }
}
