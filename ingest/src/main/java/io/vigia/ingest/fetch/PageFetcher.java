package io.vigia.ingest.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipException;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;

/**
 * Fetches one URL: http(s) only, redirects followed by hand (each hop checked), body capped,
 * private and loopback addresses refused unless allowed.
 *
 * <p>Each hop is pinned to checked addresses first ({@link AddressPinning}), waits for its host's
 * turn ({@link HostGate}), and is sent by a client that connects to nothing else ({@link
 * PinnedHttpClient}); its body is read under the cap ({@link BodyReader}). One deadline ({@code
 * totalTimeout}) bounds the whole fetch: waits for the host's turn, every redirect hop, and the
 * body.
 */
public final class PageFetcher implements AutoCloseable {
  static final int MAX_REDIRECTS = 5;

  /** The first answer to a request, redirects not followed. */
  public sealed interface FirstHop {
    /** The server redirected to {@code location} (absolute, resolved against the request). */
    record Redirect(String location) implements FirstHop {}

    /** Anything else: the page, a 304, or why it failed. */
    record Answer(FetchResult result) implements FirstHop {}
  }

  private final String userAgent;
  private final long maxBytes;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration totalTimeout;
  private final HostGate gate;
  private final AddressPinning pinning;
  private final PinnedHttpClient client;
  private final BodyReader bodies;

  /**
   * A fetcher for {@code userAgent} reading at most {@code maxBytes} of a body, each hop connecting
   * within {@code connectTimeout} and reading within {@code readTimeout}; the rest is the builder's
   * (private addresses refused, no exemptions, no per-host pacing, the system resolver, the total
   * timeout {@link #defaultTotal}).
   */
  public static Builder builder(
      String userAgent, long maxBytes, Duration connectTimeout, Duration readTimeout) {
    return new Builder(userAgent, maxBytes, connectTimeout, readTimeout);
  }

  /** How a {@link PageFetcher} fetches; only what differs from the defaults needs a call. */
  public static final class Builder {
    private final String userAgent;
    private final long maxBytes;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private Duration totalTimeout;
    private boolean allowPrivate;
    private Set<String> exemptAuthorities = Set.of();
    private HostGate gate = HostGate.unlimited();
    private HostResolver resolver = HostResolver.SYSTEM;
    private Function<InetAddress, String> guard = AddressGuard::refusal;
    private SSLContext tls;

    private Builder(
        String userAgent, long maxBytes, Duration connectTimeout, Duration readTimeout) {
      this.userAgent = userAgent;
      this.maxBytes = maxBytes;
      this.connectTimeout = connectTimeout;
      this.readTimeout = readTimeout;
      this.totalTimeout = defaultTotal(connectTimeout, readTimeout);
    }

    /**
     * Private and loopback addresses allowed (fixtures that are ours), or refused (the default).
     */
    public Builder allowPrivate(boolean allow) {
      this.allowPrivate = allow;
      return this;
    }

    /**
     * {@code host:port} authorities reachable even when private: tests exempt exactly their
     * loopback fixture server and check that every other private address, other loopback ports
     * included, stays refused.
     */
    public Builder exempt(Set<String> authorities) {
      this.exemptAuthorities = Set.copyOf(authorities);
      return this;
    }

    /**
     * One deadline for the whole fetch: waits for the host's turn, every redirect hop, the body.
     */
    public Builder totalTimeout(Duration total) {
      this.totalTimeout = total;
      return this;
    }

    /**
     * Every request (each redirect hop, robots.txt too) passes through {@code gate}'s per-host
     * rules.
     */
    public Builder gate(HostGate hostGate) {
      this.gate = hostGate;
      return this;
    }

    /** Hosts resolved by {@code hostResolver} instead of the system's resolver. */
    public Builder resolver(HostResolver hostResolver) {
      this.resolver = hostResolver;
      return this;
    }

    /**
     * Another address guard (why an address is refused, or null): tests that need one loopback
     * address allowed and another refused.
     */
    Builder guard(Function<InetAddress, String> addressGuard) {
      this.guard = addressGuard;
      return this;
    }

    /**
     * TLS trusting what {@code context} trusts instead of the JVM's default trust store: tests that
     * serve https on loopback with a certificate of their own.
     */
    Builder tls(SSLContext context) {
      this.tls = context;
      return this;
    }

    public PageFetcher build() {
      return new PageFetcher(this);
    }
  }

  private PageFetcher(Builder b) {
    this.userAgent = b.userAgent;
    this.maxBytes = b.maxBytes;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.totalTimeout = b.totalTimeout;
    this.gate = b.gate;
    this.pinning = new AddressPinning(b.allowPrivate, b.exemptAuthorities, b.resolver, b.guard);
    this.client = new PinnedHttpClient(b.connectTimeout, b.readTimeout, b.tls);
    this.bodies = new BodyReader(b.maxBytes);
  }

  /**
   * The fixed-size default when no total is configured: one connect and one read for the headers
   * and one for the body, per hop.
   */
  public static Duration defaultTotal(Duration connectTimeout, Duration readTimeout) {
    return connectTimeout.plus(readTimeout.multipliedBy(2)).multipliedBy(2);
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
    PinnedTarget target;
    try {
      target = pinning.pin(current);
    } catch (AddressPinning.Refused r) {
      return answer(new FetchResult.Failed(current, r.getMessage(), r.retryable()));
    }
    HttpGet get = new HttpGet(target.uri());
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
      return exchange(get, target, current, deadline, turn);
    }
  }

  private FirstHop exchange(
      HttpGet get, PinnedTarget target, String current, long deadline, HostGate.Permit turn) {
    // Whatever happens next is cut at the deadline: the request is cancelled under the thread that
    // waits on it.
    RequestCutter cuts = new RequestCutter(get);
    String late =
        "no complete answer within " + totalTimeout.toMillis() + " ms (ingest.total-timeout)";
    cuts.cutAt(deadline, late);
    CloseableHttpResponse resp = null;
    try {
      resp = client.open(get, target, deadline);
      CloseableHttpResponse head =
          resp; // its headers stay readable once the connection is handed back
      int status = head.getCode();
      Duration retryAfter = RetryAfter.parse(header(head, "Retry-After"), Instant.now());
      turn.answered(status, retryAfter);
      if ((status < 200 || status >= 300) && BodyReader.drainedSmallBody(resp)) {
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
      cuts.cutAt(
          bodyDeadline,
          "body not complete after " + readTimeout.toMillis() + " ms (slow or endless body)");
      HttpEntity entity = resp.getEntity();
      byte[] bytes;
      if (entity == null) {
        bytes = new byte[0];
      } else {
        bytes = bodies.readCapped(entity.getContent(), encoding);
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
      String cut = cuts.cutBecause();
      if (cut == null && System.nanoTime() - deadline >= 0) {
        // The wait for the headers is bounded by what is left of the deadline too, so its timeout
        // and the cut race at the deadline: either way, the total is what ran out.
        cut = late;
      }
      if (cut != null) {
        return answer(new FetchResult.Failed(current, cut, true));
      }
      return answer(failure(current, e));
    } finally {
      cuts.cancel();
      if (resp != null) {
        closeQuietly(
            resp,
            CloseMode
                .IMMEDIATE); // not read to its end: drop the connection rather than drain a hostile
        // body
      }
    }
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
    client.close();
  }
}
