package io.vigia.enrich.dedup;

import io.vigia.common.text.TextNormalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongToDoubleFunction;

/**
 * What dedup compares of an article: a MinHash signature of its word 3-shingles (near-duplicates)
 * and a set of language-independent story features (names, figures and entity ids), each hashed to
 * a long. Computed once per article, stored instead of the text.
 *
 * @param minHash the minimum of each of {@link #HASHES} hash functions over the shingles
 * @param shingles how many distinct shingles the text has (for the containment estimate)
 * @param features sorted hashes of the story features
 * @param anchors the first {@link #ANCHORS} names and figures of the text, in order: a translation
 *     keeps them in nearly the same order
 * @param headline sorted hashes of the story features written in the headline: the names a headline
 *     gives are what the article is about, so they count {@link #HEADLINE_WEIGHT} times
 */
public record Fingerprint(
    int[] minHash, int shingles, long[] features, int[] anchors, long[] headline) {
  /** Hash functions in the MinHash signature. */
  public static final int HASHES = 128;

  /** Names and figures kept in order for the translation check. */
  public static final int ANCHORS = 64;

  /**
   * How many times a name or figure of the headline counts in {@link #weightedNorm} and {@link
   * #weightedShared}.
   */
  public static final double HEADLINE_WEIGHT = 2.0;

  private static final long[] SEEDS = new long[HASHES];
  private static final long[] NO_FEATURES = new long[0];
  private static final int[] NO_ANCHORS = new int[0];

  static {
    long s = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < HASHES; i++) {
      s = mix(s + 0x632BE59BD9B4E019L);
      SEEDS[i] = s;
    }
  }

  public Fingerprint {
    if (minHash.length != HASHES) {
      throw new IllegalArgumentException(
          "a signature has " + HASHES + " hashes, got " + minHash.length);
    }
  }

  /** The fingerprint of an article; {@code entityIds} are the linked entities (may be empty). */
  public static Fingerprint of(String title, String text, Collection<String> entityIds) {
    long[] shingles = shingleHashes(text);
    return new Fingerprint(
        minHash(shingles),
        shingles.length,
        StoryFeatures.features(title, text, entityIds),
        StoryFeatures.anchors(text),
        StoryFeatures.features(title, null, List.of()));
  }

  // ---------------------------------------------------------------- near-duplicates

  static long[] shingleHashes(String text) {
    String folded = TextNormalizer.fold(text);
    long[] words = new long[Math.max(16, folded.length() / 4)];
    int n = 0;
    int len = folded.length();
    for (int i = 0; i < len; ) {
      if (!Character.isLetterOrDigit(folded.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < len && Character.isLetterOrDigit(folded.charAt(i))) {
        i++;
      }
      if (n == words.length) {
        words = Arrays.copyOf(words, n * 2);
      }
      words[n++] = hash(folded, start, i);
    }
    if (n < 3) {
      return n == 0 ? new long[0] : new long[] {mix(words[0] * 31 + (n > 1 ? words[1] : 0))};
    }
    long[] shingles = new long[n - 2];
    for (int i = 0; i + 2 < n; i++) {
      shingles[i] = mix(words[i] * 0x100000001B3L ^ mix(words[i + 1] + 0x51) * 31 ^ words[i + 2]);
    }
    Arrays.sort(shingles);
    int distinct = 0;
    for (int i = 0; i < shingles.length; i++) {
      if (i == 0 || shingles[i] != shingles[i - 1]) {
        shingles[distinct++] = shingles[i];
      }
    }
    return Arrays.copyOf(shingles, distinct);
  }

  static int[] minHash(long[] shingles) {
    int[] sig = new int[HASHES];
    Arrays.fill(sig, Integer.MAX_VALUE);
    for (long sh : shingles) {
      // Multiply-shift hashing of an already mixed 64-bit value: one multiply per function.
      for (int i = 0; i < HASHES; i++) {
        int h = (int) ((sh * (SEEDS[i] | 1L) + SEEDS[HASHES - 1 - i]) >>> 33);
        if (h < sig[i]) {
          sig[i] = h;
        }
      }
    }
    return sig;
  }

  /** The estimated Jaccard similarity of the two shingle sets. */
  /**
   * The part {@link #jaccard} and {@link #containment} compare (the signature and the shingle
   * count), sharing this fingerprint's signature array, without the story features.
   */
  public Fingerprint textPart() {
    return new Fingerprint(minHash, shingles, NO_FEATURES, NO_ANCHORS, NO_FEATURES);
  }

  public double jaccard(Fingerprint other) {
    if (shingles == 0 || other.shingles == 0) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      if (minHash[i] == other.minHash[i]) {
        same++;
      }
    }
    return (double) same / HASHES;
  }

  /**
   * The estimated share of the smaller text's shingles that the larger one contains: tolerates a
   * copy that dropped paragraphs or an update that added some.
   */
  public double containment(Fingerprint other) {
    double j = jaccard(other);
    int small = Math.min(shingles, other.shingles);
    if (small == 0) {
      return 0;
    }
    double intersection = j / (1 + j) * (shingles + other.shingles);
    return Math.min(1.0, intersection / small);
  }

  /** Hashes of the LSH bands: texts that agree on every hash of one band become candidates. */
  public long[] bands(int bands) {
    int rows = HASHES / bands;
    long[] out = new long[bands];
    for (int b = 0; b < bands; b++) {
      long h = b + 1;
      for (int r = 0; r < rows; r++) {
        h = mix(h * 0x100000001B3L + minHash[b * rows + r]);
      }
      out[b] = h;
    }
    return out;
  }

  // ---------------------------------------------------------------- stories

  /** The story features of an article, hashed and sorted ({@link StoryFeatures#features}). */
  static long[] features(String title, String text, Collection<String> entityIds) {
    return StoryFeatures.features(title, text, entityIds);
  }

  /**
   * The longest common subsequence of the two anchor sequences over the shorter one: near 1 when
   * one text names the same people and figures in the same order as the other, as a translation
   * does.
   */
  public double anchorAlignment(Fingerprint other) {
    int[] a = anchors;
    int[] b = other.anchors;
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int[] prev = new int[b.length + 1];
    int[] cur = new int[b.length + 1];
    for (int i = 1; i <= a.length; i++) {
      for (int j = 1; j <= b.length; j++) {
        cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return (double) prev[b.length] / Math.min(a.length, b.length);
  }

  /** How many story features the two share. */
  public int sharedFeatures(Fingerprint other) {
    int[] n = {0};
    forEachShared(other, f -> n[0]++);
    return n[0];
  }

  /**
   * How many names, figures and entities the two share: the story features less the kinds of event
   * ({@link EventVocabulary}), which tell what happened, not that it is the same happening.
   */
  public int sharedNames(Fingerprint other) {
    int[] n = {0};
    forEachShared(other, f -> n[0] += EventVocabulary.isConcept(f) ? 0 : 1);
    return n[0];
  }

  /**
   * Calls {@code onShared} with each story feature both fingerprints have (both arrays are sorted:
   * one merge pass).
   */
  private void forEachShared(Fingerprint other, LongConsumer onShared) {
    int i = 0;
    int j = 0;
    while (i < features.length && j < other.features.length) {
      long a = features[i];
      long b = other.features[j];
      if (a == b) {
        onShared.accept(a);
        i++;
        j++;
      } else if (a < b) {
        i++;
      } else {
        j++;
      }
    }
  }

  /** Whether the feature (a hash of {@link #features}) is written in the headline. */
  public boolean inHeadline(long feature) {
    return Arrays.binarySearch(headline, feature) >= 0;
  }

  /**
   * The length of the article's vector of story features, each weighted by {@code weight} (how
   * telling the feature is, e.g. how rare in the recent articles), headline features {@link
   * #HEADLINE_WEIGHT} times: the denominator of {@link #weightedShared}'s cosine.
   */
  public double weightedNorm(LongToDoubleFunction weight) {
    double sum = 0;
    for (long f : features) {
      double w = weight.applyAsDouble(f) * (inHeadline(f) ? HEADLINE_WEIGHT : 1);
      sum += w * w;
    }
    return Math.sqrt(sum);
  }

  /**
   * The dot product of the two weighted feature vectors (see {@link #weightedNorm}): over the
   * features both share, {@code weight²} times each side's headline factor. {@code weight} is only
   * asked about this fingerprint's features.
   */
  public double weightedShared(Fingerprint other, LongToDoubleFunction weight) {
    double[] sum = {0};
    forEachShared(
        other,
        f -> {
          double w = weight.applyAsDouble(f);
          sum[0] +=
              w
                  * w
                  * (inHeadline(f) ? HEADLINE_WEIGHT : 1)
                  * (other.inHeadline(f) ? HEADLINE_WEIGHT : 1);
        });
    return sum[0];
  }

  /** The sum of {@code weight} over the story features both fingerprints have. */
  public double sharedWeight(Fingerprint other, LongToDoubleFunction weight) {
    double[] sum = {0};
    forEachShared(other, f -> sum[0] += weight.applyAsDouble(f));
    return sum[0];
  }

  /** MinHash of the feature set, {@code n} hashes, for finding story candidates by LSH. */
  public int[] featureMinHash(int n) {
    int[] sig = new int[n];
    Arrays.fill(sig, Integer.MAX_VALUE);
    for (long f : features) {
      for (int i = 0; i < n; i++) {
        int h = (int) (mix(f ^ SEEDS[i]) >>> 33);
        if (h < sig[i]) {
          sig[i] = h;
        }
      }
    }
    return sig;
  }

  // ---------------------------------------------------------------- hashing

  static long hash(String s, int from, int to) {
    long h = 0xCBF29CE484222325L;
    for (int i = from; i < to; i++) {
      h ^= s.charAt(i);
      h *= 0x100000001B3L;
    }
    return mix(h);
  }

  /** SplitMix64's finaliser: spreads every input bit over the output. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f
        && shingles == f.shingles
        && Arrays.equals(minHash, f.minHash)
        && Arrays.equals(features, f.features)
        && Arrays.equals(anchors, f.anchors)
        && Arrays.equals(headline, f.headline);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(minHash) * 31 + Arrays.hashCode(features);
  }

  @Override
  public String toString() {
    return "Fingerprint[shingles=" + shingles + ", features=" + features.length + "]";
  }
}
