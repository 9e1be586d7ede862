package io.vigia.app;

import com.sun.net.httpserver.HttpServer;
import io.vigia.common.profile.FeedSpec;
import io.vigia.ingest.IngestSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample site behind {@code vigia run --demo}: bundled feeds and article pages served on
 * loopback, so a newcomer without internet sees the whole path work. Feeds name their links
 * with {@code {{base}}}, replaced by this server's address.
 */
final class DemoSite implements AutoCloseable {
  static final List<String> FEEDS = List.of("caribe-diario.xml", "orinoco-times.atom", "monitor-andino.rdf");
  private final HttpServer server;

  private DemoSite(HttpServer server) {
    this.server = server;
  }

  static DemoSite start() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      s.createContext("/", ex -> {
        String path = ex.getRequestURI().getPath();
        byte[] body = null;
        String type = "text/html; charset=utf-8";
        if (!path.contains("..")) {
          try (InputStream in = DemoSite.class.getResourceAsStream("/demo" + path)) {
            if (in != null) {
              String base = "http://" + ex.getLocalAddress().getAddress().getHostAddress() + ":" + ex.getLocalAddress().getPort();
              body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", base).getBytes(StandardCharsets.UTF_8);
              if (path.startsWith("/feeds/")) {
                type = "application/xml; charset=utf-8";
              }
            }
          }
        }
        try (OutputStream out = ex.getResponseBody()) {
          if (body == null) {
            ex.sendResponseHeaders(404, -1);
          } else {
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(200, body.length);
            out.write(body);
          }
        }
      });
      s.start();
      return new DemoSite(s);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo site", e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Ingest settings that poll the demo feeds (on loopback, so private addresses are allowed). */
  IngestSettings settingsFor(IngestSettings s) {
    List<FeedSpec> feeds = new ArrayList<>();
    for (String f : FEEDS) {
      feeds.add(new FeedSpec(baseUrl() + "/feeds/" + f, "Demo: " + f.substring(0, f.indexOf('.'))));
    }
    return new IngestSettings(feeds, true, s.userAgent(), Duration.ofSeconds(30), s.connectTimeout(), s.readTimeout(), s.maxBodyBytes());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
