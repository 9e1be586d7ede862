package io.vigia.common.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server for the search API, dashboard, health and metrics, on the JDK's server so the
 * runnable jar carries no web framework. Routes are {@code METHOD /path/{param}}. Errors are JSON
 * {@code {"error": "..."}}; internal failures never leak stack traces to clients. Request bodies
 * are capped so a client cannot exhaust memory.
 */
public final class HttpApi implements AutoCloseable {
  static {
    // The JDK server writes headers and body in separate small segments; without TCP_NODELAY
    // the client's delayed ACK adds ~40 ms to every response. Read once, before the first server.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

  /** Largest request body accepted (subscriptions and the like are small). */
  public static final int MAX_BODY_BYTES = 1 << 20;

  /** Longest query string accepted. */
  public static final int MAX_QUERY_CHARS = 8192;

  private record Route(String method, Pattern pattern, List<String> names, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();
  private volatile ApiKeys writeKeys = ApiKeys.none();
  private HttpServer server;
  private ExecutorService executor;

  /**
   * Adds a route; {@code path} may hold {@code {name}} segments. Later routes do not shadow earlier
   * ones.
   */
  public synchronized HttpApi route(String method, String path, Handler handler) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("\\{([a-zA-Z]+)}").matcher(path);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(path.substring(last, m.start()))).append("([^/]+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(path.substring(last)));
    routes.add(new Route(method, Pattern.compile(regex.toString()), names, handler));
    return this;
  }

  /**
   * Requires {@code key} on every request that changes something (POST, PUT, PATCH, DELETE), in
   * {@code Authorization: Bearer KEY} or {@code X-Api-Key: KEY}; reads stay open. Null or blank
   * leaves writes open (a one-machine install on loopback).
   */
  public HttpApi requireKeyForWrites(String key) {
    return requireKeysForWrites(
        key == null || key.isBlank() ? ApiKeys.none() : ApiKeys.of(Map.of(ApiKeys.UNNAMED, key)));
  }

  /** Requires one of {@code keys} on every request that changes something; none: writes open. */
  public HttpApi requireKeysForWrites(ApiKeys keys) {
    this.writeKeys = java.util.Objects.requireNonNull(keys, "keys");
    return this;
  }

  private void checkWriteKey(HttpExchange ex, String method) {
    ApiKeys keys = writeKeys;
    if (!keys.required()
        || method.equals("GET")
        || method.equals("HEAD")
        || method.equals("OPTIONS")) {
      return;
    }
    if (keys.nameOf(h -> ex.getRequestHeaders().getFirst(h)).isEmpty()) {
      throw new HttpError(
          401, "this endpoint needs the API key (Authorization: Bearer KEY or X-Api-Key: KEY)");
    }
  }

  /**
   * Starts listening. A taken port fails with {@link PortInUseException}, which the launcher turns
   * into a clear message and exit code.
   */
  public synchronized void start(String host, int port) {
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 64);
    } catch (BindException e) {
      throw new PortInUseException(host, port, e);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot start HTTP server on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    executor =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "vigia-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void dispatch(HttpExchange ex) throws IOException {
    Response response;
    try {
      response = answer(ex);
    } catch (HttpError e) {
      response = Response.json(e.status(), Map.of("error", e.getMessage()));
    } catch (Exception e) {
      LOG.warn("{} {} failed", ex.getRequestMethod(), ex.getRequestURI().getRawPath(), e);
      response = Response.json(500, Map.of("error", "internal error; see the server log"));
    }
    try (OutputStream out = ex.getResponseBody()) {
      ex.getResponseHeaders().set("Content-Type", response.contentType());
      ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      response.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      boolean head = ex.getRequestMethod().equals("HEAD");
      if (response.status() == 204 || head) {
        ex.sendResponseHeaders(response.status(), -1);
      } else {
        ex.sendResponseHeaders(response.status(), response.body().length);
        out.write(response.body());
      }
    }
  }

  private Response answer(HttpExchange ex) throws Exception {
    String rawQuery = ex.getRequestURI().getRawQuery();
    if (rawQuery != null && rawQuery.length() > MAX_QUERY_CHARS) {
      throw new HttpError(414, "query string longer than " + MAX_QUERY_CHARS + " characters");
    }
    // Routes match the raw path and each parameter is decoded once, so an encoded slash (an entity
    // id such as vigia:org/cne) stays inside its parameter.
    String path = ex.getRequestURI().getRawPath();
    String method = ex.getRequestMethod().equals("HEAD") ? "GET" : ex.getRequestMethod();
    checkWriteKey(ex, method);
    boolean pathMatched = false;
    List<Route> snapshot;
    synchronized (this) {
      snapshot = List.copyOf(routes);
    }
    for (Route r : snapshot) {
      Matcher m = r.pattern().matcher(path);
      if (!m.matches()) {
        continue;
      }
      pathMatched = true;
      if (!r.method().equals(method)) {
        continue;
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < r.names().size(); i++) {
        params.put(r.names().get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
      }
      Request req =
          new Request(
              method,
              ex.getRequestURI().getPath(),
              params,
              parseQuery(rawQuery),
              ex.getRequestHeaders(),
              readBody(ex.getRequestBody()));
      return r.handler().handle(req);
    }
    throw pathMatched
        ? new HttpError(405, "method not allowed")
        : HttpError.notFound("no such endpoint: " + ex.getRequestURI().getPath());
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw new HttpError(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
    }
    return body;
  }

  static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return q;
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }
}
