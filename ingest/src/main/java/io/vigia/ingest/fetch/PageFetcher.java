package io.vigia.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches one URL: http(s) only, redirects followed by hand (each hop checked), body capped,
 * private and loopback addresses refused unless allowed.
 *
 * <p>Each hop resolves its host once, checks every address, and connects to the checked address
 * itself: the request names the address (Apache HttpClient's {@link HttpHost} with an address)
 * while the Host header, TLS SNI and certificate check use the name. The client's own resolver
 * refuses every lookup, so no code path can connect to an address that was not checked (DNS
 * rebinding: a name that answers a public address to the check and an internal one to the
 * connection). One deadline ({@code totalTimeout}) bounds the whole fetch: waits for the host's
 * turn, every redirect hop, and the body.
 */
public final class PageFetcher implements AutoCloseable {
  static final int MAX_REDIRECTS = 5;

  /** Longest header line and most header fields: an endless header is cut, not buffered. */
  private static final int MAX_HEADER_LINE = 64 * 1024;

  private static final int MAX_HEADERS = 200;

  /**
   * Cuts requests at their deadlines; a deadline cancelled (the usual case) leaves the queue at
   * once, not minutes later.
   */
  private static final ScheduledExecutorService CUTTER = cutter();

  private static ScheduledExecutorService cutter() {
    java.util.concurrent.ScheduledThreadPoolExecutor e =
        new java.util.concurrent.ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "vigia-fetch-deadline");
              t.setDaemon(true);
              return t;
            });
    e.setRemoveOnCancelPolicy(true);
    return e;
  }

  /**
   * Resolves a host name to its addresses; the fetcher asks once per request and connects only to
   * what it checked.
   */
  @FunctionalInterface
  public interface HostResolver {
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** The first answer to a request, redirects not followed. */
  public sealed interface FirstHop {
    /** The server redirected to {@code location} (absolute, resolved against the request). */
    record Redirect(String location) implements FirstHop {}

    /** Anything else: the page, a 304, or why it failed. */
    record Answer(FetchResult result) implements FirstHop {}
  }

  private final CloseableHttpClient client;
  private final String userAgent;
  private final boolean allowPrivate;
  private final long maxBytes;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration totalTimeout;
  private final Set<String> exemptAuthorities;
  private final HostGate gate;
  private final HostResolver resolver;
  private final Function<InetAddress, String> guard;

  public PageFetcher(
      String userAgent,
      boolean allowPrivate,
      long maxBytes,
      Duration connectTimeout,
      Duration readTimeout) {
    this(userAgent, allowPrivate, maxBytes, connectTimeout, readTimeout, Set.of());
  }

  /**
   * As above, with {@code exemptAuthorities} ({@code host:port}) reachable even when private: tests
   * exempt exactly their loopback fixture server and check that every other private address,
   * including other ports on loopback, stays refused.
   */
  public PageFetcher(
      String userAgent,
      boolean allowPrivate,
      long maxBytes,
      Duration connectTimeout,
      Duration readTimeout,
      Set<String> exemptAuthorities) {
    this(
        userAgent,
        allowPrivate,
        maxBytes,
        connectTimeout,
        readTimeout,
        exemptAuthorities,
        HostGate.unlimited());
  }

  /**
   * As above, every request (each redirect hop, robots.txt too) passing through {@code gate}'s
   * per-host rules.
   */
  public PageFetcher(
      String userAgent,
      boolean allowPrivate,
      long maxBytes,
      Duration connectTimeout,
      Duration readTimeout,
      Set<String> exemptAuthorities,
      HostGate gate) {
    this(
        userAgent,
        allowPrivate,
        maxBytes,
        connectTimeout,
        readTimeout,
        defaultTotal(connectTimeout, readTimeout),
        exemptAuthorities,
        gate,
        HostResolver.SYSTEM);
  }

  /**
   * As above, the whole fetch bounded by {@code totalTimeout}, hosts resolved by {@code resolver}.
   */
  public PageFetcher(
      String userAgent,
      boolean allowPrivate,
      long maxBytes,
      Duration connectTimeout,
      Duration readTimeout,
      Duration totalTimeout,
      Set<String> exemptAuthorities,
      HostGate gate,
      HostResolver resolver) {
    this(
        userAgent,
        allowPrivate,
        maxBytes,
        connectTimeout,
        readTimeout,
        totalTimeout,
        exemptAuthorities,
        gate,
        resolver,
        AddressGuard::refusal);
  }

  /**
   * As above with another address guard: tests that need one loopback address allowed and another
   * refused.
   */
  PageFetcher(
      String userAgent,
      boolean allowPrivate,
      long maxBytes,
      Duration connectTimeout,
      Duration readTimeout,
      Duration totalTimeout,
      Set<String> exemptAuthorities,
      HostGate gate,
      HostResolver resolver,
      Function<InetAddress, String> guard) {
    this(
        userAgent,
        allowPrivate,
        maxBytes,
        connectTimeout,
        readTimeout,
        totalTimeout,
        exemptAuthorities,
        gate,
        resolver,
        guard,
        null);
  }

  /**
   * As above, TLS trusting what {@code tls} trusts instead of the JVM's default trust store: tests
   * that serve https on loopback with a certificate of their own. Null is the default.
   */
  PageFetcher(
      String userAgent,
      boolean allowPrivate,
      long maxBytes,
      Duration connectTimeout,
      Duration readTimeout,
      Duration totalTimeout,
      Set<String> exemptAuthorities,
      HostGate gate,
      HostResolver resolver,
      Function<InetAddress, String> guard,
      SSLContext tls) {
    this.userAgent = userAgent;
    this.allowPrivate = allowPrivate;
    this.maxBytes = maxBytes;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.totalTimeout = totalTimeout;
    this.exemptAuthorities = Set.copyOf(exemptAuthorities);
    this.gate = gate;
    this.resolver = resolver;
    this.guard = guard;
    this.client =
        HttpClients.custom()
            .setConnectionManager(connectionManager(connectTimeout, readTimeout, tls))
            .disableRedirectHandling() // by hand: every hop is checked
            .disableAutomaticRetries()
            .disableContentCompression() // inflated here, under the size cap
            .disableCookieManagement()
            .disableAuthCaching()
            .evictIdleConnections(TimeValue.ofSeconds(30))
            .build();
  }

  /**
   * The fixed-size default when no total is configured: one connect and one read for the headers
   * and one for the body, per hop.
   */
  public static Duration defaultTotal(Duration connectTimeout, Duration readTimeout) {
    return connectTimeout.plus(readTimeout.multipliedBy(2)).multipliedBy(2);
  }

  private static HttpClientConnectionManager connectionManager(
      Duration connectTimeout, Duration readTimeout, SSLContext tls) {
    PoolingHttpClientConnectionManagerBuilder builder =
        PoolingHttpClientConnectionManagerBuilder.create();
    if (tls != null) {
      // The default hostname verifier stays: the certificate must name the host of the URL, not the
      // address connected to.
      builder.setTlsSocketStrategy(new DefaultClientTlsStrategy(tls));
    }
    return builder
        // Every request names the checked address it connects to; a lookup here would be one nobody
        // checked.
        .setDnsResolver(
            new org.apache.hc.client5.http.DnsResolver() {
              @Override
              public InetAddress[] resolve(String host) throws UnknownHostException {
                throw new UnknownHostException("refused unchecked lookup of " + host);
              }

              @Override
              public String resolveCanonicalHostname(String host) throws UnknownHostException {
                throw new UnknownHostException("refused unchecked lookup of " + host);
              }
            })
        .setConnectionFactory(
            ManagedHttpClientConnectionFactory.builder()
                .http1Config(
                    Http1Config.custom()
                        .setMaxLineLength(MAX_HEADER_LINE)
                        .setMaxHeaderCount(MAX_HEADERS)
                        .build())
                .build())
        .setDefaultConnectionConfig(
            ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(readTimeout))
                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                .build())
        .setDefaultSocketConfig(
            SocketConfig.custom().setSoTimeout(Timeout.of(readTimeout)).setTcpNoDelay(true).build())
        .setMaxConnTotal(256)
        .setMaxConnPerRoute(
            64) // the host gate caps requests per host; this only has to be above it
        .build();
  }

  public FetchResult fetch(String url) {
    return fetch(url, FetchResult.Validators.NONE);
  }

  /**
   * Fetches {@code url}, sending {@code validators} as If-None-Match / If-Modified-Since (a
   * conditional GET); gzip and deflate bodies are inflated with the same size cap as plain ones, so
   * a compression bomb is refused.
   */
  public FetchResult fetch(String url, FetchResult.Validators validators) {
    return fetch(url, validators, null);
  }

  /**
   * As {@link #fetch(String, FetchResult.Validators)}, each request waiting for its host's turn, at
   * least {@code crawlDelay} (a site's robots.txt Crawl-delay; null for none) after the last.
   */
  public FetchResult fetch(String url, FetchResult.Validators validators, Duration crawlDelay) {
    long deadline = System.nanoTime() + totalTimeout.toNanos();
    String current = url;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      FirstHop h = request(current, validators, crawlDelay, deadline);
      if (h instanceof FirstHop.Answer a) {
        return a.result();
      }
      current = ((FirstHop.Redirect) h).location();
    }
    return new FetchResult.Failed(url, "more than " + MAX_REDIRECTS + " redirects", false);
  }

  /**
   * One request to {@code url}, its redirect not followed: where a link redirects to can be known
   * (and deduplicated) before the page behind it is fetched. The same checks and limits as a fetch.
   */
  public FirstHop firstHop(String url) {
    return request(
        url, FetchResult.Validators.NONE, null, System.nanoTime() + totalTimeout.toNanos());
  }

  private FirstHop request(
      String current, FetchResult.Validators validators, Duration crawlDelay, long deadline) {
    URI uri;
    try {
      uri = new URI(current);
    } catch (URISyntaxException e) {
      return answer(new FetchResult.Failed(current, "invalid URL (" + e.getReason() + ")", false));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return answer(
          new FetchResult.Failed(
              current, "refused scheme '" + scheme + "': only http and https", false));
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      // java.net.URI gives no host for authorities it cannot read as one, such as 0x7f.0.0.1
      String authority =
          uri.getRawAuthority() == null
              ? ""
              : uri.getRawAuthority().replaceFirst("^.*@", "").replaceFirst(":\\d*$", "");
      String why = authority.isEmpty() ? null : AddressGuard.refusalOfHostName(authority);
      return answer(
          new FetchResult.Failed(
              current,
              why != null
                  ? why
                  : authority.isEmpty()
                      ? "URL has no host"
                      : "URL has no valid host ('" + abbreviate(authority) + "')",
              false));
    }
    int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
    if (port < 1 || port > 65535) {
      return answer(new FetchResult.Failed(current, "port " + port, false));
    }
    String name =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    boolean exempt = exemptAuthorities.contains(host.toLowerCase(Locale.ROOT) + ":" + port);
    List<InetAddress> addresses;
    try {
      addresses = checkedAddresses(name, exempt);
    } catch (Refused r) {
      return answer(new FetchResult.Failed(current, r.getMessage(), r.retryable));
    }
    HttpGet get = new HttpGet(uri);
    get.setHeader("User-Agent", userAgent);
    get.setHeader(
        "Accept",
        "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5");
    get.setHeader("Accept-Encoding", "gzip, deflate");
    if (validators != null && validators.etag() != null) {
      get.setHeader("If-None-Match", validators.etag());
    }
    if (validators != null && validators.lastModified() != null) {
      get.setHeader("If-Modified-Since", validators.lastModified());
    }
    HostGate.Permit turn;
    try {
      turn = gate.acquire(current, crawlDelay, deadline);
    } catch (HostGate.Deferred d) {
      return answer(
          new FetchResult.Failed(
              current, d.getMessage(), true, d.waitFor().isZero() ? null : d.waitFor()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return answer(new FetchResult.Failed(current, "interrupted", true));
    }
    try (turn) {
      return exchange(get, scheme, name, port, addresses, current, deadline, turn);
    }
  }

  /** Why a host may not be fetched. */
  private static final class Refused extends Exception {
    final boolean retryable;

    Refused(String message, boolean retryable) {
      super(message, null, false, false);
      this.retryable = retryable;
    }
  }

  /**
   * The host's addresses, resolved once and each checked (unless exempt or private addresses are
   * allowed).
   */
  private List<InetAddress> checkedAddresses(String name, boolean exempt) throws Refused {
    if (!allowPrivate && !exempt) {
      String why = AddressGuard.refusalOfHostName(name);
      if (why != null) {
        throw new Refused(why, false);
      }
    }
    InetAddress[] resolved;
    try {
      resolved = resolver.resolve(name);
    } catch (UnknownHostException e) {
      throw new Refused("unknown host " + name, true); // DNS fails transiently too
    }
    if (resolved == null || resolved.length == 0) {
      throw new Refused("unknown host " + name, true);
    }
    List<InetAddress> out = new ArrayList<>();
    for (InetAddress a : resolved) {
      String why = allowPrivate || exempt ? null : guard.apply(a);
      if (why != null) {
        throw new Refused(
            "refused "
                + why
                + " "
                + a.getHostAddress()
                + " for host "
                + name
                + " (set ingest.allow-private-addresses only for tests)",
            false);
      }
      out.add(a);
    }
    return out;
  }

  private FirstHop exchange(
      HttpGet get,
      String scheme,
      String name,
      int port,
      List<InetAddress> addresses,
      String current,
      long deadline,
      HostGate.Permit turn) {
    // Whatever happens next is cut at the deadline: the request is cancelled under the thread that
    // waits on it.
    AtomicReference<String> cutBecause = new AtomicReference<>();
    ScheduledFuture<?> total =
        cutAt(
            get,
            cutBecause,
            deadline,
            "no complete answer within " + totalTimeout.toMillis() + " ms (ingest.total-timeout)");
    ScheduledFuture<?> body = null;
    CloseableHttpResponse resp = null;
    try {
      resp = open(get, scheme, name, port, addresses, deadline);
      CloseableHttpResponse head =
          resp; // its headers stay readable once the connection is handed back
      int status = head.getCode();
      Duration retryAfter = RetryAfter.parse(header(head, "Retry-After"), Instant.now());
      turn.answered(status, retryAfter);
      if ((status < 200 || status >= 300) && drainedSmallBody(resp)) {
        CloseableHttpResponse drained = resp;
        resp = null; // nothing left unread: the connection may serve the next request (a 304 poll,
        // above all)
        closeQuietly(drained, CloseMode.GRACEFUL);
      }
      if (status >= 300 && status < 400 && status != 304) {
        String location = header(head, "Location");
        if (location == null) {
          return answer(
              new FetchResult.Failed(current, "redirect " + status + " without Location", false));
        }
        try {
          return new FirstHop.Redirect(get.getUri().resolve(new URI(location.trim())).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
          return answer(
              new FetchResult.Failed(
                  current,
                  "redirect "
                      + status
                      + " to a malformed Location '"
                      + abbreviate(location)
                      + "' ("
                      + (e instanceof URISyntaxException u ? u.getReason() : e.getMessage())
                      + ")",
                  false));
        }
      }
      if (status == 304) {
        return answer(new FetchResult.NotModified(current));
      }
      if (status < 200 || status >= 300) {
        return answer(
            new FetchResult.Failed(
                current,
                "HTTP "
                    + status
                    + (retryAfter == null ? "" : " (Retry-After " + retryAfter.toSeconds() + "s)"),
                status == 429 || status >= 500,
                retryAfter));
      }
      String encoding = header(head, "Content-Encoding");
      encoding = encoding == null ? "identity" : encoding.trim().toLowerCase(Locale.ROOT);
      if (!List.of("gzip", "x-gzip", "deflate", "identity", "").contains(encoding)) {
        return answer(
            new FetchResult.Failed(
                current, "unsupported Content-Encoding '" + abbreviate(encoding) + "'", false));
      }
      // The headers came within the read timeout; the body gets the same again, counted from here,
      // and the deadline is set before anything reads it: a gzip stream reads its header on
      // creation.
      long bodyDeadline = Math.min(deadline, System.nanoTime() + readTimeout.toNanos());
      body =
          cutAt(
              get,
              cutBecause,
              bodyDeadline,
              "body not complete after " + readTimeout.toMillis() + " ms (slow or endless body)");
      HttpEntity entity = resp.getEntity();
      byte[] bytes;
      if (entity == null) {
        bytes = new byte[0];
      } else {
        bytes = readCapped(entity.getContent(), encoding);
        if (bytes == null) {
          return answer(
              new FetchResult.Failed(
                  current,
                  (encoding.equals("identity") || encoding.isEmpty()
                          ? "body"
                          : "decompressed body (" + encoding + ")")
                      + " larger than "
                      + maxBytes
                      + " bytes: refused",
                  false));
        }
      }
      CloseableHttpResponse complete = resp;
      resp = null; // read to its end: the connection may serve the next request
      closeQuietly(complete, CloseMode.GRACEFUL);
      return answer(
          new FetchResult.Fetched(
              current,
              status,
              bytes,
              header(complete, "Content-Type"),
              header(complete, "ETag"),
              header(complete, "Last-Modified")));
    } catch (IOException | RuntimeException e) {
      String cut = cutBecause.get();
      if (cut != null) {
        return answer(new FetchResult.Failed(current, cut, true));
      }
      return answer(failure(current, e));
    } finally {
      total.cancel(false);
      if (body != null) {
        body.cancel(false);
      }
      if (resp != null) {
        closeQuietly(
            resp,
            CloseMode
                .IMMEDIATE); // not read to its end: drop the connection rather than drain a hostile
        // body
      }
    }
  }

  /**
   * Largest body of a 3xx/4xx/5xx answer read (and dropped) to keep its connection; a larger one
   * drops the connection.
   */
  private static final int SMALL_BODY = 16 * 1024;

  /**
   * Reads and drops the body of an answer we do not use when it is absent or small and of known
   * length; true if it was.
   */
  private static boolean drainedSmallBody(CloseableHttpResponse resp) throws IOException {
    HttpEntity entity = resp.getEntity();
    if (entity == null) {
      return true;
    }
    long length = entity.getContentLength();
    if (length < 0 || length > SMALL_BODY) {
      return false;
    }
    try (InputStream in = entity.getContent()) {
      in.readNBytes((int) length + 1);
    }
    return true;
  }

  /** Connects to each checked address in turn (the first that answers), within the deadline. */
  private CloseableHttpResponse open(
      HttpGet get, String scheme, String name, int port, List<InetAddress> addresses, long deadline)
      throws IOException {
    IOException last = null;
    for (InetAddress a : addresses) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      get.setConfig(
          RequestConfig.custom()
              .setResponseTimeout(
                  Timeout.ofMilliseconds(
                      Math.max(1, Math.min(readTimeout.toMillis(), left / 1_000_000))))
              .setConnectionRequestTimeout(Timeout.ofMilliseconds(Math.max(1, left / 1_000_000)))
              .setRedirectsEnabled(false)
              .build());
      try {
        return CloseableHttpResponse.adapt(
            client.executeOpen(new HttpHost(scheme, a, name, port), get, null));
      } catch (HttpHostConnectException | ConnectTimeoutException e) {
        last = e; // this address does not answer; the next might
      }
    }
    throw last != null ? last : new IOException("no address left to try before the deadline");
  }

  /** The body, inflated, or null when it (or what it inflates to) is larger than the cap. */
  private byte[] readCapped(InputStream raw, String encoding) throws IOException {
    int limit = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1);
    if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
      try (InputStream in = new GZIPInputStream(raw, 8192)) {
        return capped(in.readNBytes(limit));
      }
    }
    if (encoding.equals("deflate")) {
      // HTTP's deflate is zlib-wrapped, but servers also send raw deflate: the first two bytes
      // tell.
      PushbackInputStream peek = new PushbackInputStream(raw, 2);
      int b0 = peek.read();
      int b1 = b0 < 0 ? -1 : peek.read();
      if (b1 >= 0) {
        peek.unread(b1);
      }
      if (b0 >= 0) {
        peek.unread(b0);
      }
      boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
      Inflater inflater = new Inflater(!zlib);
      try (InputStream in = new InflaterInputStream(peek, inflater, 8192)) {
        return capped(in.readNBytes(limit));
      } finally {
        inflater.end();
      }
    }
    return capped(raw.readNBytes(limit));
  }

  private byte[] capped(byte[] read) {
    return read.length > maxBytes ? null : read;
  }

  private static ScheduledFuture<?> cutAt(
      HttpGet get, AtomicReference<String> cutBecause, long atNanos, String why) {
    return CUTTER.schedule(
        () -> {
          if (cutBecause.compareAndSet(null, why)) {
            get.cancel();
          }
        },
        Math.max(0, atNanos - System.nanoTime()),
        TimeUnit.NANOSECONDS);
  }

  private FetchResult.Failed failure(String url, Exception e) {
    if (e instanceof ZipException) {
      return new FetchResult.Failed(url, "corrupt compressed body: " + e.getMessage(), false);
    }
    if (e instanceof ConnectTimeoutException) {
      return new FetchResult.Failed(
          url, "connect timed out after " + connectTimeout.toMillis() + " ms", true);
    }
    if (e instanceof HttpHostConnectException) {
      return new FetchResult.Failed(url, "could not connect: " + e.getMessage(), true);
    }
    if (e instanceof java.net.SocketTimeoutException) {
      return new FetchResult.Failed(url, "timed out after " + readTimeout.toMillis() + " ms", true);
    }
    if (e instanceof org.apache.hc.core5.http.MessageConstraintException) {
      return new FetchResult.Failed(
          url, "response headers too large (" + e.getMessage() + "): refused", false);
    }
    if (e instanceof javax.net.ssl.SSLException) {
      // an untrusted certificate, one for another name, or no common protocol: the site must fix
      // it, but it may (rotations go wrong)
      return new FetchResult.Failed(url, "TLS failed: " + e.getMessage(), true);
    }
    if (e instanceof UnknownHostException) {
      return new FetchResult.Failed(url, "unknown host: " + e.getMessage(), true);
    }
    return new FetchResult.Failed(
        url, (e instanceof IOException ? "I/O error: " : "error: ") + e.getMessage(), true);
  }

  private static String header(ClassicHttpResponse resp, String name) {
    Header h = resp.getFirstHeader(name);
    return h == null ? null : h.getValue();
  }

  private static FirstHop answer(FetchResult r) {
    return new FirstHop.Answer(r);
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  private static void closeQuietly(CloseableHttpResponse r, CloseMode mode) {
    try {
      if (mode == CloseMode.IMMEDIATE) {
        r.close(CloseMode.IMMEDIATE);
      } else {
        r.close();
      }
    } catch (IOException | RuntimeException ignored) {
      // the connection is gone either way
    }
  }

  @Override
  public void close() {
    try {
      client.close(CloseMode.IMMEDIATE);
    } catch (RuntimeException ignored) {
      // closing
    }
  }
}
