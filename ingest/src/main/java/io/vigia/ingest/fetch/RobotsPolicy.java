package io.vigia.ingest.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt for article pages, fetched once per site and kept a day. A missing file (4xx) allows
 * everything; a server error or timeout disallows the site for ten minutes, as RFC 9309 says (the
 * site may be down, and hammering it would not help); a robots.txt we may not fetch at all (refused
 * address) decides nothing, so the page's own fetch reports the real reason.
 */
public final class RobotsPolicy {
  static final Duration KEEP = Duration.ofHours(24);
  static final Duration RETRY_AFTER_ERROR = Duration.ofMinutes(10);

  /** Whether a page may be fetched, and how long to wait between requests to its site. */
  public record Verdict(boolean allowed, String reason, Duration crawlDelay, boolean temporary) {}

  private record Entry(RobotsTxt robots, String unavailable, Instant until) {}

  private final PageFetcher fetcher;
  private final String productToken;
  private final Clock clock;
  private final Map<String, Entry> bySite = new ConcurrentHashMap<>();

  public RobotsPolicy(PageFetcher fetcher, String productToken, Clock clock) {
    this.fetcher = fetcher;
    this.productToken = productToken;
    this.clock = clock;
  }

  public Verdict check(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return new Verdict(true, null, null, false);
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      return new Verdict(true, null, null, false);
    }
    String site = uri.getScheme().toLowerCase() + "://" + uri.getRawAuthority();
    Instant now = clock.instant();
    Entry e = bySite.get(site);
    if (e == null || now.isAfter(e.until())) {
      e = load(site, now);
      bySite.put(site, e);
    }
    if (e.unavailable() != null) {
      return new Verdict(false, e.unavailable(), null, true);
    }
    String path =
        (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return e.robots().allows(path)
        ? new Verdict(true, null, e.robots().crawlDelay(), false)
        : new Verdict(
            false, "disallowed by " + site + "/robots.txt", e.robots().crawlDelay(), false);
  }

  private Entry load(String site, Instant now) {
    FetchResult r = fetcher.fetch(site + "/robots.txt");
    if (r instanceof FetchResult.Fetched f) {
      String text =
          new String(
              f.body(),
              0,
              Math.min(f.body().length, 512 * 1024),
              java.nio.charset.StandardCharsets.UTF_8);
      return new Entry(RobotsTxt.parse(text, productToken), null, now.plus(KEEP));
    }
    if (r instanceof FetchResult.Failed failed && failed.retryable()) {
      return new Entry(
          null,
          "robots.txt unavailable (" + failed.reason() + "); the site is skipped for now",
          now.plus(RETRY_AFTER_ERROR));
    }
    return new Entry(
        RobotsTxt.ALLOW_ALL, null, now.plus(KEEP)); // 4xx, or not ours to fetch: no rules
  }
}
