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

  /**
   * Every article appears exactly once: as many distinct URLs as expected, each under one
   * document id. Past the API's deepest page (10,000) it reads one publication day at a time.
   */
  public void assertEveryUrlOnce(int expected) throws IOException, InterruptedException {
    Map<String, java.util.Set<String>> idsByUrl = new HashMap<>();
    if (expected + 100 <= 10_000) {
      readPages("", expected, idsByUrl);
    } else {
      java.time.Instant first = java.time.Instant.parse(get("/api/articles?size=1&sort=oldest").path("articles").get(0).path("publishedAt").asText());
      java.time.Instant last = java.time.Instant.parse(get("/api/articles?size=1&sort=newest").path("articles").get(0).path("publishedAt").asText());
      for (java.time.Instant day = first.truncatedTo(java.time.temporal.ChronoUnit.DAYS); !day.isAfter(last);
          day = day.plus(java.time.Duration.ofDays(1))) {
        String window = "&since=" + day + "&until=" + day.plus(java.time.Duration.ofDays(1)).minusMillis(1);
        long inWindow = get("/api/articles?size=0" + window).path("total").asLong();
        assertThat(inWindow).as("one day's articles fit in the deepest page").isLessThanOrEqualTo(9_900);
        readPages(window, (int) inWindow, idsByUrl);
      }
    }
    assertThat(idsByUrl.entrySet()).as("no article under two ids").allMatch(e -> e.getValue().size() == 1);
    assertThat(idsByUrl).as("every article once").hasSize(expected);
  }

  private void readPages(String filter, int expected, Map<String, java.util.Set<String>> idsByUrl) throws IOException, InterruptedException {
    for (int from = 0; from < expected + 100 && from + 100 <= 10_000; from += 100) {
      JsonNode page = get("/api/articles?size=100&sort=oldest&from=" + from + filter);
      for (JsonNode a : page.path("articles")) {
        idsByUrl.computeIfAbsent(a.path("url").asText(), u -> new java.util.HashSet<>()).add(a.path("id").asText());
      }
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
