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
 * The whole docker-compose stack, built and started by Testcontainers: the sink answers the
 * search API and every stage reports ready. Skips cleanly where there is no Docker engine (as on
 * the project's CI machines, which run the same services from the jar instead: ClusterIT).
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackIT {
  @Container
  static final ComposeContainer STACK = new ComposeContainer(new File("../docker-compose.yml"))
      .withBuild(true)
      .withExposedService("sink-1", 8080, Wait.forHttp("/readyz").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(5)))
      .withExposedService("enrich-1", 8080, Wait.forHttp("/readyz").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(5)))
      .withExposedService("ingest-1", 8080, Wait.forHttp("/readyz").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(5)));

  @Test
  void shouldServeTheSearchApiFromTheComposedStack() throws Exception {
    String base = "http://" + STACK.getServiceHost("sink-1", 8080) + ":" + STACK.getServicePort("sink-1", 8080);
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/articles?size=1")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = Json.MAPPER.readTree(r.body());
    assertThat(body.has("total")).isTrue();
  }
}
