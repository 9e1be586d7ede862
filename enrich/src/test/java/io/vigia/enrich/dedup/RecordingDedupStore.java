package io.vigia.enrich.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * A memory store that records what is asked of it, for tests of the traffic dedup and the figure
 * tables make: the keys read (per decision, see {@link #nextDecision()}), the keys deleted, where
 * each key scan started, and the writes that left the store as it was.
 */
public final class RecordingDedupStore implements DedupStore {
  /** The store itself, to look at without being recorded. */
  public final MemoryDedupStore map = new MemoryDedupStore();

  /** How often each key was read since the last {@link #nextDecision()}. */
  public final Map<String, Integer> reads = new HashMap<>();

  /** Every key deleted, in order. */
  public final List<String> deletes = new ArrayList<>();

  /** Where each entry scan ({@link #scan}: a state reading its articles back) started, in order. */
  public final List<String> entryScansFrom = new ArrayList<>();

  /** Where each key scan started, in order. */
  public final List<String> scansFrom = new ArrayList<>();

  /**
   * The writes that changed nothing: a value rewritten to itself, a key deleted and written back
   * within one decision, an absent key deleted.
   */
  public final List<String> idle = new ArrayList<>();

  /** What keys deleted since the last {@link #nextDecision()} held. */
  private final Map<String, byte[]> deleted = new HashMap<>();

  /** Starts counting reads and deletes written back afresh, for the next decision. */
  public void nextDecision() {
    reads.clear();
    deleted.clear();
  }

  @Override
  public byte[] get(String key) {
    reads.merge(key, 1, Integer::sum);
    return map.get(key);
  }

  @Override
  public void put(String key, byte[] value) {
    byte[] old = map.get(key);
    if (Arrays.equals(old, value)) {
      idle.add("rewrote " + key);
    } else if (deleted.containsKey(key) && Arrays.equals(deleted.get(key), value)) {
      idle.add("deleted and wrote back " + key);
    }
    map.put(key, value);
  }

  @Override
  public void delete(String key) {
    byte[] old = map.get(key);
    if (old == null) {
      idle.add("deleted absent " + key);
    }
    deletes.add(key);
    deleted.put(key, old);
    map.delete(key);
  }

  @Override
  public List<String> keys(String from, String to, int limit) {
    scansFrom.add(from);
    return map.keys(from, to, limit);
  }

  @Override
  public void scan(String from, String to, BiPredicate<String, byte[]> each) {
    entryScansFrom.add(from);
    map.scan(from, to, each);
  }
}
