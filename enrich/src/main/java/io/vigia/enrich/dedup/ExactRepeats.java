package io.vigia.enrich.dedup;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The cheap first dedup check: for each article id (the id of its canonical URL), the content hash
 * it was last published with. The same id with the same hash again is an exact replay (ingest
 * fetched it twice around a crash or a feed hand-over, a producer retried) and needs neither
 * analysis nor the full {@link DedupEngine}; the same id with another hash is an update and goes
 * on.
 *
 * <p>Like the engine it forgets by article time, not wall clock: the clock is the largest article
 * time remembered, and entries older than {@code retention} behind it are evicted (at most 256 per
 * article remembered, so a long gap is paid in small steps). A backfill therefore behaves as the
 * live stream did and the state stays bounded by one retention period of articles.
 *
 * <p>Keys: {@code a|id} (time, hash), {@code e|time|id} the eviction index, {@code m|clock}. In the
 * topology the store is per input partition, which is enough: the raw topic is keyed by the article
 * id, so every copy of one canonical URL lands on the same partition.
 */
public final class ExactRepeats {
  private static final int EVICTIONS_PER_ARTICLE = 256;
  private static final String CLOCK = "m|clock";
  private static final byte[] EMPTY = new byte[0];

  /** Past every eviction key ({@code '}'} follows {@code '|'}). */
  private static final String EVICTION_KEYS_END = "e}";

  private final DedupStore store;
  private final long retentionMillis;

  /**
   * No eviction key is below this one: where the next eviction scan starts, so that it does not
   * step over the deletion markers of every key evicted before (work that would grow with the
   * history). Keys are only written at or after the cutoff, which only grows, so the floor holds.
   */
  private String evictionFloor = "e|";

  /**
   * No eviction key has an article time below this one, so an article whose cutoff is not past it
   * has nothing to forget and opens no scan (a store iterator, RocksDB's under the record cache's,
   * for every article remembered: through the whole first retention of a history nothing is due).
   * Known from one look at the oldest key when this instance first evicts, raised to the cutoff by
   * each scan that deleted everything below it, lowered by each key written. Only this class writes
   * eviction keys to its store.
   */
  private long nothingDueBefore;

  private boolean oldestKeyKnown;

  public ExactRepeats(DedupStore store, Duration retention) {
    this.store = Objects.requireNonNull(store);
    this.retentionMillis = retention.toMillis();
  }

  /** True when {@code id} was remembered with this very content hash and is not yet forgotten. */
  public boolean isRepeat(String id, String contentHash) {
    if (contentHash == null || contentHash.isBlank()) {
      return false; // nothing to compare: the full dedup decides
    }
    byte[] seen = store.get(articleKey(id));
    if (seen == null) {
      return false;
    }
    List<String> hash = StringLists.items(seen);
    return !hash.isEmpty()
        && hash.get(0).equals(contentHash)
        && StringLists.number(seen) >= clock() - retentionMillis;
  }

  /**
   * Remembers that {@code id} went on with this content hash; {@code time} is the article's own
   * time (epoch ms).
   */
  public void remember(String id, String contentHash, long time) {
    if (contentHash == null || contentHash.isBlank()) {
      return;
    }
    long clock = advanceClock(time);
    long cutoff = clock - retentionMillis;
    evictOlderThan(cutoff);
    byte[] old = store.get(articleKey(id));
    long at = time;
    if (old != null) {
      long oldTime = StringLists.number(old);
      store.delete(evictionKey(oldTime, id));
      at = Math.max(time, oldTime);
    }
    if (at < cutoff) {
      store.delete(articleKey(id)); // already beyond retention: it would be forgotten at once
      return;
    }
    store.put(articleKey(id), StringLists.encode(at, List.of(contentHash)));
    store.put(evictionKey(at, id), EMPTY);
    nothingDueBefore = Math.min(nothingDueBefore, at);
  }

  /** Articles remembered now (reads the whole index: for tests and diagnostics). */
  public int size() {
    return store.keys("a|", "a}", Integer.MAX_VALUE).size();
  }

  private long clock() {
    byte[] b = store.get(CLOCK);
    return b == null ? Long.MIN_VALUE / 2 : StringLists.number(b);
  }

  private long advanceClock(long time) {
    byte[] b = store.get(CLOCK);
    long clock = b == null ? time : Math.max(time, StringLists.number(b));
    if (b == null || clock != StringLists.number(b)) {
      store.put(CLOCK, StringLists.encode(clock, List.of()));
    }
    return clock;
  }

  private void evictOlderThan(long cutoff) {
    if (cutoff <= 0) {
      return;
    }
    String to = "e|" + hex(cutoff);
    if (evictionFloor.compareTo(to) >= 0) {
      return;
    }
    if (!oldestKeyKnown) {
      List<String> oldest = store.keys(evictionFloor, EVICTION_KEYS_END, 1);
      nothingDueBefore = oldest.isEmpty() ? Long.MAX_VALUE : timeOf(oldest.get(0));
      oldestKeyKnown = true;
    }
    if (cutoff <= nothingDueBefore) {
      evictionFloor = to; // every key is at the cutoff or later
      return;
    }
    List<String> due = store.keys(evictionFloor, to, EVICTIONS_PER_ARTICLE);
    if (due.size() < EVICTIONS_PER_ARTICLE) {
      evictionFloor = to;
      nothingDueBefore = cutoff; // every key below the cutoff is deleted below
    } else {
      evictionFloor = due.get(due.size() - 1); // more may be due: the next article goes on
    }
    for (String key : due) {
      String id = key.substring(key.indexOf('|', 2) + 1);
      store.delete(articleKey(id));
      store.delete(key);
    }
  }

  /** The article time of an eviction key. */
  private static long timeOf(String evictionKey) {
    return Long.parseUnsignedLong(evictionKey.substring(2, 18), 16);
  }

  private static String articleKey(String id) {
    return "a|" + id;
  }

  private static String evictionKey(long time, String id) {
    return "e|" + hex(time) + "|" + id;
  }

  private static String hex(long time) {
    String hex = Long.toHexString(Math.max(0, time));
    return "0000000000000000".substring(hex.length()) + hex;
  }
}
