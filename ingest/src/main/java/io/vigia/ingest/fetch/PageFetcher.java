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

  private final HttpClient client;
  private final String userAgent;
  private final boolean allowPrivate;
  private final long maxBytes;
  private final Duration readTimeout;

  public PageFetcher(String userAgent, boolean allowPrivate, long maxBytes, Duration connectTimeout, Duration readTimeout) {
    this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.userAgent = userAgent;
    this.allowPrivate = allowPrivate;
    this.maxBytes = maxBytes;
    this.readTimeout = readTimeout;
  }

  public FetchResult fetch(String url) {
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
      String refusal = checkAddress(uri.getHost());
      if (refusal != null) {
        return new FetchResult.Failed(current, refusal, false);
      }
      HttpRequest req = HttpRequest.newBuilder(uri).timeout(readTimeout).header("User-Agent", userAgent)
          .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5")
          .GET().build();
      try {
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
            return new FetchResult.Failed(current, "HTTP " + status, status == 429 || status >= 500);
          }
          byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
          if (body.length > maxBytes) {
            return new FetchResult.Failed(current, "body larger than " + maxBytes + " bytes", false);
          }
          return new FetchResult.Fetched(current, status, body, resp.headers().firstValue("Content-Type").orElse(null),
              resp.headers().firstValue("ETag").orElse(null), resp.headers().firstValue("Last-Modified").orElse(null));
        }
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
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
            || a.isMulticastAddress()) {
          return "refused private or loopback address " + a.getHostAddress() + " for host " + host;
        }
      }
      return null;
    } catch (UnknownHostException e) {
      return "unknown host " + host;
    }
  }
}
