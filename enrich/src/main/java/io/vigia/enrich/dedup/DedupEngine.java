package io.vigia.enrich.dedup;

import io.vigia.schemas.DedupStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, article by article in the order given, whether an article repeats one seen before
 * (exact: canonical URL, feed GUID, content hash; near: MinHash LSH plus a containment check),
 * updates it (a near copy from the same source), or is new, and which story it belongs to (shared
 * names, figures and entities within a time window, which survive translation).
 *
 * <p>The same code runs in the topology (over a changelogged Kafka Streams store) and in {@code
 * vigia enrich --input} (over a fresh map). Everything is decided on the article's own time: the
 * clock is the largest article time seen, and state older than the retention is forgotten, so a
 * backfill decides as the live stream did and the state stays bounded. Each lookup goes to LSH
 * buckets of bounded size, so the work per article does not grow with the corpus.
 *
 * <p>Not thread-safe: one engine per store, articles in sequence.
 */
public final class DedupEngine {
  private static final Logger LOG = LoggerFactory.getLogger(DedupEngine.class);

  /**
   * LSH bands over the text's MinHash: 32 bands of 4 rows find copies from a Jaccard of about 0.45.
   */
  static final int TEXT_BANDS = 32;

  /** Single-hash bands over the story features: articles sharing a sampled name or figure meet. */
  static final int STORY_BANDS = 16;

  /** Story bands a candidate must share with the article to be compared at all. */
  private static final int MIN_STORY_HITS = 2;

  /** Story candidates compared at most, those sharing the most bands first. */
  private static final int MAX_STORY_CANDIDATES = 24;

  /** Containment only counts when the smaller text is at least this share of the larger one. */
  private static final double MIN_SIZE_RATIO = 0.5;

  /** Evictions done per article at most, so one article never pays for a long gap. */
  private static final int EVICTIONS_PER_ARTICLE = 256;

  private static final String CLOCK = "m|clock";

  /** How many counted articles the state holds: the N of the feature weights. */
  private static final String COUNTED = "m|articles";

  private static final byte[] EMPTY = new byte[0];

  private final DedupStore store;
  private final DedupSettings settings;
  private final Map<String, List<String>> bucketsRead = new HashMap<>();
  private final Map<String, Integer> countsRead = new HashMap<>();

  public DedupEngine(DedupStore store, DedupSettings settings) {
    this.store = Objects.requireNonNull(store);
    this.settings = Objects.requireNonNull(settings);
  }

  public DedupDecision decide(DedupInput in) {
    bucketsRead.clear();
    countsRead.clear();
    long clock = advanceClock(in.time());
    evictOlderThan(clock - settings.retention().toMillis());

    StoredArticle same = article(in.id());
    if (same != null) {
      return sameArticleAgain(in, same);
    }
    Fingerprint fp = Fingerprint.of(in.title(), in.text(), in.entityIds());
    String guidKey =
        in.guid() == null || in.guid().isBlank() ? null : in.source() + "|" + in.guid();

    Match match = exactMatch(in, guidKey);
    Set<String> textCandidates = new LinkedHashSet<>();
    long[] textBands = fp.bands(TEXT_BANDS);
    for (int b = 0; b < TEXT_BANDS; b++) {
      textCandidates.addAll(bucket(textBucket(b, textBands[b])));
    }
    if (match == null) {
      match = nearMatch(in, fp, textCandidates);
    }

    String storyId = null;
    DedupStatus status = DedupStatus.ORIGINAL;
    String root = in.id();
    if (match != null) {
      root = match.article.root();
      storyId = match.article.storyId();
      boolean sameSource =
          in.source().equals(match.rootSource)
              && !Objects.equals(in.contentHash(), match.article.contentHash());
      status =
          sameSource && in.time() >= match.rootTime ? DedupStatus.UPDATE : DedupStatus.DUPLICATE;
    }
    LongToDoubleFunction weight = featureWeights();
    double namesNorm = fp.weightedNorm(weight);
    if (match == null) {
      storyId = storyOf(in, fp, textCandidates, weight, namesNorm);
    }
    int sources = addSource(storyId, in.source(), in.time());
    String dupOf = match == null ? null : root;
    StoredArticle stored =
        new StoredArticle(
            in.id(),
            root,
            storyId,
            in.source(),
            in.time(),
            in.canonicalUrl(),
            guidKey,
            in.contentHash(),
            status,
            dupOf,
            fp,
            namesNorm);
    remember(stored, textBands);
    return new DedupDecision(
        status,
        dupOf,
        match == null ? null : match.similarity,
        match == null ? null : match.reason,
        storyId,
        sources,
        false);
  }

  // ---------------------------------------------------------------- exact and near matches

  private record Match(
      StoredArticle article, double similarity, String reason, String rootSource, long rootTime) {}

  /** The same id again: a replay when the text is unchanged, else the page was updated in place. */
  private DedupDecision sameArticleAgain(DedupInput in, StoredArticle seen) {
    if (Objects.equals(in.contentHash(), seen.contentHash())) {
      return new DedupDecision(
          seen.status(),
          seen.duplicateOf(),
          seen.duplicateOf() == null ? null : 1.0,
          seen.duplicateOf() == null ? null : "canonical-url",
          seen.storyId(),
          storySources(seen.storyId()),
          true);
    }
    Fingerprint fp = Fingerprint.of(in.title(), in.text(), in.entityIds());
    double similarity = fp.jaccard(seen.fingerprint());
    // The new version replaces the document the earlier one wrote: its own, or for an earlier
    // update the original's. A copy of another source's article stays that article's copy.
    String document = seen.status() == DedupStatus.UPDATE ? seen.duplicateOf() : seen.id();
    forget(seen);
    int sources = addSource(seen.storyId(), in.source(), in.time());
    StoredArticle updated =
        new StoredArticle(
            in.id(),
            seen.root(),
            seen.storyId(),
            in.source(),
            Math.max(in.time(), seen.time()),
            in.canonicalUrl(),
            seen.guidKey(),
            in.contentHash(),
            DedupStatus.UPDATE,
            document,
            fp,
            fp.weightedNorm(featureWeights()));
    remember(updated, fp.bands(TEXT_BANDS));
    return new DedupDecision(
        DedupStatus.UPDATE, document, similarity, "canonical-url", seen.storyId(), sources, false);
  }

  private Match exactMatch(DedupInput in, String guidKey) {
    Match m = exact("x|u|" + in.canonicalUrl(), "canonical-url", in.canonicalUrl() != null);
    if (m == null) {
      m = exact("x|g|" + guidKey, "guid", guidKey != null);
    }
    if (m == null) {
      m =
          exact(
              "x|h|" + in.contentHash(),
              "content-hash",
              in.contentHash() != null && !in.contentHash().isBlank());
    }
    return m;
  }

  private Match exact(String key, String reason, boolean applies) {
    if (!applies) {
      return null;
    }
    byte[] id = store.get(key);
    StoredArticle a = id == null ? null : article(new String(id, StandardCharsets.UTF_8));
    return a == null ? null : withRoot(a, 1.0, reason);
  }

  private Match nearMatch(DedupInput in, Fingerprint fp, Set<String> candidates) {
    Match best = null;
    for (String id : candidates) {
      StoredArticle c = article(id);
      if (c == null) {
        continue;
      }
      double j = fp.jaccard(c.fingerprint());
      int small = Math.min(fp.shingles(), c.fingerprint().shingles());
      int large = Math.max(fp.shingles(), c.fingerprint().shingles());
      double contained =
          large == 0 || (double) small / large < MIN_SIZE_RATIO
              ? 0
              : fp.containment(c.fingerprint());
      String reason = null;
      double score = 0;
      if (j >= settings.nearDuplicateJaccard()) {
        reason = "near-duplicate";
        score = j;
      } else if (contained >= settings.containment()) {
        reason = "contained";
        score = contained;
      }
      if (reason != null && (best == null || score > best.similarity)) {
        best = withRoot(c, score, reason);
      }
    }
    return best;
  }

  private Match withRoot(StoredArticle a, double similarity, String reason) {
    StoredArticle root = a.root().equals(a.id()) ? a : article(a.root());
    return root == null
        ? new Match(a, similarity, reason, a.source(), a.time())
        : new Match(a, similarity, reason, root.source(), root.time());
  }

  // ---------------------------------------------------------------- stories

  /**
   * The story of the candidate that matches the article best, within the story window, by either of
   * two measures, each discounted by how far apart in time the two are and counted against its own
   * threshold: the ordered alignment of their names and figures (a translation keeps them in the
   * same order; a different article about another event does not), or the cosine of their names,
   * figures and entities weighted by how rare each is in the state (another outlet's report, a
   * reaction or an opinion piece days later names the same specific actors, not only the country
   * and its president). Else a new story named after the article.
   */
  private String storyOf(
      DedupInput in,
      Fingerprint fp,
      Set<String> textCandidates,
      LongToDoubleFunction weight,
      double namesNorm) {
    // Candidates met in several story bands share more features; only the best few are compared,
    // so popular names ("Venezuela") filling buckets do not make the work grow.
    Map<String, Integer> hits = new HashMap<>();
    for (String id : textCandidates) {
      hits.put(id, STORY_BANDS);
    }
    int[] sig = fp.featureMinHash(STORY_BANDS);
    for (int b = 0; b < STORY_BANDS; b++) {
      if (sig[b] != Integer.MAX_VALUE) {
        for (String id : bucket(storyBucket(b, sig[b]))) {
          hits.merge(id, 1, Integer::sum);
        }
      }
    }
    List<String> candidates =
        hits.entrySet().stream()
            .filter(e -> e.getValue() >= MIN_STORY_HITS)
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .limit(MAX_STORY_CANDIDATES)
            .map(Map.Entry::getKey)
            .toList();
    long window = settings.storyWindow().toMillis();
    double decay = settings.storyDecay().toMillis();
    double namesDecay = settings.storyNamesDecay().toMillis();
    String best = null;
    double bestScore = 0;
    for (String id : candidates) {
      StoredArticle c = article(id);
      if (c == null
          || Math.abs(c.time() - in.time()) > window
          || fp.sharedFeatures(c.fingerprint()) < settings.storyMinShared()) {
        continue;
      }
      double apart = Math.abs(c.time() - in.time());
      // The closer in time, the less it takes: an event's coverage bunches up.
      double aligned = fp.anchorAlignment(c.fingerprint()) * Math.exp(-apart / decay);
      double names =
          namesNorm > 0 && c.namesNorm() > 0
              ? fp.weightedShared(c.fingerprint(), weight)
                  / (namesNorm * c.namesNorm())
                  * Math.exp(-apart / namesDecay)
              : 0;
      // Each measure counts by how far above its own threshold it is.
      double score =
          Math.max(
              aligned >= settings.storyOverlap()
                  ? aligned / Math.max(settings.storyOverlap(), 1e-9)
                  : 0,
              names >= settings.storyNamesOverlap() ? names / settings.storyNamesOverlap() : 0);
      if (LOG.isTraceEnabled()) {
        LOG.trace(
            "story candidate {} for {}: aligned {}, names {}", c.id(), in.id(), aligned, names);
      }
      if (score > bestScore) {
        best = c.storyId();
        bestScore = score;
      }
    }
    return best == null ? in.id() : best;
  }

  // ---------------------------------------------------------------- feature weights

  /**
   * How telling each story feature is, from how many of the N counted articles in the state (the
   * originals, not their copies) have it: the inverse document frequency {@code ln((N + 1) / (n +
   * 1))}. A name every article of the watch has ("Venezuela", "Maduro") counts nothing, one that
   * only the candidate has counts most. On an empty or young state nothing can be told from
   * anything, so the weighted measure groups nothing until the state has seen what is common; the
   * ordered alignment does not depend on it. Only asked about the article's own features (one read
   * each, kept for the decision).
   */
  private LongToDoubleFunction featureWeights() {
    double n = count(COUNTED) + 1.0;
    return f -> Math.log(n / (count(featureKey(f)) + 1.0));
  }

  /** Counts (or uncounts, {@code delta} -1) a stored article's features in the state. */
  private void countFeatures(StoredArticle a, int delta) {
    if (!a.counted()) {
      return;
    }
    addCount(COUNTED, delta);
    for (long f : a.fingerprint().features()) {
      addCount(featureKey(f), delta);
    }
  }

  private int count(String key) {
    return countsRead.computeIfAbsent(
        key,
        k -> {
          byte[] b = store.get(k);
          return b == null ? 0 : ByteBuffer.wrap(b).getInt();
        });
  }

  private void addCount(String key, int delta) {
    int n = count(key) + delta;
    if (n <= 0) {
      store.delete(key);
      n = 0;
    } else {
      store.put(key, ByteBuffer.allocate(4).putInt(n).array());
    }
    countsRead.put(key, n);
  }

  private static String featureKey(long feature) {
    return "n|" + Long.toHexString(feature);
  }

  private int storySources(String storyId) {
    return Math.max(1, StringLists.items(store.get("t|" + storyId)).size());
  }

  private int addSource(String storyId, String source, long time) {
    String key = "t|" + storyId;
    byte[] old = store.get(key);
    List<String> sources = StringLists.items(old);
    long last = old == null ? time : Math.max(time, StringLists.number(old));
    if (old != null) {
      store.delete(evictionKey(StringLists.number(old), key));
    }
    if (!sources.contains(source)) {
      sources.add(source);
    }
    store.put(key, StringLists.encode(last, sources));
    store.put(evictionKey(last, key), EMPTY);
    return sources.size();
  }

  // ---------------------------------------------------------------- state

  private StoredArticle article(String id) {
    byte[] b = store.get("a|" + id);
    return b == null ? null : StoredArticle.decode(b);
  }

  private void remember(StoredArticle a, long[] textBands) {
    store.put("a|" + a.id(), a.encode());
    countFeatures(a, 1);
    store.put(evictionKey(a.time(), "a|" + a.id()), EMPTY);
    byte[] id = a.id().getBytes(StandardCharsets.UTF_8);
    putIfAbsent("x|u|" + a.canonicalUrl(), id, a.canonicalUrl() != null);
    putIfAbsent("x|g|" + a.guidKey(), id, a.guidKey() != null);
    putIfAbsent(
        "x|h|" + a.contentHash(), id, a.contentHash() != null && !a.contentHash().isBlank());
    for (int b = 0; b < TEXT_BANDS; b++) {
      addToBucket(textBucket(b, textBands[b]), a.id());
    }
    int[] sig = a.fingerprint().featureMinHash(STORY_BANDS);
    for (int b = 0; b < STORY_BANDS; b++) {
      if (sig[b] != Integer.MAX_VALUE) {
        addToBucket(storyBucket(b, sig[b]), a.id());
      }
    }
  }

  private void forget(StoredArticle a) {
    store.delete("a|" + a.id());
    countFeatures(a, -1);
    store.delete(evictionKey(a.time(), "a|" + a.id()));
    deleteIfOwned("x|u|" + a.canonicalUrl(), a.id(), a.canonicalUrl() != null);
    deleteIfOwned("x|g|" + a.guidKey(), a.id(), a.guidKey() != null);
    deleteIfOwned("x|h|" + a.contentHash(), a.id(), a.contentHash() != null);
    long[] bands = a.fingerprint().bands(TEXT_BANDS);
    for (int b = 0; b < TEXT_BANDS; b++) {
      removeFromBucket(textBucket(b, bands[b]), a.id());
    }
    int[] sig = a.fingerprint().featureMinHash(STORY_BANDS);
    for (int b = 0; b < STORY_BANDS; b++) {
      if (sig[b] != Integer.MAX_VALUE) {
        removeFromBucket(storyBucket(b, sig[b]), a.id());
      }
    }
  }

  private void putIfAbsent(String key, byte[] value, boolean applies) {
    if (applies && store.get(key) == null) {
      store.put(key, value);
    }
  }

  private void deleteIfOwned(String key, String id, boolean applies) {
    if (!applies) {
      return;
    }
    byte[] owner = store.get(key);
    if (owner != null && new String(owner, StandardCharsets.UTF_8).equals(id)) {
      store.delete(key);
    }
  }

  /** Adds the id to a bucket, keeping only the most recent {@code bucketSize} members. */
  private void addToBucket(String key, String id) {
    List<String> members = new ArrayList<>(bucket(key));
    members.remove(id);
    members.add(id);
    if (members.size() > settings.bucketSize()) {
      members =
          new ArrayList<>(members.subList(members.size() - settings.bucketSize(), members.size()));
    }
    store.put(key, StringLists.encode(0, members));
    bucketsRead.put(key, members);
  }

  /**
   * A bucket's members, read from the store once per decision (a decision reads, then adds to, the
   * same buckets).
   */
  private List<String> bucket(String key) {
    return bucketsRead.computeIfAbsent(key, k -> StringLists.items(store.get(k)));
  }

  private void removeFromBucket(String key, String id) {
    bucketsRead.remove(key);
    byte[] old = store.get(key);
    if (old == null) {
      return;
    }
    List<String> members = StringLists.items(old);
    if (members.remove(id)) {
      if (members.isEmpty()) {
        store.delete(key);
      } else {
        store.put(key, StringLists.encode(0, members));
      }
    }
  }

  private long advanceClock(long time) {
    byte[] b = store.get(CLOCK);
    long clock = b == null ? time : Math.max(time, StringLists.number(b));
    if (b == null || clock != StringLists.number(b)) {
      store.put(CLOCK, StringLists.encode(clock, List.of()));
    }
    return clock;
  }

  /** Forgets articles and stories whose article time is before the cutoff. */
  private void evictOlderThan(long cutoff) {
    if (cutoff <= 0) {
      return;
    }
    for (String key : store.keys("e|", evictionKey(cutoff, ""), EVICTIONS_PER_ARTICLE)) {
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
   * The key that makes {@code target} forgotten once the clock passes {@code time} plus the
   * retention.
   */
  public static String evictionKey(long time, String target) {
    String hex = Long.toHexString(Math.max(0, time));
    return "e|" + "0000000000000000".substring(hex.length()) + hex + "|" + target;
  }

  private static String textBucket(int band, long hash) {
    return "b|" + band + "|" + Long.toHexString(hash);
  }

  private static String storyBucket(int band, int hash) {
    return "f|" + band + "|" + Integer.toHexString(hash);
  }
}
