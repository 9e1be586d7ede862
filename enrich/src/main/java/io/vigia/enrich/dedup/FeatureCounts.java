package io.vigia.enrich.dedup;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongToDoubleFunction;

/**
 * How many of the stored originals have each story feature ({@code n|feature}) and how many
 * originals there are ({@code m|articles}): the document frequencies behind the story weights.
 * Copies and updates of another article are not counted (a syndicated story would otherwise make
 * its own names look common); counts go up when an original is stored and down when it is
 * forgotten, so they always describe the articles of the last retention.
 *
 * <p>Reads are kept for one decision (a decision reads, then writes, the same counts).
 */
final class FeatureCounts {
  /** How many counted articles the state holds: the N of the feature weights. */
  private static final String COUNTED = "m|articles";

  private final DedupStore store;
  private final Map<String, Integer> read = new HashMap<>();

  FeatureCounts(DedupStore store) {
    this.store = store;
  }

  /** Forgets the reads of the previous decision. */
  void startDecision() {
    read.clear();
  }

  /** How many counted originals the state holds. */
  int articles() {
    return count(COUNTED);
  }

  /** How many counted originals have the feature. */
  int articlesWith(long feature) {
    return count(key(feature));
  }

  /**
   * How telling each story feature is: the inverse document frequency {@code ln((N + 1) / (n + 1))}
   * over the N counted originals, n of which have it. A name every article of the watch has
   * ("Venezuela", "Maduro") counts nothing, one that only the candidate has counts most. On an
   * empty or young state nothing can be told from anything. Only asked about the article's own
   * features (one read each, kept for the decision).
   */
  LongToDoubleFunction weights() {
    double n = articles() + 1.0;
    // Asked about the same few features once per candidate: each computed once (the counts do not
    // change while a decision compares, only when it stores the article, after its last use).
    Map<Long, Double> known = new HashMap<>();
    return f -> known.computeIfAbsent(f, g -> Math.log(n / (articlesWith(g) + 1.0)));
  }

  /** Counts (or uncounts, {@code delta} -1) a stored article's features. */
  void add(StoredArticle a, int delta) {
    if (!a.counted()) {
      return;
    }
    add(COUNTED, delta);
    for (long f : a.fingerprint().features()) {
      add(key(f), delta);
    }
  }

  private int count(String key) {
    return read.computeIfAbsent(
        key,
        k -> {
          byte[] b = store.get(k);
          return b == null ? 0 : ByteBuffer.wrap(b).getInt();
        });
  }

  private void add(String key, int delta) {
    int n = count(key) + delta;
    if (n <= 0) {
      store.delete(key);
      n = 0;
    } else {
      store.put(key, ByteBuffer.allocate(4).putInt(n).array());
    }
    read.put(key, n);
  }

  private static String key(long feature) {
    return "n|" + Long.toHexString(feature);
  }
}
