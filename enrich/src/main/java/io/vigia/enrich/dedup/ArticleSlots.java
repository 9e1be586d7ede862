package io.vigia.enrich.dedup;

import com.carrotsearch.hppc.IntArrayDeque;
import com.carrotsearch.hppc.ObjectIntHashMap;
import java.util.Arrays;

/**
 * The stored articles numbered, for the in-memory buckets ({@link BucketIndex}): a bucket member is
 * an int rather than an id, and members are ordered by article time, then id, so the order is the
 * same however the articles came in (live, or read back from the store when a state is made). Each
 * keeps the part of its fingerprint the near-copy check compares ({@link Fingerprint#textPart}), so
 * that the candidates of that check, many of them older than the decoded articles kept, are not
 * read from the store only to be found different. A forgotten article's number goes to the next
 * one. Not thread-safe.
 */
final class ArticleSlots {
  private final ObjectIntHashMap<String> slotOf = new ObjectIntHashMap<>();
  private final IntArrayDeque free = new IntArrayDeque();
  private String[] ids = new String[1024];
  private long[] times = new long[1024];
  private Fingerprint[] texts = new Fingerprint[1024];
  private int used;

  /** Numbers a stored article; it must not hold a number already. */
  int add(String id, long time, Fingerprint text) {
    if (slotOf.containsKey(id)) {
      throw new IllegalStateException("article " + id + " is indexed already");
    }
    int slot;
    if (!free.isEmpty()) {
      slot = free.removeFirst();
    } else {
      if (used == ids.length) {
        ids = Arrays.copyOf(ids, used * 2);
        times = Arrays.copyOf(times, used * 2);
        texts = Arrays.copyOf(texts, used * 2);
      }
      slot = used++;
    }
    ids[slot] = id;
    times[slot] = time;
    texts[slot] = text;
    slotOf.put(id, slot);
    return slot;
  }

  /** The article's number, or -1 when it is not indexed. */
  int slot(String id) {
    return slotOf.getOrDefault(id, -1);
  }

  void remove(int slot) {
    slotOf.remove(ids[slot]);
    ids[slot] = null;
    texts[slot] = null;
    free.addLast(slot);
  }

  String id(int slot) {
    return ids[slot];
  }

  /** What the near-copy check compares of the article ({@link Fingerprint#textPart}). */
  Fingerprint text(int slot) {
    return texts[slot];
  }

  /** Older article time first; the same time, by id. */
  int compare(int a, int b) {
    int c = Long.compare(times[a], times[b]);
    return c != 0 ? c : ids[a].compareTo(ids[b]);
  }

  /** How many articles are numbered. */
  int size() {
    return slotOf.size();
  }
}
