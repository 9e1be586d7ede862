package io.vigia.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The canonical URLs ingest fetched (from every instance, through the compacted topic {@code
 * vigia.ingest.seen}), each with when it was fetched, remembered for {@code retention}: older ones
 * are forgotten, so memory and the topic stay bounded over months of running. A feed that still
 * lists an article remembers it itself ({@link io.vigia.ingest.feed.FeedItemMemory}), so forgetting
 * here refetches only an article that comes back after the retention.
 */
final class SeenUrls {
  private final Duration retention;
  private final Map<String, Long> fetchedAtMillis = new ConcurrentHashMap<>();

  SeenUrls(Duration retention) {
    this.retention = retention;
  }

  boolean contains(String url) {
    return fetchedAtMillis.containsKey(url);
  }

  /** This process fetched (or decided not to fetch) {@code url} at {@code at}. */
  void add(String url, Instant at) {
    fetchedAtMillis.merge(url, at.toEpochMilli(), Math::max);
  }

  void remove(String url) {
    fetchedAtMillis.remove(url);
  }

  /**
   * A record of the topic: a fetch time (ISO instant; unreadable: now), or a tombstone. Entries
   * already past the retention are not loaded. A tombstone removes only an entry that is itself
   * past the retention here: another instance's clean-up must not forget what was fetched since.
   */
  void learn(String url, String value, Instant now) {
    if (value == null) {
      fetchedAtMillis.computeIfPresent(url, (k, at) -> expired(at, now) ? null : at);
      return;
    }
    Instant at;
    try {
      at = Instant.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      at = now;
    }
    if (!expired(at.toEpochMilli(), now)) {
      add(url, at);
    }
  }

  /**
   * Forgets every URL fetched longer than the retention ago and returns them (to delete from the
   * topic).
   */
  List<String> expire(Instant now) {
    List<String> gone = new ArrayList<>();
    fetchedAtMillis.forEach(
        (url, at) -> {
          if (expired(at, now) && fetchedAtMillis.remove(url, at)) {
            gone.add(url);
          }
        });
    return gone;
  }

  int size() {
    return fetchedAtMillis.size();
  }

  private boolean expired(long atMillis, Instant now) {
    return now.toEpochMilli() - atMillis > retention.toMillis();
  }
}
