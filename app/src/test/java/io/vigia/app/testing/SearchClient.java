package io.vigia.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.http.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Reads a running Vigía's search API the way a user does, for fault tests. */
public final class SearchClient {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final int port;

  public SearchClient(int port) {
    this.port = port;
  }

  public JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("HTTP " + r.statusCode() + " for " + path + ": " + r.body());
    }
    return Json.MAPPER.readTree(r.body());
  }

  public long total() throws IOException, InterruptedException {
    return get("/api/articles?size=0").path("total").asLong();
  }

  /** Waits until the index holds at least {@code n} articles; fails with the process log otherwise. */
  public long awaitTotalAtLeast(int n, long timeoutMs, StageProcess watched) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    long total = -1;
    while (System.currentTimeMillis() < deadline) {
      try {
        total = total();
        if (total >= n) {
          return total;
        }
      } catch (IOException e) {
        // not serving yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("indexed " + total + " of " + n + " within " + timeoutMs / 1000 + " s; "
        + watched.name() + " log tail:\n" + watched.logTail(40));
  }

  /** Every article appears exactly once, by URL. */
  public void assertEveryUrlOnce(int expected) throws IOException, InterruptedException {
    Map<String, Integer> seen = new HashMap<>();
    for (int from = 0; from < expected + 100; from += 100) {
      JsonNode page = get("/api/articles?size=100&sort=oldest&from=" + from);
      for (JsonNode a : page.path("articles")) {
        seen.merge(a.path("url").asText(), 1, Integer::sum);
      }
    }
    assertThat(seen.values()).as("no article twice").allMatch(n -> n == 1);
    assertThat(seen).as("every article once").hasSize(expected);
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
