package io.vigia.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigia.app.testing.SearchClient;
import io.vigia.app.testing.StageProcess;
import io.vigia.broker.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigia enrich --bootstrap-servers} started while nothing listens at the cluster's address:
 * the process stays up, {@code /healthz} answers 200 and {@code /readyz} 503 naming the wait, its
 * log says it is waiting; once a broker starts on that address the stage starts and {@code /readyz}
 * turns 200. Runs the stage as its own process (the jar, as a user does), so a failure at start
 * shows as the process exiting.
 */
class KafkaDownAtStartIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path tmp;

  @Test
  void shouldWaitForAnUnreachableClusterAndStartOnceItAnswers() throws Exception {
    int kafkaPort = SearchClient.freePort();
    int port = SearchClient.freePort();
    String address = "127.0.0.1:" + kafkaPort;
    try (StageProcess enrich =
        StageProcess.start(
            "enrich",
            tmp.resolve("logs"),
            Map.of(),
            "384m",
            "enrich",
            "--bootstrap-servers",
            address,
            "--data",
            tmp.resolve("data").toString(),
            "--port",
            String.valueOf(port))) {
      HttpResponse<String> ready = awaitAnswer(port, "/readyz", enrich);
      long waitUntil = System.currentTimeMillis() + 60_000;
      while (!ready.body().contains("waiting for Kafka")
          && System.currentTimeMillis() < waitUntil) {
        Thread.sleep(500);
        ready = awaitAnswer(port, "/readyz", enrich);
      }
      assertThat(ready.statusCode()).as("/readyz while Kafka is away").isEqualTo(503);
      JsonNode kafka = JSON.readTree(ready.body()).path("stages").path("kafka");
      assertThat(kafka.path("state").asText()).isEqualTo("starting");
      assertThat(kafka.path("reason").asText())
          .startsWith("waiting for Kafka at " + address + ": ");
      assertThat(awaitAnswer(port, "/healthz", enrich).statusCode())
          .as("/healthz: alive while waiting")
          .isEqualTo(200);

      Thread.sleep(5000);
      assertThat(enrich.isAlive()).as("enrich stays up (log %s)", enrich.logFile()).isTrue();
      assertThat(Files.readString(enrich.logFile().toPath()))
          .as("one line per attempt says what it waits for")
          .contains("waiting for Kafka at " + address)
          .contains("retrying in ")
          .doesNotContain("\tat ");

      try (EmbeddedKafka broker = new EmbeddedKafka(tmp.resolve("kafka"), kafkaPort).start()) {
        long deadline = System.currentTimeMillis() + 180_000;
        while (awaitAnswer(port, "/readyz", enrich).statusCode() != 200) {
          assertThat(System.currentTimeMillis())
              .as("enrich becomes ready once the broker answers (log %s)", enrich.logFile())
              .isLessThan(deadline);
          Thread.sleep(1000);
        }
        JsonNode body = JSON.readTree(awaitAnswer(port, "/readyz", enrich).body());
        assertThat(body.path("stages").path("kafka").path("state").asText()).isEqualTo("up");
        assertThat(enrich.isAlive()).isTrue();
      }
    }
  }

  /** The answer of {@code path}, waiting while the port does not listen yet. */
  private HttpResponse<String> awaitAnswer(int port, String path, StageProcess watched)
      throws Exception {
    long deadline = System.currentTimeMillis() + 120_000;
    while (true) {
      assertThat(watched.isAlive()).as("enrich stays up (log %s)", watched.logFile()).isTrue();
      try {
        return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        assertThat(System.currentTimeMillis()).as("HTTP comes up").isLessThan(deadline);
        Thread.sleep(500);
      }
    }
  }
}
