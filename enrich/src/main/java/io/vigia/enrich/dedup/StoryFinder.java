package io.vigia.enrich.dedup;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the story of an article that is not a copy: the story of the stored candidate that matches
 * it best within the story window, else a new story named after the article.
 */
final class StoryFinder {
  private static final Logger LOG = LoggerFactory.getLogger(StoryFinder.class);

  /**
   * Story bands a candidate must share with the article to be compared at all: one, so that what
   * two reports share decides (the rules: min-shared, evidence, measures), not a hash coincidence;
   * the work stays bounded by {@link #MAX_STORY_CANDIDATES}, those sharing more bands first.
   */
  private static final int MIN_STORY_HITS = 1;

  /** Story candidates compared at most, those sharing the most bands first. */
  private static final int MAX_STORY_CANDIDATES = 24;

  /**
   * Added to an alignment match's score: above any cosine match's (at most 1 / 0.01, the lowest
   * story-names-overlap).
   */
  private static final double REWRITE_RANK = 1000;

  private final DedupState state;
  private final DedupSettings settings;

  StoryFinder(DedupState state, DedupSettings settings) {
    this.state = state;
    this.settings = settings;
  }

  /**
   * The story of the candidate that matches the article best, by either of two measures, each
   * discounted by how far apart in time the two are and counted against its own threshold: the
   * ordered alignment of their names and figures (a translation keeps them in the same order; a
   * different article about another event does not), or the cosine of their names, figures and
   * entities weighted by how rare each is in the state (another outlet's report, a reaction or an
   * opinion piece days later names the same specific actors, not only the country and its
   * president; discounted faster while the state cannot tell rare from famous, {@link
   * StoryEvidence#namesDiscount}). Either way the two must share evidence of one event, not only
   * famous names ({@link StoryEvidence#shared}). Else a new story named after the article.
   *
   * @param textCandidates the ids met in the text bands, compared first
   */
  String storyOf(
      String id,
      long time,
      Fingerprint fp,
      Collection<String> textCandidates,
      LongToDoubleFunction weight,
      double namesNorm) {
    long window = settings.storyWindow().toMillis();
    double decay = settings.storyDecay().toMillis();
    double namesDecay = settings.storyNamesDecay().toMillis();
    int counted = state.counts().articles();
    String best = null;
    double bestScore = 0;
    for (String candidate : candidates(fp, textCandidates)) {
      StoredArticle c = state.article(candidate);
      if (c == null
          || Math.abs(c.time() - time) > window
          || fp.sharedNames(c.fingerprint()) < settings.storyMinShared()) {
        continue;
      }
      double apart = Math.abs(c.time() - time);
      // The closer in time, the less it takes: an event's coverage bunches up.
      double aligned = fp.anchorAlignment(c.fingerprint()) * Math.exp(-apart / decay);
      // Until the state can tell rare names from famous ones, closeness in time counts more.
      // Until anything can be counted, the kinds of event both report, at their prior weights.
      boolean prior = counted < StoryEvidence.MIN_ARTICLES_FOR_COUNTS;
      double namesOverlap = prior ? StoryEvidence.PRIOR_OVERLAP : settings.storyNamesOverlap();
      // While rarity cannot be told, names keep their slow decay only with what happened.
      boolean sameKind =
          !prior
              && !StoryEvidence.rarityKnown(counted)
              && StoryEvidence.sameKindOfEvent(fp, c.fingerprint());
      double discount =
          StoryEvidence.namesDiscount(counted, apart / 3.6e6, namesDecay / 3.6e6, sameKind);
      double names =
          prior
              ? StoryEvidence.conceptCosine(fp, c.fingerprint()) * discount
              : namesNorm > 0 && c.namesNorm() > 0
                  ? fp.weightedShared(c.fingerprint(), weight)
                      / (namesNorm * c.namesNorm())
                      * discount
                  : 0;
      // A candidate this article translates or rewrites (the alignment, within hours) is its own
      // report and wins over one that only names the same rare actors (the cosine); within each,
      // the one furthest above its threshold.
      double score =
          aligned >= settings.storyOverlap()
              ? REWRITE_RANK + aligned / Math.max(settings.storyOverlap(), 1e-9)
              : names >= namesOverlap ? names / namesOverlap : 0;
      double evidence =
          StoryEvidence.shared(fp, c.fingerprint(), counted, weight, settings.storyMinShared());
      if (LOG.isTraceEnabled()) {
        LOG.trace(
            "story candidate {} for {}: aligned {}, names {}, evidence {}, concepts {} (N {}, shared"
                + " {}, {} h)",
            c.id(),
            id,
            aligned,
            names,
            evidence,
            StoryEvidence.conceptCosine(fp, c.fingerprint()),
            counted,
            fp.sharedFeatures(c.fingerprint()),
            apart / 3.6e6);
      }
      if (score > bestScore && evidence >= settings.storyMinEvidence()) {
        best = c.storyId();
        bestScore = score;
      }
    }
    return best == null ? id : best;
  }

  /**
   * Candidates met in several story bands share more features; only the best few are compared, so
   * popular names ("Venezuela") filling buckets do not make the work grow.
   */
  private List<String> candidates(Fingerprint fp, Collection<String> textCandidates) {
    Map<String, Integer> hits = new HashMap<>();
    for (String id : textCandidates) {
      hits.put(id, DedupState.STORY_BANDS);
    }
    for (List<String> bucket : state.storyBuckets(fp)) {
      for (String id : bucket) {
        hits.merge(id, 1, Integer::sum);
      }
    }
    return hits.entrySet().stream()
        .filter(e -> e.getValue() >= MIN_STORY_HITS)
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(MAX_STORY_CANDIDATES)
        .map(Map.Entry::getKey)
        .toList();
  }
}
