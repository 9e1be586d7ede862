package io.vigia.ingest.feed;

import io.vigia.schemas.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One feed's items whose fetch failed for a reason that may pass (a timeout, a 5xx, a host that
 * asked us to wait, robots.txt unavailable, the broker refusing the article). They are retried at
 * the feed's polls once due, whatever the feed answers (a 304 included): backoff from the poll
 * interval, ×2 per failure with ±20 % jitter, never before a Retry-After, and given up after {@link
 * #MAX_ATTEMPTS} attempts. At most {@link #MAX_ITEMS} wait; beyond that the oldest is given up.
 * Synchronized: producer callbacks add to it too.
 */
public final class ItemRetries {
  public static final int MAX_ATTEMPTS = 5;
  public static final int MAX_ITEMS = 50;
  static final Duration MAX_BACKOFF = Duration.ofHours(6);

  /** One item waiting: its last failure and when it may be tried again. */
  public record Entry(FeedItem item, String key, int attempts, Instant due, String reason) {
    /** As the feed state keeps it: the item's feed text (summary, content) is not kept. */
    FeedState.Retry persisted() {
      return new FeedState.Retry(
          key,
          item.link(),
          item.guid(),
          item.title(),
          item.publishedAt(),
          item.language(),
          item.image(),
          attempts,
          due,
          reason);
    }

    static Entry restored(FeedState.Retry r) {
      FeedItem item =
          new FeedItem(
              r.link(), r.guid(), r.title(), r.publishedAt(), null, r.language(), null, r.image());
      return new Entry(item, r.key(), r.attempts(), r.due(), r.reason());
    }
  }

  /** What became of a failure handed to {@link #failed}. */
  public sealed interface Outcome {
    record Scheduled(Instant due) implements Outcome {}

    record GaveUp(Entry entry) implements Outcome {}
  }

  private final Map<String, Entry> byKey = new LinkedHashMap<>();

  public ItemRetries() {}

  /** Restored from its {@link #snapshot()} (the items' feed text is not kept across restarts). */
  public ItemRetries(List<FeedState.Retry> entries) {
    entries.forEach(r -> byKey.put(r.key(), Entry.restored(r)));
  }

  /**
   * Records a failed attempt at {@code key}: scheduled again, or given up after the last attempt.
   * Adding to a full list gives up the oldest entry instead, returned as well.
   */
  public synchronized List<Outcome> failed(
      FeedItem item, String key, String reason, Duration retryAfter, Instant now, Duration base) {
    List<Outcome> out = new ArrayList<>();
    Entry old = byKey.remove(key);
    int attempts = old == null ? 1 : old.attempts() + 1;
    if (attempts >= MAX_ATTEMPTS) {
      out.add(new Outcome.GaveUp(new Entry(item, key, attempts, null, reason)));
      return out;
    }
    Duration wait = backoff(base, attempts);
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
      wait = retryAfter;
    }
    if (byKey.size() >= MAX_ITEMS) {
      String oldest = byKey.keySet().iterator().next();
      out.add(new Outcome.GaveUp(byKey.remove(oldest)));
    }
    Instant due = now.plus(wait);
    byKey.put(key, new Entry(item, key, attempts, due, reason));
    out.add(0, new Outcome.Scheduled(due));
    return out;
  }

  /** The item is in (fetched, or fetched by another feed, or failed for good): no more retries. */
  public synchronized void done(String key) {
    byKey.remove(key);
  }

  /** Entries due at {@code now}, oldest first. */
  public synchronized List<Entry> due(Instant now) {
    return byKey.values().stream().filter(e -> !now.isBefore(e.due())).toList();
  }

  public synchronized boolean contains(String key) {
    return byKey.containsKey(key);
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(byKey.values());
  }

  /** What survives a restart (kept in the feed's record of the compacted feed-state topic). */
  public synchronized List<FeedState.Retry> snapshot() {
    return byKey.values().stream().map(Entry::persisted).toList();
  }

  public synchronized int size() {
    return byKey.size();
  }

  /** {@code base * 2^(attempts-1)}, capped at {@link #MAX_BACKOFF}, ±20 % jitter. */
  static Duration backoff(Duration base, int attempts) {
    long ms = Math.max(1, base.toMillis());
    for (int i = 1; i < attempts && ms < MAX_BACKOFF.toMillis(); i++) {
      ms *= 2;
    }
    ms = Math.min(ms, MAX_BACKOFF.toMillis());
    return Duration.ofMillis((long) (ms * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
  }
}
