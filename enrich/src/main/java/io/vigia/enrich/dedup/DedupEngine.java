package io.vigia.enrich.dedup;

import io.vigia.schemas.DedupStatus;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongToDoubleFunction;

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
 * <p>The parts: {@link DedupState} holds the memory (articles, exact keys, LSH buckets, feature
 * counts, eviction), {@link StoryFinder} decides stories; this class decides copies and updates.
 *
 * <p>Not thread-safe: one engine per store, articles in sequence.
 */
public final class DedupEngine {
  /** Containment only counts when the smaller text is at least this share of the larger one. */
  private static final double MIN_SIZE_RATIO = 0.5;

  private final DedupSettings settings;
  private final DedupState state;
  private final StoryFinder stories;

  public DedupEngine(DedupStore store, DedupSettings settings) {
    this.settings = Objects.requireNonNull(settings);
    this.state = new DedupState(Objects.requireNonNull(store), settings.bucketSize());
    this.stories = new StoryFinder(state, settings);
  }

  /**
   * How many articles the state holds (one retention's worth): its in-memory buckets, counts and
   * signatures grow with them.
   */
  public int articlesHeld() {
    return state.indexed();
  }

  public DedupDecision decide(DedupInput in) {
    long clock = state.startDecision(in.time());
    state.evictOlderThan(clock - settings.retention().toMillis());
    // What this decision and the story figure table write is keyed at the article's time or later.
    state.lowerEvictionFloor(in.time());

    StoredArticle same = state.article(in.id());
    if (same != null) {
      return sameArticleAgain(in, same);
    }
    Fingerprint fp = Fingerprint.of(in.title(), in.text(), in.entityIds());
    String guidKey =
        in.guid() == null || in.guid().isBlank() ? null : in.source() + "|" + in.guid();

    Match match = exactMatch(in, guidKey);
    long[] textBands = fp.bands(DedupState.TEXT_BANDS);
    Set<String> textCandidates = new LinkedHashSet<>(state.textCandidates(textBands));
    if (match == null) {
      match = nearMatch(fp, textCandidates);
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
    LongToDoubleFunction weight = state.counts().weights();
    double namesNorm = fp.weightedNorm(weight);
    if (match == null) {
      storyId = stories.storyOf(in.id(), in.time(), fp, textCandidates, weight, namesNorm);
    }
    int sources = state.addSource(storyId, in.source(), in.time());
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
    state.remember(stored);
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
          state.storySources(seen.storyId()),
          true);
    }
    Fingerprint fp = Fingerprint.of(in.title(), in.text(), in.entityIds());
    double similarity = fp.jaccard(seen.fingerprint());
    // The new version replaces the document the earlier one wrote: its own, or for an earlier
    // update the original's. A copy of another source's article stays that article's copy.
    String document = seen.status() == DedupStatus.UPDATE ? seen.duplicateOf() : seen.id();
    state.forget(seen);
    int sources = state.addSource(seen.storyId(), in.source(), in.time());
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
            fp.weightedNorm(state.counts().weights()));
    state.remember(updated);
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
    StoredArticle a = state.articleAt(key);
    return a == null ? null : withRoot(a, 1.0, reason);
  }

  private Match nearMatch(Fingerprint fp, Set<String> candidates) {
    Match best = null;
    for (String id : candidates) {
      // Compared from memory; the article is read only when it is a copy.
      Fingerprint text = state.textOf(id);
      if (text == null) {
        continue;
      }
      double j = fp.jaccard(text);
      int small = Math.min(fp.shingles(), text.shingles());
      int large = Math.max(fp.shingles(), text.shingles());
      double contained =
          large == 0 || (double) small / large < MIN_SIZE_RATIO ? 0 : fp.containment(text);
      String reason = null;
      double score = 0;
      if (j >= settings.nearDuplicateJaccard()) {
        reason = "near-duplicate";
        score = j;
      } else if (contained >= settings.containment()) {
        reason = "contained";
        score = contained;
      }
      StoredArticle c;
      if (reason != null
          && (best == null || score > best.similarity)
          && (c = state.article(id)) != null) {
        best = withRoot(c, score, reason);
      }
    }
    return best;
  }

  private Match withRoot(StoredArticle a, double similarity, String reason) {
    StoredArticle root = a.root().equals(a.id()) ? a : state.article(a.root());
    return root == null
        ? new Match(a, similarity, reason, a.source(), a.time())
        : new Match(a, similarity, reason, root.source(), root.time());
  }

  /**
   * The key that makes {@code target} forgotten once the clock passes {@code time} plus the
   * retention: how state kept beside dedup's (a story's figure table) is evicted with it. {@code
   * time} is the time of the article last decided or later (eviction scans start where the last one
   * ended, below the last article's time at most).
   */
  public static String evictionKey(long time, String target) {
    return DedupState.evictionKey(time, target);
  }
}
