package io.vigia.enrich.dedup;

import com.carrotsearch.hppc.IntArrayDeque;
import com.carrotsearch.hppc.LongIntHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * LSH buckets in memory: for each band, the stored articles that have the same hash in it, ordered
 * by article time then id ({@link ArticleSlots#compare}); a reader sees the newest few.
 *
 * <p>Why in memory: buckets are derived data (every stored article's bands are in its record), and
 * in a Kafka Streams store they cost dedup's one task some 64 reads and 64 rewrites of a list per
 * article, each a lookup in the record cache's sorted map of byte keys, then RocksDB, the changelog
 * and the broker's log cleaner; the profile of a reprocessing run had them as the largest share of
 * that task's time. {@link DedupState} rebuilds them from the stored articles whenever a state is
 * made (a task that starts, or restarts after its store was restored), so a restarted instance has
 * exactly the buckets it had.
 *
 * <p>Memory: most text buckets have one member (an article without copies); such a bucket is the
 * member's number itself in its band's map, about 16 bytes. Larger ones are arrays. Not
 * thread-safe.
 */
final class BucketIndex {
  private final ArticleSlots slots;
  private final LongIntHashMap[] bands;

  /** Buckets of more than one member; a band's map holds {@code -(index + 1)} for them. */
  private final List<Members> lists = new ArrayList<>();

  private final IntArrayDeque freeLists = new IntArrayDeque();

  BucketIndex(ArticleSlots slots, int bands) {
    this.slots = slots;
    this.bands = new LongIntHashMap[bands];
    for (int b = 0; b < bands; b++) {
      this.bands[b] = new LongIntHashMap();
    }
  }

  void add(int band, long hash, int slot) {
    LongIntHashMap map = bands[band];
    int at = map.indexOf(hash);
    if (!map.indexExists(at)) {
      map.indexInsert(at, hash, slot);
      return;
    }
    int v = map.indexGet(at);
    if (v >= 0) {
      Members m = new Members(v);
      m.insert(slot, slots);
      map.indexReplace(at, encode(store(m)));
    } else {
      lists.get(listIndex(v)).insert(slot, slots);
    }
  }

  void remove(int band, long hash, int slot) {
    LongIntHashMap map = bands[band];
    int at = map.indexOf(hash);
    if (!map.indexExists(at)) {
      return;
    }
    int v = map.indexGet(at);
    if (v >= 0) {
      if (v == slot) {
        map.indexRemove(at);
      }
      return;
    }
    int li = listIndex(v);
    Members m = lists.get(li);
    if (m.remove(slot) && m.size() == 1) {
      map.indexReplace(at, m.first());
      lists.set(li, null);
      freeLists.addLast(li);
    }
  }

  /** Adds the ids of the bucket's newest {@code limit} members to {@code out}, oldest first. */
  void newest(int band, long hash, int limit, List<String> out) {
    int v = bands[band].getOrDefault(hash, Integer.MIN_VALUE);
    if (v == Integer.MIN_VALUE) {
      return;
    }
    if (v >= 0) {
      out.add(slots.id(v));
      return;
    }
    Members m = lists.get(listIndex(v));
    for (int i = Math.max(m.start, m.end - limit); i < m.end; i++) {
      out.add(slots.id(m.slots[i]));
    }
  }

  /** How many article-in-bucket memberships the index holds (for tests). */
  long memberships() {
    long n = 0;
    for (LongIntHashMap map : bands) {
      for (var c : map) {
        n += c.value >= 0 ? 1 : lists.get(listIndex(c.value)).size();
      }
    }
    return n;
  }

  private int store(Members m) {
    if (!freeLists.isEmpty()) {
      int li = freeLists.removeFirst();
      lists.set(li, m);
      return li;
    }
    lists.add(m);
    return lists.size() - 1;
  }

  private static int encode(int listIndex) {
    return -(listIndex + 1);
  }

  private static int listIndex(int encoded) {
    return -encoded - 1;
  }

  /**
   * A bucket's members in order, in {@code slots[start..end)}: the newest are appended, the oldest
   * (evicted first) are dropped from the front without moving the rest.
   */
  private static final class Members {
    int[] slots = new int[4];
    int start;
    int end;

    Members(int first) {
      slots[0] = first;
      end = 1;
    }

    int size() {
      return end - start;
    }

    int first() {
      return slots[start];
    }

    void insert(int slot, ArticleSlots order) {
      int at = end;
      while (at > start && order.compare(slots[at - 1], slot) > 0) {
        at--;
      }
      if (end == slots.length) {
        int n = size();
        int[] grown = n * 2 > slots.length ? Arrays.copyOf(slots, slots.length * 2) : slots;
        System.arraycopy(slots, start, grown, 0, n); // compacts what was dropped from the front
        at -= start;
        start = 0;
        end = n;
        slots = grown;
      }
      System.arraycopy(slots, at, slots, at + 1, end - at);
      slots[at] = slot;
      end++;
    }

    boolean remove(int slot) {
      for (int i = start; i < end; i++) {
        if (slots[i] == slot) {
          if (i == start) {
            start++;
          } else {
            System.arraycopy(slots, i + 1, slots, i, end - i - 1);
            end--;
          }
          return true;
        }
      }
      return false;
    }
  }
}
