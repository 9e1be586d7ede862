package io.vigia.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PageFetcherTest {
  private static final byte[] FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
  private static HttpServer server;
  private static String base;
  private static PageFetcher fetcher;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/etag", ex -> {
      if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        ex.close();
        return;
      }
      ex.getResponseHeaders().add("ETag", "\"v1\"");
      send(ex, 200, FEED);
    });
    server.createContext("/gzip", ex -> {
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      send(ex, 200, gzip(FEED, 1));
    });
    server.createContext("/bomb", ex -> {
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      send(ex, 200, BOMB);
    });
    server.createContext("/huge", ex -> send(ex, 200, new byte[300_000]));
    server.createContext("/busy", ex -> {
      ex.getResponseHeaders().add("Retry-After", "120");
      send(ex, 429, new byte[0]);
    });
    server.createContext("/loop", ex -> {
      ex.getResponseHeaders().add("Location", "/loop");
      ex.sendResponseHeaders(302, -1);
      ex.close();
    });
    server.createContext("/to-loopback", ex -> {
      ex.getResponseHeaders().add("Location", "http://127.0.0.1:1/admin");
      ex.sendResponseHeaders(302, -1);
      ex.close();
    });
    server.createContext("/to-metadata", ex -> {
      ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
      ex.sendResponseHeaders(302, -1);
      ex.close();
    });
    server.createContext("/slow", ex -> {
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
    server.start();
    int port = server.getAddress().getPort();
    String host = server.getAddress().getAddress().getHostAddress();
    base = "http://" + host + ":" + port;
    fetcher = new PageFetcher("Vigia-test/1 (+https://example.org/contact)", false, 100_000, Duration.ofSeconds(2),
        Duration.ofMillis(800), Set.of(host + ":" + port));
  }

  private static final byte[] BOMB = gzip(new byte[0], 20_000_000 / 1024);

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

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
    ex.close();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @Test
  void shouldAnswerNotModifiedWhenTheValidatorsStillMatch() {
    var first = assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(base + "/etag"));
    assertEquals("\"v1\"", first.etag());
    assertInstanceOf(FetchResult.NotModified.class, fetcher.fetch(base + "/etag", new FetchResult.Validators(first.etag(), null)));
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

  @Test
  void shouldReportRetryAfterOnTooManyRequests() {
    var f = assertInstanceOf(FetchResult.Failed.class, fetcher.fetch(base + "/busy"));
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
    assertTrue(f.reason().contains("slow or endless") || f.reason().contains("timed out"), f.reason());
  }

  @Test
  void shouldRefuseSchemesOtherThanHttp() {
    var f = assertInstanceOf(FetchResult.Failed.class, fetcher.fetch("file:///etc/passwd"));
    assertTrue(f.reason().contains("only http and https"), f.reason());
  }
}
