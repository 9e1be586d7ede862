package io.vigia.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigia.common.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * How a reprocessing run's OpenSearch index is named, found again after a crash, and switched in:
 * the names, and the calls against a loopback stand-in that keeps indices and one alias the way a
 * cluster does. The real cluster's behaviour is {@code OpenSearchReprocessIT}'s.
 */
class OpenSearchIndexVersionsTest {
  private static final String ALIAS = "vigia-articles";

  @Nested
  class Names {
    @Test
    void shouldNameARunsIndexAfterTheMappingVersionAndTheRun() {
      assertThat(OpenSearchIndexVersions.runIndexName(ALIAS, 1, 2)).isEqualTo(ALIAS + "-v1-r2");
      assertThatThrownBy(() -> OpenSearchIndexVersions.runIndexName(ALIAS, 1, 0))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadTheRunAndMappingVersionBackFromAName() {
      assertThat(OpenSearchIndexVersions.runOf(ALIAS, ALIAS + "-v1-r12")).isEqualTo(12);
      assertThat(OpenSearchIndexVersions.mappingOf(ALIAS, ALIAS + "-v3-r12")).isEqualTo(3);
      assertThat(OpenSearchIndexVersions.runOf(ALIAS, ALIAS + "-v1")).isZero();
      assertThat(OpenSearchIndexVersions.mappingOf(ALIAS, ALIAS + "-v2")).isEqualTo(2);
    }

    @Test
    void shouldNotTakeOtherNamesForVersions() {
      for (String other :
          List.of(
              "other-v1-r2",
              ALIAS + "-v1-r2-old",
              ALIAS + "-vx",
              ALIAS + "x-v1",
              ALIAS + "-v1-r99999999999")) {
        assertThat(OpenSearchIndexVersions.runOf(ALIAS, other)).as(other).isEqualTo(-1);
        assertThat(OpenSearchIndexVersions.mappingOf(ALIAS, other)).as(other).isZero();
      }
    }

    @Test
    void shouldFindTheCurrentAndNewestRunAndARunsIndexWhateverItsMappingVersion() {
      OpenSearchIndexVersions.Behind b =
          new OpenSearchIndexVersions.Behind(
              ALIAS,
              List.of(ALIAS + "-v1", ALIAS + "-v1-r1", ALIAS + "-v2-r3"),
              List.of(ALIAS + "-v1-r1"));
      assertThat(b.currentRun()).isEqualTo(1);
      assertThat(b.newestRun()).isEqualTo(3);
      assertThat(b.indexOfRun(3)).contains(ALIAS + "-v2-r3");
      assertThat(b.indexOfRun(4)).isEmpty();
      assertThat(new OpenSearchIndexVersions.Behind(ALIAS, List.of(), List.of()).newestRun())
          .isZero();
    }

    @Test
    void shouldMoveTheAliasInOneRequestThatRemovesEveryOldIndexAndAddsTheNewWriteIndex() {
      JsonNode body =
          OpenSearchIndexVersions.swap(ALIAS, List.of(ALIAS + "-v1", ALIAS + "-v1-r1"), "n");
      assertThat(body.path("actions")).hasSize(3);
      assertThat(body.path("actions").get(0).path("remove").path("index").asText())
          .isEqualTo(ALIAS + "-v1");
      assertThat(body.path("actions").get(1).path("remove").path("index").asText())
          .isEqualTo(ALIAS + "-v1-r1");
      JsonNode add = body.path("actions").get(2).path("add");
      assertThat(add.path("index").asText()).isEqualTo("n");
      assertThat(add.path("alias").asText()).isEqualTo(ALIAS);
      assertThat(add.path("is_write_index").asBoolean()).isTrue();
    }
  }

  @Nested
  class AgainstAStandIn {
    private HttpServer server;

    /** Index name to whether the alias points at it. */
    private final Map<String, Boolean> indices = new ConcurrentHashMap<>();

    private final List<String> aliasRequests = new CopyOnWriteArrayList<>();

    private OpenSearchIndexVersions versions() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      server.createContext("/", this::handle);
      server.start();
      return new OpenSearchIndexVersions(
          OpenSearchSettings.of("http://127.0.0.1:" + server.getAddress().getPort(), ALIAS), 1);
    }

    @AfterEach
    void stop() {
      if (server != null) {
        server.stop(0);
      }
    }

    private void handle(HttpExchange ex) throws IOException {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      if (method.equals("GET") && path.equals("/" + ALIAS + "-v*/_alias")) {
        Map<String, Object> out = new TreeMap<>();
        indices.forEach((i, aliased) -> out.put(i, Map.of("aliases", Map.of())));
        reply(ex, 200, Json.MAPPER.writeValueAsString(out));
      } else if (method.equals("GET") && path.equals("/_alias/" + ALIAS)) {
        Map<String, Object> out = new TreeMap<>();
        indices.forEach(
            (i, aliased) -> {
              if (aliased) {
                out.put(i, Map.of("aliases", Map.of(ALIAS, Map.of())));
              }
            });
        reply(ex, out.isEmpty() ? 404 : 200, Json.MAPPER.writeValueAsString(out));
      } else if (method.equals("POST") && path.equals("/_aliases")) {
        aliasRequests.add(body);
        for (JsonNode a : Json.MAPPER.readTree(body).path("actions")) {
          if (a.has("remove")) {
            indices.put(a.path("remove").path("index").asText(), false);
          } else {
            indices.put(a.path("add").path("index").asText(), true);
          }
        }
        reply(ex, 200, "{\"acknowledged\":true}");
      } else if (method.equals("PUT") && path.matches("/" + ALIAS + "-v\\d+(-r\\d+)?")) {
        String name = path.substring(1);
        if (indices.putIfAbsent(name, false) != null) {
          reply(ex, 400, "{\"error\":{\"type\":\"resource_already_exists_exception\"}}");
        } else {
          reply(ex, 200, "{\"acknowledged\":true}");
        }
      } else {
        reply(ex, 200, "{\"acknowledged\":true}"); // root, template, mapping, health, refresh
      }
    }

    @Test
    void shouldCreateTheRunsIndexBesideTheLiveOneWithoutTouchingTheAlias() throws IOException {
      indices.put(ALIAS + "-v1", true);
      try (OpenSearchIndexVersions v = versions();
          OpenSearchArticleIndex run = v.openRun(1)) {
        assertThat(run.concreteIndex()).isEqualTo(ALIAS + "-v1-r1");
        assertThat(indices)
            .containsEntry(ALIAS + "-v1-r1", false)
            .containsEntry(ALIAS + "-v1", true);
        assertThat(v.currentRun()).isZero();
        assertThat(v.newestRun()).isEqualTo(1);
        assertThat(aliasRequests).isEmpty();
      }
    }

    @Test
    void shouldFindTheIndexACrashedRunWroteEvenUnderAnOlderMappingVersion() throws IOException {
      indices.put(ALIAS + "-v1", true);
      indices.put(ALIAS + "-v0-r2", false); // made by a build with an older mapping
      try (OpenSearchIndexVersions v = versions()) {
        assertThat(v.indexOfRun(2)).isEqualTo(ALIAS + "-v0-r2");
        assertThat(v.indexOfRun(3)).isEqualTo(ALIAS + "-v1-r3");
      }
    }

    @Test
    void shouldSwitchTheAliasInOneRequestAndDoNothingWhenItPointsThereAlready() throws IOException {
      indices.put(ALIAS + "-v1", true);
      indices.put(ALIAS + "-v1-r1", false);
      try (OpenSearchIndexVersions v = versions()) {
        v.switchTo(1);
        assertThat(aliasRequests).hasSize(1);
        assertThat(indices)
            .containsEntry(ALIAS + "-v1-r1", true)
            .containsEntry(ALIAS + "-v1", false);
        assertThat(v.currentRun()).isEqualTo(1);

        v.switchTo(1); // a run killed after the switch, resumed
        assertThat(aliasRequests).hasSize(1);
      }
    }

    @Test
    void shouldRefuseToSwitchToARunWithNoIndex() throws IOException {
      indices.put(ALIAS + "-v1", true);
      try (OpenSearchIndexVersions v = versions()) {
        assertThatThrownBy(() -> v.switchTo(4)).hasMessageContaining("run 4 has no index");
        assertThat(indices).containsEntry(ALIAS + "-v1", true);
      }
    }

    private void reply(HttpExchange ex, int status, String json) throws IOException {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
