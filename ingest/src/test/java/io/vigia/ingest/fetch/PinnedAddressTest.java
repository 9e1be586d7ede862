package io.vigia.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: a name that answers one address to the check and another to the connection. Two
 * servers on one port, 127.0.0.1 ("public", allowed by this test's guard) and 127.0.0.2
 * ("internal", refused); the resolver answers the public one first and the internal one on every
 * later lookup. The fetcher must look up once per hop and connect to what it checked.
 */
class PinnedAddressTest {
  private static final InetAddress PUBLIC = address(127, 0, 0, 1);
  private static final InetAddress INTERNAL = address(127, 0, 0, 2);

  private HttpServer publicServer;
  private HttpServer internalServer;
  private final AtomicInteger internalHits = new AtomicInteger();
  private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
  private final Map<String, String> hostHeaders = new ConcurrentHashMap<>();
  private int port;

  private static InetAddress address(int a, int b, int c, int d) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void start() throws IOException {
    publicServer = HttpServer.create(new InetSocketAddress(PUBLIC, 0), 0);
    port = publicServer.getAddress().getPort();
    publicServer.createContext(
        "/",
        ex -> {
          hostHeaders.put(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Host"));
          if (ex.getRequestURI().getPath().equals("/away")) {
            ex.getResponseHeaders().add("Location", "http://other.example:" + port + "/secret");
            ex.sendResponseHeaders(302, -1);
            ex.close();
            return;
          }
          Replies.send(ex, 200, "public page".getBytes(StandardCharsets.UTF_8));
        });
    publicServer.start();
    internalServer = HttpServer.create(new InetSocketAddress(INTERNAL, port), 0);
    internalServer.createContext(
        "/",
        ex -> {
          internalHits.incrementAndGet();
          Replies.send(ex, 200, "INTERNAL".getBytes(StandardCharsets.UTF_8));
        });
    internalServer.start();
  }

  @AfterEach
  void stop() {
    publicServer.stop(0);
    internalServer.stop(0);
  }

  /** First lookup of a name: the public address; every later one: the internal address. */
  private InetAddress[] rebinding(String host) {
    int n = lookups.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
    return new InetAddress[] {n == 1 && !host.equals("other.example") ? PUBLIC : INTERNAL};
  }

  private PageFetcher fetcher() {
    return PageFetcher.builder(
            "Vigia-test/1 (+https://example.org/contact)",
            100_000,
            Duration.ofSeconds(2),
            Duration.ofSeconds(2))
        .totalTimeout(Duration.ofSeconds(10))
        .resolver(this::rebinding)
        .guard(a -> a.equals(INTERNAL) ? "internal address" : null)
        .build();
  }

  @Test
  void shouldConnectToTheAddressItCheckedNotToALaterAnswer() {
    FetchResult r = fetcher().fetch("http://rebind.example:" + port + "/page");
    assertThat(r)
        .isInstanceOfSatisfying(
            FetchResult.Fetched.class,
            f -> assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo("public page"));
    assertThat(lookups.get("rebind.example").get()).as("one lookup per request").isEqualTo(1);
    assertThat(hostHeaders.get("/page"))
        .as("the Host header names the host, not the address")
        .isEqualTo("rebind.example:" + port);
    assertThat(internalHits.get()).isZero();
  }

  @Test
  void shouldRefuseANameWhoseOnlyAnswerIsInternalWithoutConnecting() {
    lookups.put("rebind.example", new AtomicInteger(1)); // the next answer is the internal one
    FetchResult r = fetcher().fetch("http://rebind.example:" + port + "/page");
    assertThat(r)
        .isInstanceOfSatisfying(
            FetchResult.Failed.class,
            f ->
                assertThat(f.reason())
                    .contains("refused internal address 127.0.0.2 for host rebind.example"));
    assertThat(internalHits.get()).isZero();
  }

  @Test
  void shouldCheckTheAddressOfEveryRedirectHopAgain() {
    FetchResult r = fetcher().fetch("http://rebind.example:" + port + "/away");
    assertThat(r)
        .isInstanceOfSatisfying(
            FetchResult.Failed.class,
            f ->
                assertThat(f.reason())
                    .contains("refused internal address 127.0.0.2 for host other.example"));
    assertThat(lookups.keySet())
        .containsExactlyInAnyOrderElementsOf(List.of("rebind.example", "other.example"));
    assertThat(internalHits.get()).isZero();
  }
}
