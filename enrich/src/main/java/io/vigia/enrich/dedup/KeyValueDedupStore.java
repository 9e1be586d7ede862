package io.vigia.enrich.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Dedup state in a Kafka Streams store, so it is changelogged and a restarted instance decides the
 * same.
 */
public final class KeyValueDedupStore implements DedupStore {
  private final KeyValueStore<String, byte[]> store;

  public KeyValueDedupStore(KeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  @Override
  public byte[] get(String key) {
    return store.get(key);
  }

  @Override
  public void put(String key, byte[] value) {
    store.put(key, value);
  }

  /**
   * A put of {@code null}, which Kafka Streams stores and changelogs as a delete (a tombstone, as
   * {@code delete} does), without {@code delete}'s read: {@code KeyValueStore.delete} returns the
   * old value, so its caching layer reads the key first, from RocksDB when it is not cached (an
   * evicted article's old keys, feature counts falling to zero, a story's old eviction key), and
   * dedup never uses that value.
   */
  @Override
  public void delete(String key) {
    store.put(key, null);
  }

  @Override
  public List<String> keys(String from, String to, int limit) {
    List<String> out = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = store.range(from, to)) {
      while (it.hasNext() && out.size() < limit) {
        KeyValue<String, byte[]> kv = it.next();
        if (kv.key.compareTo(to) < 0) {
          out.add(kv.key);
        }
      }
    }
    return out;
  }

  @Override
  public void scan(String from, String to, BiPredicate<String, byte[]> each) {
    try (KeyValueIterator<String, byte[]> it = store.range(from, to)) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        if (kv.key.compareTo(to) >= 0 || !each.test(kv.key, kv.value)) {
          return;
        }
      }
    }
  }
}
