package io.vigia.sink.corrections;

import io.vigia.schemas.Correction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The corrections in force, by article and field: the state of the compacted {@code
 * vigia.corrections} topic as its follower has read it. Thread-safe: the follower writes, the sink
 * and the API read.
 */
public final class CorrectionSet {
  private final Map<String, Map<String, Correction>> byArticle = new ConcurrentHashMap<>();

  /**
   * Records {@code correction} (null: the correction of {@code field} taken back) and says whether
   * anything changed.
   */
  public boolean put(String articleId, String field, Correction correction) {
    boolean[] changed = {false};
    byArticle.compute(
        articleId,
        (id, fields) -> {
          Map<String, Correction> m = fields == null ? new TreeMap<>() : new TreeMap<>(fields);
          Correction before = correction == null ? m.remove(field) : m.put(field, correction);
          changed[0] = !java.util.Objects.equals(before, correction);
          return m.isEmpty() ? null : Map.copyOf(m);
        });
    return changed[0];
  }

  /** The corrections of one article, ordered by field. */
  public List<Correction> of(String articleId) {
    Map<String, Correction> m = byArticle.get(articleId);
    return m == null ? List.of() : List.copyOf(new TreeMap<>(m).values());
  }

  /** The ids of the articles with at least one correction. */
  public java.util.Set<String> articleIds() {
    return java.util.Set.copyOf(byArticle.keySet());
  }

  /** Articles with at least one correction. */
  public int articles() {
    return byArticle.size();
  }
}
