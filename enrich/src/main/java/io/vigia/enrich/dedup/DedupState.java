package io.vigia.enrich.dedup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dedup's memory: in one {@link DedupStore}, the stored articles ({@code a|id}), their exact keys
 * ({@code x|…}), each story's sources ({@code t|story}), the clock ({@code m|clock}) and the
 * eviction index ({@code e|time|…}) that forgets everything older than the retention, by article
 * time; in memory, what is derived from the stored articles alone: the LSH buckets over the text
 * and over the story features ({@link BucketIndex}) and the feature counts ({@link FeatureCounts}),
 * read back from the stored articles whenever a state is made.
 *
 * <p>A reader sees a bucket's {@code bucketSize} newest members (by article time), so the work per
 * article stays bounded as the state grows. Not thread-safe: one decision at a time.
 */
final class DedupState {
  private static final Logger LOG = LoggerFactory.getLogger(DedupState.class);

  /**
   * LSH bands over the text's MinHash: 32 bands of 4 rows find copies from a Jaccard of about 0.45.
   */
  static final int TEXT_BANDS = 32;

  /**
   * Single-hash bands over the story features: articles sharing a sampled name or figure meet. Two
   * reports of one event in two languages or genres often share a fifth of their features or less
   * (Jaccard 0.1 to 0.3: four to seven names of some thirty); 16 bands, two of which had to agree,
   * left a quarter to a half of them uncompared (P(fewer than 2 of 16) = 0.28 at 0.15, 0.51 at
   * 0.1), and the rules never saw them. 32 bands, one enough, miss 0.5% at 0.15 and 3% at 0.1. The
   * first 16 are the old ones, so a state written with 16 is still read, and its articles still
   * found.
   */
  static final int STORY_BANDS = 32;

  /** Evictions done per article at most, so one article never pays for a long gap. */
  private static final int EVICTIONS_PER_ARTICLE = 256;

  /** Decoded articles kept between decisions: five times the 1,536 one article meets (48 × 32). */
  private static final int ARTICLES_KEPT = 8192;

  private static final String CLOCK = "m|clock";

  /** Past every eviction key ({@code '}'} follows {@code '|'}). */
  private static final String EVICTION_KEYS_END = "e}";

  private static final byte[] EMPTY = new byte[0];

  /**
   * Keys of the layout before the buckets and counts moved to memory ({@code b|}, {@code f|},
   * {@code n|} and {@code m|articles}): a state written then still holds them, and nothing else
   * would ever delete them.
   */
  private static final List<String> OLD_LAYOUT_PREFIXES = List.of("b|", "f|", "n|");

  private static final String OLD_LAYOUT_COUNTED = "m|articles";

  private final DedupStore store;
  private final int bucketSize;
  private final FeatureCounts counts = new FeatureCounts();
  private final ArticleSlots slots = new ArticleSlots();
  private final BucketIndex textBuckets = new BucketIndex(slots, TEXT_BANDS);
  private final BucketIndex storyBuckets = new BucketIndex(slots, STORY_BANDS);

  /**
   * The exact keys read in this decision and what they hold ({@code null}: absent): a decision
   * reads them for the exact match, then again to store the article's own (most are absent, so each
   * read went past the record cache to RocksDB twice). Every write and delete of an exact key goes
   * through this class and updates it; cleared at each decision.
   */
  private final Map<String, byte[]> exactRead = new HashMap<>();

  /**
   * No eviction key is below this one: where the next eviction scan starts. Eviction deletes the
   * index from its oldest end, so a scan from {@code e|} would step over every key deleted before
   * (RocksDB keeps a deletion marker for each until compaction reaches the last level, and Kafka
   * Streams' cache keeps them until the next flush), work that grows with the history. Kept in
   * memory: a new state (a task that starts or restarts) scans from {@code e|} once. See {@link
   * #lowerEvictionFloor}.
   */
  private String evictionFloor = "e|";

  /**
   * No eviction key has an article time below this one, so a decision whose cutoff is not past it
   * has nothing to forget and opens no scan (a store iterator, RocksDB's under the record cache's,
   * for every article: through the whole first retention of a history nothing is due). Known from
   * one look at the oldest key when the state first evicts, raised to the cutoff by each scan that
   * deleted everything below it, lowered to every time keys may be written at ({@link
   * #lowerEvictionFloor}, and this class's own writes).
   */
  private long nothingDueBefore = Long.MAX_VALUE;

  private boolean oldestKeyKnown;

  /**
   * Stored articles decoded most recently ({@code null}: not stored), so that one read for the copy
   * check is not read again for its root or the story, nor by the next articles, which meet the
   * same recent candidates. Every write and delete of a stored article goes through this class and
   * updates it, and a task that starts (or restarts after its store was restored) makes a new
   * state, so it always says what the store says. {@link #ARTICLES_KEPT} at most (a few MB).
   */
  private final Map<String, StoredArticle> articlesRead =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StoredArticle> eldest) {
          return size() > ARTICLES_KEPT;
        }
      };

  /**
   * A state over {@code store} as it is: its stored articles are indexed again (buckets and
   * counts), and what an older layout kept in the store for them is deleted.
   */
  DedupState(DedupStore store, int bucketSize) {
    this.store = store;
    this.bucketSize = bucketSize;
    long start = System.nanoTime();
    store.scan(
        "a|",
        "a}",
        (key, value) -> {
          StoredArticle a = StoredArticle.decode(value);
          index(a);
          counts.add(a, 1);
          return true;
        });
    deleteOldLayout();
    if (slots.size() > 0) {
      LOG.info(
          "dedup: read back {} stored articles into the in-memory buckets and counts in {} ms",
          slots.size(),
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** Forgets the reads of the previous decision and advances the clock to {@code time}. */
  long startDecision(long time) {
    exactRead.clear();
    return advanceClock(time);
  }

  FeatureCounts counts() {
    return counts;
  }

  StoredArticle article(String id) {
    StoredArticle a = articlesRead.get(id);
    if (a == null && !articlesRead.containsKey(id)) {
      byte[] b = store.get("a|" + id);
      a = b == null ? null : StoredArticle.decode(b);
      articlesRead.put(id, a);
    }
    return a;
  }

  /** The article that owns an exact key ({@code x|u|url}, {@code x|g|guid}, {@code x|h|hash}). */
  StoredArticle articleAt(String exactKey) {
    byte[] id = exactOwner(exactKey);
    return id == null ? null : article(new String(id, StandardCharsets.UTF_8));
  }

  /**
   * What the near-copy check compares of a stored article ({@link Fingerprint#textPart}), from
   * memory, or {@code null} when it is not stored.
   */
  Fingerprint textOf(String id) {
    int slot = slots.slot(id);
    return slot < 0 ? null : slots.text(slot);
  }

  /** The ids met in the text bands (candidate copies). */
  List<String> textCandidates(long[] textBands) {
    List<String> out = new ArrayList<>();
    for (int b = 0; b < TEXT_BANDS; b++) {
      textBuckets.newest(b, textBands[b], bucketSize, out);
    }
    return out;
  }

  /** The ids met in each story band, one list per band that the fingerprint has a hash for. */
  List<List<String>> storyBuckets(Fingerprint fp) {
    List<List<String>> out = new ArrayList<>();
    int[] sig = fp.featureMinHash(STORY_BANDS);
    for (int b = 0; b < STORY_BANDS; b++) {
      if (sig[b] != Integer.MAX_VALUE) {
        List<String> members = new ArrayList<>();
        storyBuckets.newest(b, sig[b], bucketSize, members);
        out.add(members);
      }
    }
    return out;
  }

  /** Stores an article, in place of the version of it stored before, if any. */
  void remember(StoredArticle a) {
    StoredArticle before = article(a.id());
    if (before != null) {
      counts.add(before, -1);
      unindex(before);
    }
    store.put("a|" + a.id(), a.encode());
    articlesRead.put(a.id(), a);
    counts.add(a, 1);
    index(a);
    store.put(evictionKey(a.time(), "a|" + a.id()), EMPTY);
    keysWrittenAt(a.time());
    byte[] id = a.id().getBytes(StandardCharsets.UTF_8);
    putIfAbsent("x|u|" + a.canonicalUrl(), id, a.canonicalUrl() != null);
    putIfAbsent("x|g|" + a.guidKey(), id, a.guidKey() != null);
    putIfAbsent(
        "x|h|" + a.contentHash(), id, a.contentHash() != null && !a.contentHash().isBlank());
  }

  void forget(StoredArticle a) {
    store.delete("a|" + a.id());
    articlesRead.put(a.id(), null);
    counts.add(a, -1);
    store.delete(evictionKey(a.time(), "a|" + a.id()));
    deleteIfOwned("x|u|" + a.canonicalUrl(), a.id(), a.canonicalUrl() != null);
    deleteIfOwned("x|g|" + a.guidKey(), a.id(), a.guidKey() != null);
    deleteIfOwned("x|h|" + a.contentHash(), a.id(), a.contentHash() != null);
    unindex(a);
  }

  /** Takes a stored article out of its buckets. */
  private void unindex(StoredArticle a) {
    int slot = slots.slot(a.id());
    if (slot < 0) {
      return;
    }
    forEachBucket(a, slot, BucketIndex::remove);
    slots.remove(slot);
  }

  /** Puts a stored article in the buckets of its text and story bands. */
  private void index(StoredArticle a) {
    forEachBucket(a, slots.add(a.id(), a.time(), a.fingerprint().textPart()), BucketIndex::add);
  }

  /**
   * What is done to one bucket of an article: {@link BucketIndex#add} or {@link
   * BucketIndex#remove}.
   */
  private interface BucketChange {
    void apply(BucketIndex buckets, int band, long hash, int slot);
  }

  /** Applies {@code change} to each bucket the article is in: its text bands, its story bands. */
  private void forEachBucket(StoredArticle a, int slot, BucketChange change) {
    long[] bands = a.fingerprint().bands(TEXT_BANDS);
    for (int b = 0; b < TEXT_BANDS; b++) {
      change.apply(textBuckets, b, bands[b], slot);
    }
    int[] sig = a.fingerprint().featureMinHash(STORY_BANDS);
    for (int b = 0; b < STORY_BANDS; b++) {
      if (sig[b] != Integer.MAX_VALUE) {
        change.apply(storyBuckets, b, sig[b], slot);
      }
    }
  }

  /** How many articles are indexed in memory (for tests). */
  int indexed() {
    return slots.size();
  }

  /** How many article-in-bucket memberships the text and story buckets hold (for tests). */
  long memberships() {
    return textBuckets.memberships() + storyBuckets.memberships();
  }

  /** Deletes the keys an older layout kept for the buckets and counts, in chunks, once. */
  private void deleteOldLayout() {
    for (String prefix : OLD_LAYOUT_PREFIXES) {
      String to = prefix.charAt(0) + "}";
      String from = prefix;
      List<String> chunk = new ArrayList<>();
      do {
        chunk.clear();
        store.scan(from, to, (key, value) -> chunk.add(key) && chunk.size() < 10_000);
        chunk.forEach(store::delete);
        if (!chunk.isEmpty()) {
          from = chunk.get(chunk.size() - 1) + '\0'; // the next key after the last one deleted
        }
      } while (chunk.size() == 10_000);
    }
    if (store.get(OLD_LAYOUT_COUNTED) != null) {
      store.delete(OLD_LAYOUT_COUNTED);
    }
  }

  // ---------------------------------------------------------------- story sources

  int storySources(String storyId) {
    return Math.max(1, StringLists.items(store.get("t|" + storyId)).size());
  }

  /** Adds the source to the story's sources; returns how many distinct sources it has now. */
  int addSource(String storyId, String source, long time) {
    String key = "t|" + storyId;
    byte[] old = store.get(key);
    List<String> sources = StringLists.items(old);
    long last = old == null ? time : Math.max(time, StringLists.number(old));
    boolean added = !sources.contains(source);
    if (added) {
      sources.add(source);
    }
    if (old != null && last == StringLists.number(old)) {
      // The story's eviction key stays as it is (deleting and writing it back changes nothing), and
      // so does its entry unless the source is new.
      if (added) {
        store.put(key, StringLists.encode(last, sources));
      }
      return sources.size();
    }
    if (old != null) {
      store.delete(evictionKey(StringLists.number(old), key));
    }
    store.put(key, StringLists.encode(last, sources));
    store.put(evictionKey(last, key), EMPTY);
    keysWrittenAt(last);
    return sources.size();
  }

  // ---------------------------------------------------------------- keys and buckets

  private void putIfAbsent(String key, byte[] value, boolean applies) {
    if (applies && exactOwner(key) == null) {
      store.put(key, value);
      exactRead.put(key, value);
    }
  }

  private void deleteIfOwned(String key, String id, boolean applies) {
    if (!applies) {
      return;
    }
    byte[] owner = exactOwner(key);
    if (owner != null && new String(owner, StandardCharsets.UTF_8).equals(id)) {
      store.delete(key);
      exactRead.put(key, null);
    }
  }

  /** What an exact key holds (the owner's id), read from the store once per decision. */
  private byte[] exactOwner(String key) {
    if (exactRead.containsKey(key)) {
      return exactRead.get(key);
    }
    byte[] owner = store.get(key);
    exactRead.put(key, owner);
    return owner;
  }

  // ---------------------------------------------------------------- time

  private long advanceClock(long time) {
    byte[] b = store.get(CLOCK);
    long clock = b == null ? time : Math.max(time, StringLists.number(b));
    if (b == null || clock != StringLists.number(b)) {
      store.put(CLOCK, StringLists.encode(clock, List.of()));
    }
    return clock;
  }

  /**
   * Forgets articles and stories whose article time is before the cutoff, at most {@link
   * #EVICTIONS_PER_ARTICLE} of them, the oldest first.
   */
  void evictOlderThan(long cutoff) {
    if (cutoff <= 0) {
      return;
    }
    String to = evictionKey(cutoff, "");
    if (evictionFloor.compareTo(to) >= 0) {
      return; // nothing below the floor, and the floor is past the cutoff
    }
    if (!oldestKeyKnown) {
      List<String> oldest = store.keys(evictionFloor, EVICTION_KEYS_END, 1);
      keysWrittenAt(oldest.isEmpty() ? Long.MAX_VALUE : timeOf(oldest.get(0)));
      oldestKeyKnown = true;
    }
    if (cutoff <= nothingDueBefore) {
      evictionFloor = to; // where a scan that found nothing would have left it
      return;
    }
    List<String> due = store.keys(evictionFloor, to, EVICTIONS_PER_ARTICLE);
    // Every key below `to` is deleted below, or, when the limit was reached, every key up to the
    // last one: the next scan starts there.
    evictionFloor = due.size() < EVICTIONS_PER_ARTICLE ? to : due.get(due.size() - 1);
    if (due.size() < EVICTIONS_PER_ARTICLE) {
      nothingDueBefore = Math.max(nothingDueBefore, cutoff);
    }
    for (String key : due) {
      String target = key.substring(key.indexOf('|', 2) + 1);
      if (target.startsWith("a|")) {
        StoredArticle a = article(target.substring(2));
        if (a != null) {
          forget(a);
        }
      } else {
        store.delete(target);
      }
      store.delete(key);
    }
  }

  /**
   * Says that eviction keys of article time {@code time} or later may be written from now on, by
   * this state or beside it ({@link DedupEngine#evictionKey}). An article older than the cutoff
   * (one that arrives more than a retention late) writes its keys below the floor, so the floor
   * goes down to them and the next decision forgets it, as a scan from {@code e|} would.
   */
  void lowerEvictionFloor(long time) {
    String key = evictionKey(time, "");
    if (key.compareTo(evictionFloor) < 0) {
      evictionFloor = key;
    }
    keysWrittenAt(time);
  }

  /** Eviction keys of article time {@code time} or later may be in the store. */
  private void keysWrittenAt(long time) {
    nothingDueBefore = Math.min(nothingDueBefore, Math.max(0, time));
  }

  /** The article time of an eviction key. */
  private static long timeOf(String evictionKey) {
    return Long.parseUnsignedLong(evictionKey.substring(2, 18), 16);
  }

  static String evictionKey(long time, String target) {
    String hex = Long.toHexString(Math.max(0, time));
    return "e|" + "0000000000000000".substring(hex.length()) + hex + "|" + target;
  }
}
