package io.vigia.enrich.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/** Dedup state in memory: fresh for every run of {@code vigia enrich --input}. Not thread-safe. */
public final class MemoryDedupStore implements DedupStore {
  private final TreeMap<String, byte[]> map = new TreeMap<>();

  @Override
  public byte[] get(String key) {
    return map.get(key);
  }

  @Override
  public void put(String key, byte[] value) {
    map.put(key, value);
  }

  @Override
  public void delete(String key) {
    map.remove(key);
  }

  @Override
  public List<String> keys(String from, String to, int limit) {
    List<String> out = new ArrayList<>();
    for (String k : map.subMap(from, true, to, false).keySet()) {
      if (out.size() == limit) {
        break;
      }
      out.add(k);
    }
    return out;
  }

  @Override
  public void scan(String from, String to, BiPredicate<String, byte[]> each) {
    for (Map.Entry<String, byte[]> e : map.subMap(from, true, to, false).entrySet()) {
      if (!each.test(e.getKey(), e.getValue())) {
        return;
      }
    }
  }

  /** How many entries the state holds (for tests of retention). */
  public int size() {
    return map.size();
  }
}
