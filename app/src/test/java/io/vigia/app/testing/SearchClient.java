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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Reads a running Vigía's search API the way a user does, for fault tests. */
public final class SearchClient {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final int port;

  public SearchClient(int port) {
    this.port = port;
  }

  public JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("HTTP " + r.statusCode() + " for " + path + ": " + r.body());
    }
    return Json.MAPPER.readTree(r.body());
  }

  /**
   * Every document in the index, duplicates included. The API's default search hides duplicates, so
   * a page indexed a second time under another id (a copy of itself by content hash) would vanish
   * from that count instead of doubling it: the fault tests count with this one.
   */
  public long total() throws IOException, InterruptedException {
    return get("/api/articles?size=0" + ALL).path("total").asLong();
  }

  /** The query-string suffix that makes a search cover every document, duplicates included. */
  public static final String ALL = "&duplicates=true";

  /**
   * Waits until the index holds at least {@code n} documents (duplicates included); fails with the
   * process log otherwise.
   */
  public long awaitTotalAtLeast(int n, long timeoutMs, StageProcess watched)
      throws InterruptedException {
    return awaitTotalAtLeast(ALL, n, timeoutMs, watched);
  }

  /**
   * As above, counting what {@code filter} (a query-string suffix, e.g. {@code &duplicates=true})
   * matches.
   */
  public long awaitTotalAtLeast(String filter, int n, long timeoutMs, StageProcess watched)
      throws InterruptedException {
    return awaitTotal(filter, n, timeoutMs, watched, List.of());
  }

  /**
   * As {@link #awaitTotalAtLeast(int, long, StageProcess)}, and fails at once, with its log, when
   * one of {@code mustLive} (read anew each round, so restarted processes count) has exited: a
   * stage that cannot start would otherwise show only as a timeout half an hour later.
   */
  public long awaitTotalAtLeast(
      int n, long timeoutMs, StageProcess watched, Collection<StageProcess> mustLive)
      throws InterruptedException {
    return awaitTotal(ALL, n, timeoutMs, watched, mustLive);
  }

  private long awaitTotal(
      String filter, int n, long timeoutMs, StageProcess watched, Collection<StageProcess> mustLive)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    long total = -1;
    while (System.currentTimeMillis() < deadline) {
      for (StageProcess p : List.copyOf(mustLive)) {
        if (!p.isAlive()) {
          throw new AssertionError(
              "indexed "
                  + total
                  + " of "
                  + n
                  + " when "
                  + p.name()
                  + " exited; its log tail:\n"
                  + p.logTail(40));
        }
      }
      try {
        total = get("/api/articles?size=0" + filter).path("total").asLong();
        if (total >= n) {
          return total;
        }
      } catch (IOException e) {
        // not serving yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "indexed "
            + total
            + " of "
            + n
            + " within "
            + timeoutMs / 1000
            + " s; "
            + watched.name()
            + " log tail:\n"
            + watched.logTail(40));
  }

  /**
   * Every page appears exactly once over the whole index, duplicates included: {@code expected}
   * distinct URLs, each under one document id, and no other document. Past the API's deepest page
   * (10,000) it reads one publication day at a time.
   */
  public void assertEveryUrlOnce(int expected) throws IOException, InterruptedException {
    Map<String, java.util.Set<String>> idsByUrl = new HashMap<>();
    java.util.List<JsonNode> all = readAll(ALL, expected);
    for (JsonNode a : all) {
      idsByUrl
          .computeIfAbsent(a.path("url").asText(), u -> new java.util.HashSet<>())
          .add(a.path("id").asText());
    }
    assertThat(idsByUrl.entrySet())
        .as("no page under two ids")
        .allMatch(e -> e.getValue().size() == 1);
    assertThat(idsByUrl).as("every page once").hasSize(expected);
    assertThat(all).as("no document read twice or beyond the pages").hasSize(expected);
  }

  /**
   * The whole index, duplicates included, holds exactly {@code urls}, each once: nothing lost,
   * nothing doubled, nothing else (checked by URL, not by a total).
   */
  public void assertExactlyTheseUrlsOnce(java.util.Set<String> urls)
      throws IOException, InterruptedException {
    Map<String, Integer> count = new HashMap<>();
    for (JsonNode a : readAll("&duplicates=true", urls.size())) {
      count.merge(a.path("url").asText(), 1, Integer::sum);
    }
    assertThat(
            count.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
        .as("URLs indexed more than once")
        .isEmpty();
    java.util.Set<String> missing = new java.util.TreeSet<>(urls);
    missing.removeAll(count.keySet());
    assertThat(missing).as("URLs never indexed (lost)").isEmpty();
    java.util.Set<String> extra = new java.util.TreeSet<>(count.keySet());
    extra.removeAll(urls);
    assertThat(extra).as("URLs indexed that the site never listed").isEmpty();
  }

  /**
   * Every republished copy is indexed once, as a duplicate of its original (or, when a crash let
   * the copy through first, the original as a duplicate of the copy), and both are in one story.
   */
  public void assertCopiesLinked(Map<String, String> copyToOriginal, int articles)
      throws IOException, InterruptedException {
    Map<String, JsonNode> byUrl = new HashMap<>();
    Map<String, Integer> count = new HashMap<>();
    for (JsonNode a : readAll("&duplicates=true", articles + copyToOriginal.size())) {
      byUrl.put(a.path("url").asText(), a);
      count.merge(a.path("url").asText(), 1, Integer::sum);
    }
    assertThat(count.entrySet())
        .as("no document twice, duplicates included")
        .allMatch(e -> e.getValue() == 1);
    assertThat(byUrl).as("originals and copies").hasSize(articles + copyToOriginal.size());
    copyToOriginal.forEach(
        (copyUrl, originalUrl) -> {
          JsonNode copy = byUrl.get(copyUrl);
          JsonNode original = byUrl.get(originalUrl);
          assertThat(copy).as("copy %s indexed", copyUrl).isNotNull();
          assertThat(original).as("original %s indexed", originalUrl).isNotNull();
          boolean copyLinked =
              "duplicate".equalsIgnoreCase(copy.path("dedup").path("status").asText())
                  && copy.path("dedup")
                      .path("duplicateOf")
                      .asText()
                      .equals(original.path("id").asText());
          boolean originalLinked =
              "duplicate".equalsIgnoreCase(original.path("dedup").path("status").asText())
                  && original
                      .path("dedup")
                      .path("duplicateOf")
                      .asText()
                      .equals(copy.path("id").asText());
          assertThat(copyLinked ^ originalLinked)
              .as(
                  "%s and %s: one is the other's duplicate (%s / %s)",
                  copyUrl, originalUrl, copy.path("dedup"), original.path("dedup"))
              .isTrue();
          assertThat(copy.path("dedup").path("story").asText())
              .as("%s in its original's story", copyUrl)
              .isNotEmpty()
              .isEqualTo(original.path("dedup").path("story").asText());
        });
  }

  /**
   * Every document matching {@code filter} (a query-string suffix); one publication day at a time
   * past 10,000.
   */
  public java.util.List<JsonNode> readAll(String filter, int expected)
      throws IOException, InterruptedException {
    java.util.List<JsonNode> out = new java.util.ArrayList<>();
    if (expected + 100 <= 10_000) {
      readPages(filter, expected, out);
    } else {
      java.time.Instant first =
          java.time.Instant.parse(
              get("/api/articles?size=1&sort=oldest" + filter)
                  .path("articles")
                  .get(0)
                  .path("publishedAt")
                  .asText());
      java.time.Instant last =
          java.time.Instant.parse(
              get("/api/articles?size=1&sort=newest" + filter)
                  .path("articles")
                  .get(0)
                  .path("publishedAt")
                  .asText());
      for (java.time.Instant day = first.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
          !day.isAfter(last);
          day = day.plus(java.time.Duration.ofDays(1))) {
        String window =
            filter
                + "&since="
                + day
                + "&until="
                + day.plus(java.time.Duration.ofDays(1)).minusMillis(1);
        long inWindow = get("/api/articles?size=0" + window).path("total").asLong();
        assertThat(inWindow)
            .as("one day's articles fit in the deepest page")
            .isLessThanOrEqualTo(9_900);
        readPages(window, (int) inWindow, out);
      }
    }
    return out;
  }

  private void readPages(String filter, int expected, java.util.List<JsonNode> out)
      throws IOException, InterruptedException {
    for (int from = 0; from < expected + 100 && from + 100 <= 10_000; from += 100) {
      JsonNode page = get("/api/articles?size=100&sort=oldest&from=" + from + filter);
      page.path("articles").forEach(out::add);
    }
  }

  /** Ports this JVM has handed out: a port just released may be the next one the OS offers. */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  /**
   * A loopback port free now and never handed out before by this JVM. The OS may offer a port it
   * just offered, so two stages of one test once got the same one (the second could not start).
   */
  public static int freePort() throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        if (HANDED_OUT.add(s.getLocalPort())) {
          return s.getLocalPort();
        }
      }
    }
    throw new IOException("no fresh loopback port after 100 tries");
  }
}
