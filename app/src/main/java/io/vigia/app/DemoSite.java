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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample site behind {@code vigia run --demo}: bundled feeds and article pages served on
 * loopback, so a newcomer without internet sees the whole path work. Feeds name their links with
 * {@code {{base}}}, replaced by this server's address.
 */
final class DemoSite implements AutoCloseable {
  static {
    // The JDK server writes headers and body in separate small segments; without TCP_NODELAY
    // the client's delayed ACK adds ~40 ms to every response. Read once, before the first server.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(DemoSite.class);
  static final List<String> FEEDS =
      List.of("caribe-diario.xml", "orinoco-times.atom", "monitor-andino.rdf");
  private final HttpServer server;
  private final Map<String, AtomicInteger> requests;

  private DemoSite(HttpServer server, Map<String, AtomicInteger> requests) {
    this.server = server;
    this.requests = requests;
  }

  /** The bundled demo site, on any free port. */
  static DemoSite start() {
    return start("/demo", 0);
  }

  /**
   * The bundled demo site on the port it had the last time over this data folder (kept in {@code
   * portFile}). The port is part of every demo article's URL, so a new port on restart would make
   * every article new again and fetch and index it a second time.
   */
  static DemoSite startRemembering(Path portFile) {
    int port = rememberedPort(portFile);
    DemoSite site;
    try {
      site = start("/demo", port);
    } catch (UncheckedIOException e) {
      if (port == 0) {
        throw e;
      }
      LOG.warn(
          "demo site: port {} of the last run is taken now; on a new port the demo articles have new addresses and "
              + "arrive again, as copies of the first ones",
          port);
      site = start("/demo", 0);
    }
    try {
      Files.writeString(portFile, Integer.toString(site.server.getAddress().getPort()));
    } catch (IOException e) {
      LOG.warn(
          "demo site: cannot remember its port in {} ({}); a restart will serve it on another port",
          portFile,
          e.toString());
    }
    return site;
  }

  private static int rememberedPort(Path portFile) {
    try {
      if (Files.exists(portFile)) {
        int port = Integer.parseInt(Files.readString(portFile).trim());
        return port > 0 && port < 65536 ? port : 0;
      }
    } catch (IOException | NumberFormatException e) {
      LOG.warn("demo site: ignoring unreadable {} ({})", portFile, e.toString());
    }
    return 0;
  }

  /**
   * A loopback site serving the classpath folder {@code root} on any free port (tests use their own
   * fixtures).
   */
  static DemoSite start(String root) {
    return start(root, 0);
  }

  private static DemoSite start(String root, int port) {
    Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    try {
      HttpServer s =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
      s.createContext(
          "/",
          ex -> {
            String path = ex.getRequestURI().getPath();
            requests.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            byte[] body = null;
            String type = "text/html; charset=utf-8";
            if (!path.contains("..")) {
              try (InputStream in = DemoSite.class.getResourceAsStream(root + path)) {
                if (in != null) {
                  String base =
                      "http://"
                          + ex.getLocalAddress().getAddress().getHostAddress()
                          + ":"
                          + ex.getLocalAddress().getPort();
                  body =
                      new String(in.readAllBytes(), StandardCharsets.UTF_8)
                          .replace("{{base}}", base)
                          .getBytes(StandardCharsets.UTF_8);
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
      return new DemoSite(s, requests);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo site on port " + port, e);
    }
  }

  /** How many times {@code path} was requested. */
  int requests(String path) {
    AtomicInteger n = requests.get(path);
    return n == null ? 0 : n.get();
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
    return s.forOwnSite(feeds, Duration.ofSeconds(30));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
