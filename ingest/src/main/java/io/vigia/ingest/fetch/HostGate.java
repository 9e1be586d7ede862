package io.vigia.ingest.fetch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Per-host politeness for every request ingest makes: at most {@code maxInFlight} requests to a
 * host at once, at least {@code minDelay} (or the site's Crawl-delay, when longer) between the
 * starts of two requests to it, and no request before a host's "not before": the end of a
 * Retry-After any of its responses sent (429 or 503, to a feed, an article or robots.txt alike), or
 * of an exponential backoff after server errors. Shared by all fetching threads; a thread waiting
 * for a busy host holds nothing, so other hosts go on, and a request that could not start before
 * its deadline fails at once instead of holding its thread.
 */
public final class HostGate {
  /**
   * First wait after a server error (5xx, or 429 without Retry-After); doubles per error in a row.
   */
  static final Duration ERROR_BACKOFF = Duration.ofSeconds(2);

  /** Longest wait after server errors in a row. */
  static final Duration MAX_ERROR_BACKOFF = Duration.ofMinutes(10);

  private final Duration minDelay;
  private final int maxInFlight;
  private final Map<String, Host> hosts = new HashMap<>();

  private static final class Host {
    int inFlight;
    long nextStartNanos;

    /** No request before this (Retry-After or error backoff); {@code notBeforeSet} false: none. */
    long notBeforeNanos;

    boolean notBeforeSet;
    String notBeforeReason;
    int errorStreak;
  }

  /** A request slot; closing it lets the next request to the host go. */
  public interface Permit extends AutoCloseable {
    /**
     * When the gate let the request start ({@link System#nanoTime()}): the next request to the host
     * starts no earlier than the delay after it.
     */
    long grantedAtNanos();

    /**
     * What the host answered: a Retry-After on 429/503 holds every request to the host until it has
     * passed; a server error starts (or extends) an exponential backoff; anything else ends it.
     */
    default void answered(int status, Duration retryAfter) {}

    @Override
    void close();
  }

  /**
   * The host may not be asked before {@code wait} from now has passed, which is after the caller's
   * deadline.
   */
  public static final class Deferred extends Exception {
    private final Duration wait;

    Deferred(String message, Duration wait) {
      super(message, null, false, false);
      this.wait = wait;
    }

    /** How long until the host may be asked again. */
    public Duration waitFor() {
      return wait;
    }
  }

  public HostGate(Duration minDelay, int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1");
    }
    this.minDelay = minDelay;
    this.maxInFlight = maxInFlight;
  }

  /**
   * No delay, no cap beyond {@code Integer.MAX_VALUE}: for fixtures that are ours. Retry-After
   * still holds.
   */
  public static HostGate unlimited() {
    return new HostGate(Duration.ZERO, Integer.MAX_VALUE);
  }

  /**
   * Waits until a request to {@code url}'s host may start, at least {@code crawlDelay} (when longer
   * than the configured delay; null for none) after the previous one started.
   */
  public Permit acquire(String url, Duration crawlDelay) throws InterruptedException {
    try {
      return acquire(url, crawlDelay, Long.MAX_VALUE);
    } catch (Deferred e) {
      throw new IllegalStateException("no deadline, yet deferred", e);
    }
  }

  /**
   * As {@link #acquire(String, Duration)}, giving up with {@link Deferred} when the request could
   * not start before {@code deadlineNanos} ({@link System#nanoTime()}; {@code Long.MAX_VALUE}:
   * none).
   */
  public Permit acquire(String url, Duration crawlDelay, long deadlineNanos)
      throws InterruptedException, Deferred {
    String key = hostOf(url);
    long delay = Math.max(minDelay.toNanos(), crawlDelay == null ? 0 : crawlDelay.toNanos());
    boolean deadline = deadlineNanos != Long.MAX_VALUE;
    Host h;
    long granted;
    synchronized (this) {
      while (true) {
        h =
            hosts.computeIfAbsent(
                key, k -> new Host()); // again after a wait: an idle entry may have been dropped
        long now = System.nanoTime();
        long startAt =
            h.notBeforeSet && h.notBeforeNanos - h.nextStartNanos > 0
                ? h.notBeforeNanos
                : h.nextStartNanos;
        if (h.inFlight < maxInFlight && now - startAt >= 0) {
          h.inFlight++;
          h.nextStartNanos = now + delay;
          granted = now;
          break;
        }
        if (deadline && h.inFlight < maxInFlight && startAt - deadlineNanos > 0) {
          Duration wait = Duration.ofNanos(startAt - now);
          throw new Deferred(
              key
                  + " may not be asked for "
                  + wait.toSeconds()
                  + " s more"
                  + (h.notBeforeSet && h.notBeforeNanos == startAt && h.notBeforeReason != null
                      ? " (" + h.notBeforeReason + ")"
                      : "")
                  + ": not asked before then",
              wait);
        }
        if (deadline && now - deadlineNanos >= 0) {
          throw new Deferred(
              key + " had " + h.inFlight + " requests in flight until this request's deadline",
              Duration.ZERO);
        }
        long waitMs = h.inFlight >= maxInFlight ? 1000 : Math.max(1, (startAt - now) / 1_000_000);
        if (deadline) {
          waitMs = Math.max(1, Math.min(waitMs, (deadlineNanos - now) / 1_000_000));
        }
        wait(waitMs);
      }
    }
    Host held = h;
    long grantedAt = granted;
    return new Permit() {
      @Override
      public long grantedAtNanos() {
        return grantedAt;
      }

      @Override
      public void answered(int status, Duration retryAfter) {
        synchronized (HostGate.this) {
          long now = System.nanoTime();
          if ((status == 429 || status == 503)
              && retryAfter != null
              && retryAfter.compareTo(Duration.ZERO) > 0) {
            deferHost(
                held,
                now + retryAfter.toNanos(),
                "HTTP "
                    + status
                    + " Retry-After "
                    + retryAfter.toSeconds()
                    + " s, until "
                    + Instant.now().plus(retryAfter));
          } else if (status >= 500 || status == 429) {
            held.errorStreak++;
            Duration wait = backoff(held.errorStreak);
            deferHost(
                held,
                now + wait.toNanos(),
                held.errorStreak + " server errors in a row (HTTP " + status + "): backing off");
          } else {
            held.errorStreak = 0;
          }
        }
      }

      @Override
      public void close() {
        synchronized (HostGate.this) {
          held.inFlight--;
          long now = System.nanoTime();
          boolean idle =
              held.inFlight == 0
                  && now - held.nextStartNanos >= 0
                  && (!held.notBeforeSet || now - held.notBeforeNanos >= 0);
          if (idle && held.errorStreak == 0) {
            hosts
                .values()
                .remove(held); // forget idle hosts: hundreds of outlets, not millions of entries
          }
          HostGate.this.notifyAll();
        }
      }
    };
  }

  private static void deferHost(Host h, long untilNanos, String reason) {
    if (!h.notBeforeSet || untilNanos - h.notBeforeNanos > 0) {
      h.notBeforeNanos = untilNanos;
      h.notBeforeSet = true;
      h.notBeforeReason = reason;
    }
  }

  /**
   * {@link #ERROR_BACKOFF} × 2^(streak-1), at most {@link #MAX_ERROR_BACKOFF}, ±20 % jitter so
   * hosts recover unsynchronised.
   */
  static Duration backoff(int streak) {
    long ms = ERROR_BACKOFF.toMillis();
    for (int i = 1; i < streak && ms < MAX_ERROR_BACKOFF.toMillis(); i++) {
      ms *= 2;
    }
    ms = Math.min(ms, MAX_ERROR_BACKOFF.toMillis());
    return Duration.ofMillis((long) (ms * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
  }

  /** Requests to this host now running (for tests and metrics). */
  public synchronized int inFlight(String url) {
    Host h = hosts.get(hostOf(url));
    return h == null ? 0 : h.inFlight;
  }

  /**
   * How long until the host may be asked again because it asked us to wait or kept failing; zero
   * when it may now.
   */
  public synchronized Duration heldFor(String url) {
    Host h = hosts.get(hostOf(url));
    if (h == null || !h.notBeforeSet) {
      return Duration.ZERO;
    }
    long left = h.notBeforeNanos - System.nanoTime();
    return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
  }

  /** host:port: one server. Real outlets use the default ports, so this is the host. */
  static String hostOf(String url) {
    try {
      URI u = URI.create(url);
      return u.getHost() == null ? url : u.getHost().toLowerCase(Locale.ROOT) + ":" + u.getPort();
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}
