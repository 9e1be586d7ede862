package io.vigia.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches one URL: http(s) only, redirects followed by hand (each hop checked), body capped,
 * private and loopback addresses refused unless allowed.
 */
public final class PageFetcher {
  private static final int MAX_REDIRECTS = 5;
  private static final java.util.concurrent.ScheduledExecutorService CLOSER =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigia-fetch-deadline");
        t.setDaemon(true);
        return t;
      });

  private final HttpClient client;
  private final String userAgent;
  private final boolean allowPrivate;
  private final long maxBytes;
  private final Duration readTimeout;
  private final java.util.Set<String> exemptAuthorities;
  private final HostGate gate;

  public PageFetcher(String userAgent, boolean allowPrivate, long maxBytes, Duration connectTimeout, Duration readTimeout) {
    this(userAgent, allowPrivate, maxBytes, connectTimeout, readTimeout, java.util.Set.of());
  }

  /**
   * As above, with {@code exemptAuthorities} ({@code host:port}) reachable even when private:
   * tests exempt exactly their loopback fixture server and check that every other private
   * address, including other ports on loopback, stays refused.
   */
  public PageFetcher(String userAgent, boolean allowPrivate, long maxBytes, Duration connectTimeout, Duration readTimeout,
      java.util.Set<String> exemptAuthorities) {
    this(userAgent, allowPrivate, maxBytes, connectTimeout, readTimeout, exemptAuthorities, HostGate.unlimited());
  }

  /** As above, every request (each redirect hop, robots.txt too) passing through {@code gate}'s per-host rules. */
  public PageFetcher(String userAgent, boolean allowPrivate, long maxBytes, Duration connectTimeout, Duration readTimeout,
      java.util.Set<String> exemptAuthorities, HostGate gate) {
    this.gate = gate;
    this.exemptAuthorities = java.util.Set.copyOf(exemptAuthorities);
    this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.userAgent = userAgent;
    this.allowPrivate = allowPrivate;
    this.maxBytes = maxBytes;
    this.readTimeout = readTimeout;
  }

  public FetchResult fetch(String url) {
    return fetch(url, FetchResult.Validators.NONE);
  }

  /**
   * Fetches {@code url}, sending {@code validators} as If-None-Match / If-Modified-Since (a
   * conditional GET); gzip and deflate bodies are inflated with the same size cap as plain ones,
   * so a compression bomb is refused.
   */
  public FetchResult fetch(String url, FetchResult.Validators validators) {
    return fetch(url, validators, null);
  }

  /**
   * As {@link #fetch(String, FetchResult.Validators)}, each request waiting for its host's turn,
   * at least {@code crawlDelay} (a site's robots.txt Crawl-delay; null for none) after the last.
   */
  public FetchResult fetch(String url, FetchResult.Validators validators, Duration crawlDelay) {
    String current = url;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      URI uri;
      try {
        uri = URI.create(current);
      } catch (IllegalArgumentException e) {
        return new FetchResult.Failed(current, "invalid URL", false);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return new FetchResult.Failed(current, "refused scheme '" + scheme + "': only http and https", false);
      }
      String refusal = exemptAuthorities.contains(uri.getHost() + ":" + uri.getPort()) ? null : checkAddress(uri.getHost());
      if (refusal == null && uri.getPort() == 0) {
        refusal = "port 0";
      }
      if (refusal != null) {
        return new FetchResult.Failed(current, refusal, false);
      }
      HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(readTimeout).header("User-Agent", userAgent)
          .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5")
          .header("Accept-Encoding", "gzip, deflate");
      if (validators != null && validators.etag() != null) {
        rb.header("If-None-Match", validators.etag());
      }
      if (validators != null && validators.lastModified() != null) {
        rb.header("If-Modified-Since", validators.lastModified());
      }
      HttpRequest req = rb.GET().build();
      try (HostGate.Permit turn = gate.acquire(current, crawlDelay)) {
        HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        int status = resp.statusCode();
        if (status >= 300 && status < 400 && status != 304) {
          resp.body().close();
          String location = resp.headers().firstValue("Location").orElse(null);
          if (location == null) {
            return new FetchResult.Failed(current, "redirect " + status + " without Location", false);
          }
          current = uri.resolve(location).toString();
          continue;
        }
        if (status == 304) {
          resp.body().close();
          return new FetchResult.NotModified(current);
        }
        try (InputStream in = resp.body()) {
          if (status < 200 || status >= 300) {
            Duration retryAfter = RetryAfter.parse(resp.headers().firstValue("Retry-After").orElse(null), java.time.Instant.now());
            return new FetchResult.Failed(current, "HTTP " + status + (retryAfter == null ? "" : " (Retry-After " + retryAfter.toSeconds() + "s)"),
                status == 429 || status >= 500, retryAfter);
          }
          String encoding = resp.headers().firstValue("Content-Encoding").orElse("identity").trim().toLowerCase(Locale.ROOT);
          InputStream decoded;
          if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
            decoded = new java.util.zip.GZIPInputStream(in, 8192);
          } else if (encoding.equals("deflate")) {
            decoded = new java.util.zip.InflaterInputStream(in);
          } else if (encoding.equals("identity") || encoding.isEmpty()) {
            decoded = in;
          } else {
            return new FetchResult.Failed(current, "unsupported Content-Encoding '" + encoding + "'", false);
          }
          // The request timeout ends at the headers; a body that trickles forever is cut at the
          // same deadline counted again from here, by closing the stream under the reader.
          java.util.concurrent.atomic.AtomicBoolean expired = new java.util.concurrent.atomic.AtomicBoolean();
          var closer = CLOSER.schedule(() -> {
            expired.set(true);
            try {
              in.close();
            } catch (IOException ignored) {
              // the reader sees the closed stream
            }
          }, readTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
          byte[] body;
          try {
            body = decoded.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
          } catch (IOException e) {
            if (expired.get()) {
              return new FetchResult.Failed(current, "body not complete after " + readTimeout.toMillis() + " ms (slow or endless body)", true);
            }
            throw e;
          } finally {
            closer.cancel(false);
          }
          if (body.length > maxBytes) {
            return new FetchResult.Failed(current, (decoded == in ? "body" : "decompressed body (" + encoding + ")")
                + " larger than " + maxBytes + " bytes: refused", false);
          }
          return new FetchResult.Fetched(current, status, body, resp.headers().firstValue("Content-Type").orElse(null),
              resp.headers().firstValue("ETag").orElse(null), resp.headers().firstValue("Last-Modified").orElse(null));
        }
      } catch (java.net.http.HttpTimeoutException e) {
        return new FetchResult.Failed(current, "timed out after " + readTimeout.toMillis() + " ms", true);
      } catch (java.util.zip.ZipException e) {
        return new FetchResult.Failed(current, "corrupt compressed body: " + e.getMessage(), false);
      } catch (IOException e) {
        return new FetchResult.Failed(current, "I/O error: " + e.getMessage(), true);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new FetchResult.Failed(current, "interrupted", true);
      }
    }
    return new FetchResult.Failed(url, "more than " + MAX_REDIRECTS + " redirects", false);
  }

  private String checkAddress(String host) {
    if (host == null) {
      return "URL has no host";
    }
    if (allowPrivate) {
      return null;
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        String why = AddressGuard.refusal(a);
        if (why != null) {
          return "refused " + why + " " + a.getHostAddress() + " for host " + host
              + " (set ingest.allow-private-addresses only for tests)";
        }
      }
      return null;
    } catch (UnknownHostException e) {
      return "unknown host " + host;
    }
  }
}
