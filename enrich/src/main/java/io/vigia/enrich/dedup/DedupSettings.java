package io.vigia.enrich.dedup;

import io.vigia.common.config.Config;
import java.time.Duration;

/**
 * How dedup decides and how long it remembers (keys {@code enrich.dedup.*}).
 *
 * @param retention how long, in article time, an article stays a candidate; bounds the state
 * @param storyWindow how far apart in article time two articles of one story may be
 * @param nearDuplicateJaccard estimated shingle Jaccard from which a text is a copy
 * @param containment share of the smaller text inside the larger from which it is a copy
 * @param storyDecay time over which the alignment two articles need for one story grows by e
 * @param storyOverlap alignment of names and figures (after the time discount) from which two
 *     articles are one story
 * @param storyMinShared names and figures two articles of one story must share at least
 * @param bucketSize newest articles (by article time) a reader sees per LSH bucket: bounds the work
 *     per article
 * @param storyNamesOverlap cosine of the two articles' names, figures and entities, each weighted
 *     by how rare it is in the state (headline ones twice), after the time discount below, from
 *     which two articles are one story
 * @param storyNamesDecay time over which the weighted-names cosine two articles need grows by e
 * @param storyMinEvidence rare evidence two articles of one story must share, whichever measure
 *     joins them: the sum, over their shared names, figures and entities, of each one's rarity in
 *     the state, where 1 is a feature no other stored article has and 0 one they all have
 */
public record DedupSettings(
    Duration retention,
    Duration storyWindow,
    Duration storyDecay,
    double nearDuplicateJaccard,
    double containment,
    double storyOverlap,
    int storyMinShared,
    int bucketSize,
    double storyNamesOverlap,
    Duration storyNamesDecay,
    double storyMinEvidence) {

  public static DedupSettings defaults() {
    return from(Config.defaults());
  }

  public static DedupSettings from(Config c) {
    return new DedupSettings(
        c.duration("enrich.dedup.retention", Duration.ofHours(1), Duration.ofDays(3650)),
        c.duration("enrich.dedup.story-window", Duration.ofMinutes(10), Duration.ofDays(365)),
        c.duration("enrich.dedup.story-decay", Duration.ofMinutes(10), Duration.ofDays(365)),
        c.decimal("enrich.dedup.near-duplicate-jaccard", 0.05, 1.0),
        c.decimal("enrich.dedup.containment", 0.05, 1.0),
        c.decimal("enrich.dedup.story-overlap", 0.0, 1.0),
        c.integer("enrich.dedup.story-min-shared", 1, 1000),
        c.integer("enrich.dedup.bucket-size", 1, 10_000),
        c.decimal("enrich.dedup.story-names-overlap", 0.01, 1.0),
        c.duration("enrich.dedup.story-names-decay", Duration.ofMinutes(10), Duration.ofDays(365)),
        c.decimal("enrich.dedup.story-min-evidence", 0.0, 100.0));
  }
}
