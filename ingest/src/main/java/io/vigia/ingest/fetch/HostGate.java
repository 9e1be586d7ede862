package io.vigia.ingest.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per-host politeness for every request ingest makes: at most {@code maxInFlight} requests to a
 * host at once, and at least {@code minDelay} (or the site's Crawl-delay, when longer) between
 * the starts of two requests to it. Shared by all fetching threads; a thread waiting for a busy
 * host holds nothing, so other hosts go on.
 */
public final class HostGate {
  private final Duration minDelay;
  private final int maxInFlight;
  private final Map<String, Host> hosts = new HashMap<>();

  private static final class Host {
    int inFlight;
    long nextStartNanos;
  }

  /** A request slot; closing it lets the next request to the host go. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  public HostGate(Duration minDelay, int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1");
    }
    this.minDelay = minDelay;
    this.maxInFlight = maxInFlight;
  }

  /** No delay, no cap beyond {@code Integer.MAX_VALUE}: for fixtures that are ours. */
  public static HostGate unlimited() {
    return new HostGate(Duration.ZERO, Integer.MAX_VALUE);
  }

  /**
   * Waits until a request to {@code url}'s host may start, at least {@code crawlDelay} (when
   * longer than the configured delay; null for none) after the previous one started.
   */
  public Permit acquire(String url, Duration crawlDelay) throws InterruptedException {
    String key = hostOf(url);
    long delay = Math.max(minDelay.toNanos(), crawlDelay == null ? 0 : crawlDelay.toNanos());
    Host h;
    synchronized (this) {
      while (true) {
        h = hosts.computeIfAbsent(key, k -> new Host()); // again after a wait: an idle entry may have been dropped
        long now = System.nanoTime();
        if (h.inFlight < maxInFlight && now - h.nextStartNanos >= 0) {
          h.inFlight++;
          h.nextStartNanos = now + delay;
          break;
        }
        long waitMs = h.inFlight >= maxInFlight ? 1000 : Math.max(1, (h.nextStartNanos - now) / 1_000_000);
        wait(waitMs);
      }
    }
    Host held = h;
    return () -> {
      synchronized (HostGate.this) {
        held.inFlight--;
        if (held.inFlight == 0 && System.nanoTime() - held.nextStartNanos >= 0) {
          hosts.values().remove(held); // forget idle hosts: hundreds of outlets, not millions of entries
        }
        HostGate.this.notifyAll();
      }
    };
  }

  /** Requests to this host now running (for tests and metrics). */
  public synchronized int inFlight(String url) {
    Host h = hosts.get(hostOf(url));
    return h == null ? 0 : h.inFlight;
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
