package io.vigia.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigia.common.http.Json;
import io.vigia.search.ArticleDocument;
import io.vigia.sink.index.IndexUnavailableException;
import io.vigia.sink.index.WriteOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bulk path against a loopback stand-in that answers what a real cluster answers under pressure
 * (429 and 5xx per item or for the whole request, 401 before credentials), which a real one-node
 * OpenSearch cannot be made to do on demand. The real cluster's behaviour is {@code
 * OpenSearchArticleIndexIT}'s.
 */
class OpenSearchBulkRetryTest {
  private static final String ALIAS = "stub-articles";

  private HttpServer server;

  /** The document ids of each bulk request, in order. */
  private final List<List<String>> bulks = new CopyOnWriteArrayList<>();

  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private volatile String requiredAuthorization;

  /** Given a bulk request's ids, the status of each item, or of the whole request under key "". */
  private volatile Function<List<String>, Map<String, Integer>> answer = ids -> Map.of();

  private OpenSearchArticleIndex index(String username, String password, int maxRetries)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", this::handle);
    server.start();
    return new OpenSearchArticleIndex(
        new OpenSearchSettings(
            "http://127.0.0.1:" + server.getAddress().getPort(),
            ALIAS,
            username,
            password,
            1000,
            5L << 20,
            maxRetries));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (requiredAuthorization != null && !requiredAuthorization.equals(auth)) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"stub\"");
      reply(ex, 401, "{\"error\":\"unauthorized\"}");
      return;
    }
    if (auth != null) {
      authorizations.add(auth);
    }
    String path = ex.getRequestURI().getPath();
    String method = ex.getRequestMethod();
    if (method.equals("GET") && path.startsWith("/_alias/")) {
      reply(ex, 404, "{\"error\":\"alias [" + ALIAS + "] missing\",\"status\":404}");
    } else if (method.equals("POST") && path.equals("/" + ALIAS + "/_bulk")) {
      bulk(ex, new String(body, StandardCharsets.UTF_8));
    } else {
      reply(ex, 200, "{\"acknowledged\":true}"); // template, index creation, mapping, health
    }
  }

  private void bulk(HttpExchange ex, String ndjson) throws IOException {
    List<String> ids = new ArrayList<>();
    String[] lines = ndjson.split("\n");
    for (int i = 0; i < lines.length; i += 2) {
      ids.add(Json.MAPPER.readTree(lines[i]).path("index").path("_id").asText());
    }
    bulks.add(ids);
    Map<String, Integer> statuses = answer.apply(ids);
    if (statuses.containsKey("")) {
      reply(
          ex,
          statuses.get(""),
          "{\"error\":{\"type\":\"cluster_block_exception\"},\"status\":" + statuses.get("") + "}");
      return;
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode items = out.put("took", 1).put("errors", true).putArray("items");
    for (String id : ids) {
      int status = statuses.getOrDefault(id, 201);
      ObjectNode r =
          items
              .addObject()
              .putObject("index")
              .put("_index", ALIAS + "-v1")
              .put("_id", id)
              .put("status", status);
      if (status >= 300) {
        String type =
            status == 429
                ? "es_rejected_execution_exception"
                : status >= 500 ? "node_not_connected_exception" : "mapper_parsing_exception";
        r.putObject("error").put("type", type).put("reason", "failed for " + id);
      }
    }
    reply(ex, 200, out.toString());
  }

  private static void reply(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static List<ArticleDocument> docs(String... ids) {
    List<ArticleDocument> out = new ArrayList<>();
    for (String id : ids) {
      Instant t = Instant.parse("2024-07-28T12:00:00Z");
      out.add(
          new ArticleDocument(
              id,
              id,
              "https://news.example/" + id,
              null,
              "El CNE " + id,
              null,
              t,
              t,
              t,
              "es",
              "News",
              null,
              "Texto de " + id,
              null,
              null,
              null,
              "original",
              null,
              "story-" + id,
              1,
              0.9,
              List.of(),
              List.of(),
              1,
              1));
    }
    return out;
  }

  @Test
  void shouldRetryOnlyTheItemsRefusedWith429Or5xxAndRejectTheOnesWithBadContent() throws Exception {
    answer = ids -> bulks.size() == 1 ? Map.of("b", 429, "c", 503, "d", 400) : Map.of();
    try (OpenSearchArticleIndex index = index(null, null, 5)) {
      WriteOutcome out = index.write(docs("a", "b", "c", "d"));

      assertThat(bulks).containsExactly(List.of("a", "b", "c", "d"), List.of("b", "c"));
      assertThat(out.written()).isEqualTo(3);
      assertThat(out.rejected())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.id()).isEqualTo("d");
                assertThat(r.reason())
                    .contains("400")
                    .contains("mapper_parsing_exception")
                    .contains("failed for d");
              });
    }
  }

  @Test
  void shouldGiveUpAsUnavailableAfterTheConfiguredRetriesSoTheSinkPausesWithoutCommitting()
      throws Exception {
    answer = ids -> Map.of("b", 429);
    try (OpenSearchArticleIndex index = index(null, null, 2)) {
      assertThatThrownBy(() -> index.write(docs("a", "b")))
          .isInstanceOf(IndexUnavailableException.class)
          .hasMessageContaining("kept refusing 1 documents");
      assertThat(bulks).containsExactly(List.of("a", "b"), List.of("b"), List.of("b"));
    }
  }

  @Test
  void shouldReportAWholeRequestRefusedWith429Or503AsUnavailable() throws Exception {
    try (OpenSearchArticleIndex index = index(null, null, 5)) {
      for (int status : new int[] {429, 503}) {
        answer = ids -> Map.of("", status);
        assertThatThrownBy(() -> index.write(docs("a")))
            .isInstanceOf(IndexUnavailableException.class)
            .hasMessageContaining("bulk answered " + status);
      }
    }
  }

  @Test
  void shouldAuthenticateWithTheConfiguredUserAndNeverPutThePasswordInAnError() throws Exception {
    requiredAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("vigia:pa55-w0rd".getBytes(StandardCharsets.UTF_8));
    try (OpenSearchArticleIndex index = index("vigia", "pa55-w0rd", 5)) {
      assertThat(index.write(docs("a")).written()).isEqualTo(1);
      assertThat(authorizations).isNotEmpty().allMatch(requiredAuthorization::equals);

      answer = ids -> Map.of("", 503);
      assertThatThrownBy(() -> index.write(docs("b")))
          .isInstanceOf(IndexUnavailableException.class)
          .hasMessageNotContaining("pa55-w0rd");
    }
  }

  @Test
  void shouldFailAtStartWhenTheCredentialsAreRefused() throws Exception {
    requiredAuthorization =
        "Basic "
            + Base64.getEncoder().encodeToString("vigia:right".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> index("vigia", "n0t-th1s-0ne", 5))
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("sink.opensearch.password-file")
        .hasMessageNotContaining("n0t-th1s-0ne");
  }
}
