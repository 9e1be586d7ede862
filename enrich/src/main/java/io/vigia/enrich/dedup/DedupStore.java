package io.vigia.enrich.dedup;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * The key-value state dedup keeps: a Kafka Streams store in the topology ({@link
 * KeyValueDedupStore}, changelogged), a map for {@code vigia enrich --input} and the tests ({@link
 * MemoryDedupStore}). Keys are ASCII and ordered as strings.
 */
public interface DedupStore {
  byte[] get(String key);

  void put(String key, byte[] value);

  void delete(String key);

  /**
   * Keys from {@code from} (inclusive) to {@code to} (exclusive), in order, at most {@code limit}.
   */
  List<String> keys(String from, String to, int limit);

  /**
   * Gives the entries from {@code from} (inclusive) to {@code to} (exclusive), in order, to {@code
   * each} until it returns {@code false}. The store must not be written to meanwhile.
   */
  void scan(String from, String to, BiPredicate<String, byte[]> each);
}
