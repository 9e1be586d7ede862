package io.vigia.enrich.dedup;

import com.carrotsearch.hppc.LongIntHashMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongToDoubleFunction;

/**
 * How many of the stored originals have each story feature and how many originals there are: the
 * document frequencies behind the story weights. Copies and updates of another article are not
 * counted (a syndicated story would otherwise make its own names look common); counts go up when an
 * original is stored and down when it is forgotten, so they always describe the articles of the
 * last retention.
 *
 * <p>In memory, like the buckets ({@link BucketIndex}), and for the same reason: they are a sum
 * over the stored articles, which {@link DedupState} reads back whenever a state is made, so
 * keeping them in the store only cost each article some thirty reads and writes there. Not
 * thread-safe.
 */
final class FeatureCounts {
  private final LongIntHashMap counts = new LongIntHashMap();
  private int articles;

  /** How many counted originals the state holds. */
  int articles() {
    return articles;
  }

  /** How many counted originals have the feature. */
  int articlesWith(long feature) {
    return counts.getOrDefault(feature, 0);
  }

  /**
   * How telling each story feature is: the inverse document frequency {@code ln((N + 1) / (n + 1))}
   * over the N counted originals, n of which have it. A name every article of the watch has
   * ("Venezuela", "Maduro") counts nothing, one that only the candidate has counts most. On an
   * empty or young state nothing can be told from anything.
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
    articles = Math.max(0, articles + delta);
    for (long f : a.fingerprint().features()) {
      if (counts.addTo(f, delta) <= 0) {
        counts.remove(f);
      }
    }
  }

  /** How many distinct features are counted (for tests). */
  int features() {
    return counts.size();
  }
}
