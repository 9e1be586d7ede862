package io.vigia.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpApiTest {
  private final HttpApi api = new HttpApi();
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    api.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldRouteWithPathAndQueryParameters() throws Exception {
    api.route(
        "GET",
        "/api/things/{id}",
        r -> Response.json(Map.of("id", r.pathParam("id"), "q", r.param("q").orElse(""))));
    api.start("127.0.0.1", 0);
    HttpResponse<String> resp = get("/api/things/a%20b?q=CNE");
    assertThat(resp.statusCode()).isEqualTo(200);
    assertThat(resp.body()).contains("\"id\":\"a b\"").contains("\"q\":\"CNE\"");
  }

  @Test
  void shouldAnswerJsonErrorsWithoutStackTraces() throws Exception {
    api.route(
        "GET",
        "/boom",
        r -> {
          throw new IllegalStateException("secret internal detail");
        });
    api.route(
        "GET",
        "/bad",
        r -> {
          throw HttpError.badRequest("size must be from 0 to 100");
        });
    api.start("127.0.0.1", 0);
    HttpResponse<String> boom = get("/boom");
    assertThat(boom.statusCode()).isEqualTo(500);
    assertThat(boom.body()).doesNotContain("secret internal detail").doesNotContain("at io.vigia");
    assertThat(get("/bad").body()).contains("size must be from 0 to 100");
    assertThat(get("/nowhere").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldRefuseOverlongQueries() throws Exception {
    api.route("GET", "/q", r -> Response.json(Map.of()));
    api.start("127.0.0.1", 0);
    assertThat(get("/q?q=" + "a".repeat(HttpApi.MAX_QUERY_CHARS + 10)).statusCode()).isEqualTo(414);
  }

  @Test
  void shouldSayClearlyWhenThePortIsTaken() {
    api.start("127.0.0.1", 0);
    try (HttpApi second = new HttpApi()) {
      assertThatThrownBy(() -> second.start("127.0.0.1", api.port()))
          .isInstanceOf(PortInUseException.class)
          .hasMessageContaining("already in use")
          .hasMessageContaining("--port");
    }
  }

  @Test
  void shouldRequireTheApiKeyForWritesButNotForReads() throws Exception {
    api.route("GET", "/api/subscriptions", r -> Response.json(Map.of()));
    api.route("POST", "/api/subscriptions", r -> Response.json(201, Map.of("ok", true)));
    api.requireKeyForWrites("s3cret").start("127.0.0.1", 0);
    URI uri = URI.create("http://127.0.0.1:" + api.port() + "/api/subscriptions");
    assertThat(get("/api/subscriptions").statusCode()).isEqualTo(200);
    HttpRequest.Builder post =
        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{}"));
    assertThat(client.send(post.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(401);
    assertThat(
            client
                .send(
                    HttpRequest.newBuilder(uri)
                        .header("X-Api-Key", "wrong")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(401);
    assertThat(
            client
                .send(
                    HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer s3cret")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void shouldKeepAnEncodedSlashInsideItsPathParameter() throws Exception {
    api.route(
        "DELETE",
        "/api/articles/{id}/corrections/{field}",
        r -> Response.json(Map.of("id", r.pathParam("id"), "field", r.pathParam("field"))));
    api.start("127.0.0.1", 0);
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + api.port()
                + "/api/articles/a%2Bb/corrections/entity:vigia%3Aorg%2Fcne");
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(uri).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"field\":\"entity:vigia:org/cne\"").contains("\"id\":\"a+b\"");
  }
}
