package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.app.testing.SearchClient;
import io.vigia.common.config.Config;
import io.vigia.common.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigia run --bootstrap-servers} started while nothing listens at the cluster's address:
 * {@code /readyz} answers at once and names the wait (not "not ready yet"), {@code /healthz} says
 * the process is alive, and stopping it while it waits closes what it had started. The stage
 * processes' own wait, and starting once the broker answers, is {@code KafkaDownAtStartIT}.
 */
class PipelineWaitsForKafkaIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path data;

  @Test
  void shouldNameTheKafkaWaitInReadyzWhileTheClusterIsAway() throws Exception {
    int port = SearchClient.freePort();
    String address = "127.0.0.1:" + SearchClient.freePort();
    Config config =
        Config.builder()
            .yaml("http:\n  port: %d\n".formatted(port))
            .set("kafka.bootstrap-servers", address)
            .set("data-dir", data.toString())
            .build();
    AtomicReference<Throwable> ended = new AtomicReference<>();
    Thread starter =
        new Thread(
            () -> {
              try (Pipeline p = Pipeline.start(config, false)) {
                ended.set(new AssertionError("started without a cluster"));
              } catch (Throwable t) {
                ended.set(t);
              }
            },
            "pipeline-start");
    starter.start();
    try {
      HttpResponse<String> ready = get(port, "/readyz");
      long deadline = System.currentTimeMillis() + 60_000;
      while (!ready.body().contains("waiting for Kafka")) {
        assertThat(System.currentTimeMillis())
            .as("/readyz names the wait; last answer %s", ready.body())
            .isLessThan(deadline);
        Thread.sleep(300);
        ready = get(port, "/readyz");
      }
      assertThat(ready.statusCode()).isEqualTo(503);
      JsonNode stages = Json.MAPPER.readTree(ready.body()).path("stages");
      assertThat(stages.path("kafka").path("state").asText()).isEqualTo("starting");
      assertThat(stages.path("kafka").path("reason").asText())
          .startsWith("waiting for Kafka at " + address + ": ");
      assertThat(stages.path("pipeline").path("state").asText()).isEqualTo("starting");
      assertThat(get(port, "/healthz").statusCode()).as("alive while waiting").isEqualTo(200);
      assertThat(starter.isAlive()).as("still waiting, not exited").isTrue();
    } finally {
      starter.interrupt();
      starter.join(30_000);
    }
    assertThat(starter.isAlive()).as("a stop while waiting ends the start").isFalse();
    assertThat(ended.get()).hasMessageContaining("stopped while waiting for Kafka");
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      try {
        return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        assertThat(System.currentTimeMillis()).as("HTTP comes up").isLessThan(deadline);
        Thread.sleep(200);
      }
    }
  }
}
