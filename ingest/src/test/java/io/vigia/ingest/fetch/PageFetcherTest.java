package io.vigia.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PageFetcherTest {
  private static final byte[] FEED =
      "<rss version=\"2.0\"><channel><title>t</title></channel></rss>"
          .getBytes(StandardCharsets.UTF_8);
  private static HttpServer server;
  private static String base;
  private static PageFetcher fetcher;
  private static final java.util.concurrent.atomic.AtomicInteger hits =
      new java.util.concurrent.atomic.AtomicInteger();

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/",
        ex -> {
          hits.incrementAndGet();
          Replies.send(ex, 404, new byte[0]);
        });
    server.createContext(
        "/etag",
        ex -> {
          hits.incrementAndGet();
          if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
          }
          ex.getResponseHeaders().add("ETag", "\"v1\"");
          Replies.send(ex, 200, FEED);
        });
    server.createContext(
        "/gzip",
        ex -> {
          ex.getResponseHeaders().add("Content-Encoding", "gzip");
          Replies.send(ex, 200, gzip(FEED, 1));
        });
    server.createContext(
        "/bomb",
        ex -> {
          ex.getResponseHeaders().add("Content-Encoding", "gzip");
          Replies.send(ex, 200, BOMB);
        });
    server.createContext("/huge", ex -> Replies.send(ex, 200, new byte[300_000]));
    server.createContext(
        "/busy",
        ex -> {
          ex.getResponseHeaders().add("Retry-After", "120");
          Replies.send(ex, 429, new byte[0]);
        });
    server.createContext(
        "/loop",
        ex -> {
          ex.getResponseHeaders().add("Location", "/loop");
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    server.createContext(
        "/to-loopback",
        ex -> {
          ex.getResponseHeaders().add("Location", "http://127.0.0.1:1/admin");
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    server.createContext(
        "/to-metadata",
        ex -> {
          ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    server.createContext(
        "/slow",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 100; i++) {
              out.write(' ');
              out.flush();
              Thread.sleep(100);
            }
          } catch (InterruptedException | IOException e) {
            // the client gave up, as it should
          }
        });
    server.createContext(
        "/gzip-stall",
        ex -> {
          // gzip announced, headers sent, then not one byte: the gzip header itself never comes
          ex.getResponseHeaders().add("Content-Encoding", "gzip");
          ex.sendResponseHeaders(200, 0);
          ex.getResponseBody().flush();
          try {
            Thread.sleep(30_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ex.close();
        });
    server.createContext(
        "/bad-location",
        ex -> {
          ex.getResponseHeaders().add("Location", "/a page with spaces/<x>");
          ex.sendResponseHeaders(301, -1);
          ex.close();
        });
    server.createContext(
        "/deflate",
        ex -> {
          ex.getResponseHeaders().add("Content-Encoding", "deflate");
          Replies.send(ex, 200, deflate(FEED, false));
        });
    server.createContext(
        "/raw-deflate",
        ex -> {
          ex.getResponseHeaders().add("Content-Encoding", "deflate");
          Replies.send(ex, 200, deflate(FEED, true));
        });
    server.createContext(
        "/unavailable-until",
        ex -> {
          ex.getResponseHeaders()
              .add(
                  "Retry-After",
                  java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                      java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(600)));
          Replies.send(ex, 503, new byte[0]);
        });
    server.createContext(
        "/hop-slowly",
        ex -> {
          // each hop answers within the read timeout, the chain of them does not within the total
          try {
            Thread.sleep(400);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ex.getResponseHeaders().add("Location", "/hop-slowly?" + System.nanoTime());
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    server.start();
    int port = server.getAddress().getPort();
    String host = server.getAddress().getAddress().getHostAddress();
    base = "http://" + host + ":" + port;
    fetcher =
        PageFetcher.builder(
                "Vigia-test/1 (+https://example.org/contact)",
                100_000,
                Duration.ofSeconds(2),
                Duration.ofMillis(800))
            .exempt(Set.of(host + ":" + port))
            .build();
  }

  private static final byte[] BOMB = gzip(new byte[0], 20_000_000 / 1024);

  private static byte[] deflate(byte[] body, boolean raw) {
    java.util.zip.Deflater d =
        new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, raw);
    d.setInput(body);
    d.finish();
    byte[] buf = new byte[body.length + 64];
    int n = d.deflate(buf);
    d.end();
    return java.util.Arrays.copyOf(buf, n);
  }

  private static byte[] gzip(byte[] once, int kilobytesOfZeros) {
    try {
      ByteArrayOutputStream bo = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
        gz.write(once);
        byte[] zeros = new byte[1024];
        for (int i = 0; i < kilobytesOfZeros && once.length == 0; i++) {
          gz.write(zeros);
        }
      }
      return bo.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @Test
  void shouldAnswerNotModifiedWhenTheValidatorsStillMatch() {
    var first = assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(base + "/etag"));
    assertEquals("\"v1\"", first.etag());
    assertInstanceOf(
        FetchResult.NotModified.class,
        fetcher.fetch(base + "/etag", new FetchResult.Validators(first.etag(), null)));
  }

  @Test
  void shouldInflateGzipBodies() {
    var f = assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(base + "/gzip"));
    assertArrayEquals(FEED, f.body());
  }

  @Test
  void shouldRefuseAGzipBombAtTheSizeCap() {
    var f = assertInstanceOf(FetchResult.Failed.class, fetcher.fetch(base + "/bomb"));
    assertTrue(f.reason().contains("decompressed body"), f.reason());
  }

  @Test
  void shouldRefuseABodyLargerThanTheCap() {
    var f = assertInstanceOf(FetchResult.Failed.class, fetcher.fetch(base + "/huge"));
    assertTrue(f.reason().contains("larger than 100000"), f.reason());
  }

  /** A fetcher with a gate of its own: a Retry-After it is given holds only its own requests. */
  private static PageFetcher freshFetcher() {
    String authority =
        server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    return PageFetcher.builder(
            "Vigia-test/1 (+https://example.org/contact)",
            100_000,
            Duration.ofSeconds(2),
            Duration.ofMillis(800))
        .exempt(Set.of(authority))
        .build();
  }

  @Test
  void shouldReportRetryAfterOnTooManyRequests() {
    var f = assertInstanceOf(FetchResult.Failed.class, freshFetcher().fetch(base + "/busy"));
    assertTrue(f.retryable());
    assertEquals(Duration.ofSeconds(120), f.retryAfter());
  }

  @Test
  void shouldStopARedirectLoop() {
    var f = assertInstanceOf(FetchResult.Failed.class, fetcher.fetch(base + "/loop"));
    assertTrue(f.reason().contains("redirects"), f.reason());
  }

  @Test
  void shouldRefuseARedirectToLoopback() {
    var f = assertInstanceOf(FetchResult.Failed.class, fetcher.fetch(base + "/to-loopback"));
    assertTrue(f.reason().contains("loopback"), f.reason());
  }

  @Test
  void shouldRefuseARedirectToCloudMetadata() {
    var f = assertInstanceOf(FetchResult.Failed.class, fetcher.fetch(base + "/to-metadata"));
    assertTrue(f.reason().contains("link-local"), f.reason());
  }

  @Test
  void shouldCutABodyThatTricklesPastTheDeadline() {
    var f = assertInstanceOf(FetchResult.Failed.class, fetcher.fetch(base + "/slow"));
    assertTrue(
        f.reason().contains("slow or endless") || f.reason().contains("timed out"), f.reason());
  }

  @Test
  void shouldRefuseSchemesOtherThanHttp() {
    var f = assertInstanceOf(FetchResult.Failed.class, fetcher.fetch("file:///etc/passwd"));
    assertTrue(f.reason().contains("only http and https"), f.reason());
  }

  @Test
  void shouldCutAGzipBodyThatStallsBeforeItsHeader() {
    long start = System.nanoTime();
    var f = assertInstanceOf(FetchResult.Failed.class, fetcher.fetch(base + "/gzip-stall"));
    assertTrue(
        f.reason().contains("slow or endless") || f.reason().contains("timed out"), f.reason());
    assertTrue(f.retryable());
    assertTrue(
        Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(20)) < 0,
        "cut long before the server gave up");
  }

  @Test
  void shouldReportAMalformedRedirectLocationInsteadOfThrowing() {
    var f = assertInstanceOf(FetchResult.Failed.class, fetcher.fetch(base + "/bad-location"));
    assertTrue(f.reason().contains("malformed Location '/a page with spaces/<x>'"), f.reason());
  }

  @Test
  void shouldInflateZlibAndRawDeflateBodies() {
    assertArrayEquals(
        FEED, assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(base + "/deflate")).body());
    assertArrayEquals(
        FEED,
        assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(base + "/raw-deflate")).body());
  }

  @Test
  void shouldReadRetryAfterGivenAsAnHttpDate() {
    var f =
        assertInstanceOf(
            FetchResult.Failed.class, freshFetcher().fetch(base + "/unavailable-until"));
    assertTrue(f.reason().startsWith("HTTP 503"), f.reason());
    assertTrue(
        f.retryAfter().compareTo(Duration.ofSeconds(590)) > 0
            && f.retryAfter().compareTo(Duration.ofSeconds(600)) <= 0,
        String.valueOf(f.retryAfter()));
  }

  @Test
  void shouldHoldEveryRequestToAHostThatSentRetryAfterWhateverThePage() {
    PageFetcher f = freshFetcher();
    assertInstanceOf(
        FetchResult.Failed.class,
        f.fetch(base + "/busy")); // an article page answered 429, Retry-After: 120
    int before = hits.get();
    var next =
        assertInstanceOf(
            FetchResult.Failed.class, f.fetch(base + "/etag")); // another page on the same host
    assertTrue(next.reason().contains("Retry-After 120"), next.reason());
    assertTrue(next.retryable());
    assertTrue(
        next.retryAfter().compareTo(Duration.ofSeconds(100)) > 0,
        String.valueOf(next.retryAfter()));
    assertEquals(before, hits.get(), "the host was not asked again");
  }

  @Test
  void shouldBoundTheWholeFetchIncludingRedirectHops() {
    String authority =
        server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    PageFetcher f =
        PageFetcher.builder(
                "Vigia-test/1 (+https://example.org/contact)",
                100_000,
                Duration.ofSeconds(2),
                Duration.ofSeconds(2))
            .totalTimeout(Duration.ofMillis(1000))
            .exempt(Set.of(authority))
            .build();
    var r = assertInstanceOf(FetchResult.Failed.class, f.fetch(base + "/hop-slowly"));
    assertTrue(
        r.reason().contains("ingest.total-timeout") || r.reason().contains("may not be asked"),
        r.reason());
  }

  @Test
  void shouldRefuseAnEndlessHeader() throws Exception {
    try (java.net.ServerSocket raw =
        new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t =
          new Thread(
              () -> {
                try (java.net.Socket s = raw.accept();
                    OutputStream out = s.getOutputStream()) {
                  out.write("HTTP/1.1 200 OK\r\nX-Endless: ".getBytes(StandardCharsets.US_ASCII));
                  byte[] a = "a".repeat(8192).getBytes(StandardCharsets.US_ASCII);
                  for (int i = 0; i < 10_000; i++) {
                    out.write(a);
                  }
                } catch (IOException e) {
                  // the client hung up, as it should
                }
              });
      t.setDaemon(true);
      t.start();
      String authority = "127.0.0.1:" + raw.getLocalPort();
      PageFetcher f =
          PageFetcher.builder("Vigia-test/1", 100_000, Duration.ofSeconds(2), Duration.ofSeconds(2))
              .exempt(Set.of(authority))
              .build();
      var r = assertInstanceOf(FetchResult.Failed.class, f.fetch("http://" + authority + "/"));
      assertTrue(r.reason().contains("headers too large"), r.reason());
    }
  }

  @Test
  void shouldRefuseOtherLoopbackPortsAndNonCanonicalNumericHosts() {
    var other = assertInstanceOf(FetchResult.Failed.class, fetcher.fetch("http://127.0.0.1:1/"));
    assertTrue(other.reason().contains("loopback"), other.reason());
    for (String host : List.of("2130706433", "0177.0.0.1", "0x7f.0.0.1", "127.1")) {
      var r = assertInstanceOf(FetchResult.Failed.class, fetcher.fetch("http://" + host + "/"));
      assertTrue(r.reason().contains("non-canonical numeric host"), host + ": " + r.reason());
    }
  }
}
