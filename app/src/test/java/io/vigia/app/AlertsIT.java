package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.vigia.alerts.delivery.Signature;
import io.vigia.common.config.Config;
import io.vigia.common.http.Json;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscription added through the API, then a demo run: the webhook receiver gets exactly the
 * articles the same search finds, once each, signed with the subscription's secret, even though it
 * refuses its first delivery (the retry brings it). An IT because it runs the whole pipeline on a
 * real broker.
 */
class AlertsIT {
  private static final String SECRET = "it-webhook-secret-0042";
  private static final String EMPTY_FEED =
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>closed</title>"
          + "<link>http://example.org/</link><description>nothing yet</description></channel></rss>";

  @TempDir Path data;
  private DemoSite site;
  private HttpServer gate;
  private HttpServer receiver;
  private final AtomicBoolean open = new AtomicBoolean();
  private final AtomicInteger attempts = new AtomicInteger();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  record Received(
      byte[] body, String signature, String timestamp, String alertId, String timestamped) {}

  private final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>
      log = new ch.qos.logback.core.read.ListAppender<>();

  @BeforeEach
  void startServers() throws Exception {
    // Every log event of the run, to check that the secret never appears in one.
    log.start();
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .addAppender(log);
    site = DemoSite.start();
    // The feeds are empty until the subscription exists, so the run's articles all arrive after it.
    gate = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    gate.createContext(
        "/",
        ex -> {
          byte[] body = EMPTY_FEED.getBytes(StandardCharsets.UTF_8);
          if (open.get()) {
            try {
              body =
                  http.send(
                          HttpRequest.newBuilder(
                                  URI.create(site.baseUrl() + ex.getRequestURI().getPath()))
                              .build(),
                          HttpResponse.BodyHandlers.ofByteArray())
                      .body();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new java.io.IOException(e);
            }
          }
          ex.getResponseHeaders().set("Content-Type", "application/xml");
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    gate.start();
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    receiver.createContext(
        "/hook",
        ex -> {
          byte[] body = ex.getRequestBody().readAllBytes();
          // Refuse the very first delivery: the dispatcher must retry it.
          int status = attempts.incrementAndGet() == 1 ? 503 : 204;
          if (status == 204) {
            received.add(
                new Received(
                    body,
                    ex.getRequestHeaders().getFirst(Signature.HEADER),
                    ex.getRequestHeaders().getFirst(Signature.TIMESTAMP_HEADER),
                    ex.getRequestHeaders().getFirst(Signature.ALERT_ID_HEADER),
                    ex.getRequestHeaders().getFirst(Signature.TIMESTAMPED_HEADER)));
          }
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    receiver.start();
  }

  @AfterEach
  void stopServers() {
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .detachAppender(log);
    receiver.stop(0);
    gate.stop(0);
    site.close();
  }

  private Config config() {
    String base = "http://127.0.0.1:" + gate.getAddress().getPort() + "/feeds/";
    return Config.builder()
        .yaml(
            """
        feeds:
          - {url: "%1$scaribe-diario.xml", name: "Caribe Diario"}
          - {url: "%1$sorinoco-times.atom", name: "Orinoco Times"}
          - {url: "%1$smonitor-andino.rdf", name: "Monitor Andino"}
        ingest:
          allow-private-addresses: true
          poll-interval: 1s
          max-poll-interval: 1s
          host-delay: 0s
        http:
          port: 0
        alerts:
          webhook:
            allow-private-addresses: true
          retry:
            initial-backoff: 100ms
        """
                .formatted(base))
        .set("data-dir", data.toString())
        .build();
  }

  @Test
  void shouldDeliverExactlyTheMatchingArticlesOnceEachWithAValidSignature() throws Exception {
    try (PipelineHandle p = PipelineHandle.start(config(), false)) {
      p.await("/healthz", h -> h.path("alerts").asText().equals("RUNNING"), Duration.ofSeconds(90));
      String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      HttpResponse<String> created =
          post(
              p.httpUrl() + "/api/subscriptions",
              """
          {"name": "CNE en español", "query": {"q": "CNE", "language": "es"}, "webhook": {"url": "%s", "secret": "%s"}}
          """
                  .formatted(hook, SECRET));
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(created.body()).doesNotContain(SECRET).contains("\"hasSecret\":true");
      String id = Json.MAPPER.readTree(created.body()).path("id").asText();
      assertThat(p.get("/api/subscriptions").toString()).contains(id).doesNotContain(SECRET);
      HttpResponse<String> typo =
          post(
              p.httpUrl() + "/api/subscriptions",
              "{\"name\": \"x\", \"query\": {\"langauge\": \"es\"}}");
      assertThat(typo.statusCode()).isEqualTo(400);
      assertThat(typo.body()).contains("unknown query field 'langauge'");

      open.set(true);
      // The run is over when the index stops growing.
      long total = p.awaitStableTotal(Duration.ofSeconds(120));
      JsonNode expected = p.get("/api/articles?q=CNE&language=es&size=100");
      Set<String> expectedIds = new HashSet<>();
      expected.path("articles").forEach(a -> expectedIds.add(a.path("id").asText()));
      assertThat(expectedIds).as("the demo has matching articles").isNotEmpty();
      assertThat((long) expectedIds.size()).as("and others that must not alert").isLessThan(total);

      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (articleIds().size() < expectedIds.size() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      Thread.sleep(3000); // anything extra or repeated would arrive now
      List<String> ids = articleIds();
      assertThat(ids).as("once each").doesNotHaveDuplicates();
      assertThat(new HashSet<>(ids)).as("exactly the matching articles").isEqualTo(expectedIds);
      assertThat(attempts.get())
          .as("the refused first delivery was retried")
          .isEqualTo(ids.size() + 1);
      for (Received r : received) {
        assertThat(Signature.verify(SECRET, r.body(), r.signature()))
            .as("signature of " + r.alertId())
            .isTrue();
        assertThat(r.signature()).matches("sha256=[0-9a-f]{64}");
        assertThat(Signature.verifyTimestamped(SECRET, r.timestamp(), r.body(), r.timestamped()))
            .as("timestamp signed")
            .isTrue();
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertThat(body.path("subscriptionId").asText()).isEqualTo(id);
        assertThat(body.path("id").asText()).isEqualTo(r.alertId());
        assertThat(Instant.parse(body.path("sentAt").asText()))
            .isCloseTo(
                Instant.now(),
                org.assertj.core.api.Assertions.within(2, java.time.temporal.ChronoUnit.MINUTES));
        assertThat(Long.parseLong(r.timestamp()))
            .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(120L));
      }
      assertThat(p.get("/api/alerts?size=50").path("alerts")).hasSize(ids.size());

      HttpResponse<String> deleted =
          http.send(
              HttpRequest.newBuilder(URI.create(p.httpUrl() + "/api/subscriptions/" + id))
                  .DELETE()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(deleted.statusCode()).isEqualTo(204);
      assertThat(p.get("/api/subscriptions/" + id).path("error").asText())
          .contains("no subscription");
    }
    assertThat(log.list).as("log events of the run").isNotEmpty();
    for (ch.qos.logback.classic.spi.ILoggingEvent e : log.list) {
      String text =
          e.getFormattedMessage()
              + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage());
      assertThat(text).as("a log line").doesNotContain(SECRET);
    }
  }

  private List<String> articleIds() throws Exception {
    List<String> ids = new ArrayList<>();
    for (Received r : received) {
      ids.add(Json.MAPPER.readTree(r.body()).path("article").path("id").asText());
    }
    return ids;
  }

  private HttpResponse<String> post(String url, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
