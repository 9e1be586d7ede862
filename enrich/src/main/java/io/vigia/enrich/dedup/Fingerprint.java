package io.vigia.enrich.dedup;

import io.vigia.common.text.TextNormalizer;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What dedup compares of an article: a MinHash signature of its word 3-shingles (near-duplicates)
 * and a set of language-independent story features (names, figures and entity ids), each hashed
 * to a long. Computed once per article, stored instead of the text.
 *
 * @param minHash the minimum of each of {@link #HASHES} hash functions over the shingles
 * @param shingles how many distinct shingles the text has (for the containment estimate)
 * @param features sorted hashes of the story features
 * @param anchors the first {@link #ANCHORS} names and figures of the text, in order: a
 *     translation keeps them in nearly the same order
 */
public record Fingerprint(int[] minHash, int shingles, long[] features, int[] anchors) {
  /** Hash functions in the MinHash signature. */
  public static final int HASHES = 128;
  /** Names and figures kept in order for the translation check. */
  public static final int ANCHORS = 64;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  /** A name (capitalised word, acronym) or a figure; separators inside figures are kept to be unified. */
  private static final Pattern TOKEN = Pattern.compile("\\p{N}+(?:[.,]\\p{N}+)*|\\p{L}[\\p{L}\\p{M}'’]*");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;\"“”«»()\\-–—]\\s*$|^\\s*$");
  private static final long[] SEEDS = new long[HASHES];

  static {
    long s = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < HASHES; i++) {
      s = mix(s + 0x632BE59BD9B4E019L);
      SEEDS[i] = s;
    }
  }

  public Fingerprint {
    if (minHash.length != HASHES) {
      throw new IllegalArgumentException("a signature has " + HASHES + " hashes, got " + minHash.length);
    }
  }

  /** The fingerprint of an article; {@code entityIds} are the linked entities (may be empty). */
  public static Fingerprint of(String title, String text, Collection<String> entityIds) {
    long[] shingles = shingleHashes(text);
    return new Fingerprint(minHash(shingles), shingles.length, features(title, text, entityIds), anchors(text));
  }

  // ---------------------------------------------------------------- near-duplicates

  static long[] shingleHashes(String text) {
    String folded = TextNormalizer.fold(text);
    Matcher m = WORD.matcher(folded);
    long[] words = new long[Math.max(16, folded.length() / 4)];
    int n = 0;
    while (m.find()) {
      if (n == words.length) {
        words = Arrays.copyOf(words, n * 2);
      }
      words[n++] = hash(folded, m.start(), m.end());
    }
    if (n < 3) {
      return n == 0 ? new long[0] : new long[] {mix(words[0] * 31 + (n > 1 ? words[1] : 0))};
    }
    long[] shingles = new long[n - 2];
    for (int i = 0; i + 2 < n; i++) {
      shingles[i] = mix(words[i] * 0x100000001B3L ^ mix(words[i + 1] + 0x51) * 31 ^ words[i + 2]);
    }
    return Arrays.stream(shingles).distinct().toArray();
  }

  static int[] minHash(long[] shingles) {
    int[] sig = new int[HASHES];
    Arrays.fill(sig, Integer.MAX_VALUE);
    for (long sh : shingles) {
      for (int i = 0; i < HASHES; i++) {
        int h = (int) (mix(sh ^ SEEDS[i]) >>> 33);
        if (h < sig[i]) {
          sig[i] = h;
        }
      }
    }
    return sig;
  }

  /** The estimated Jaccard similarity of the two shingle sets. */
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

  /**
   * Story features: words written with a capital inside a sentence (names, acronyms, places),
   * figures with their separators unified ({@code 41.80} = {@code 41,80}), and entity ids. These
   * survive translation, unlike the words around them.
   */
  static long[] features(String title, String text, Collection<String> entityIds) {
    Set<String> out = new HashSet<>();
    for (String part : new String[] {title, text}) {
      if (part == null) {
        continue;
      }
      Matcher m = TOKEN.matcher(part);
      while (m.find()) {
        String t = m.group();
        if (Character.isDigit(t.charAt(0))) {
          String figure = t.replaceAll("[.,]", "|");
          if (figure.length() > 1 || part.length() < 200) {
            out.add("#" + figure);
          }
        } else if (Character.isUpperCase(t.charAt(0)) && !sentenceStart(part, m.start())) {
          String name = stripPossessive(fold(t));
          if (name.length() > 2 || t.equals(t.toUpperCase(Locale.ROOT))) {
            out.add("@" + name);
          }
        }
      }
    }
    for (String id : entityIds) {
      out.add("!" + id);
    }
    return out.stream().mapToLong(s -> hash(s, 0, s.length())).sorted().distinct().toArray();
  }

  /** The names and figures of the text in order (names as in {@link #features}), at most {@link #ANCHORS}. */
  static int[] anchors(String text) {
    int[] out = new int[ANCHORS];
    int n = 0;
    if (text != null) {
      Matcher m = TOKEN.matcher(text);
      while (m.find() && n < ANCHORS) {
        String t = m.group();
        String anchor = null;
        if (Character.isDigit(t.charAt(0))) {
          anchor = "#" + t.replaceAll("[.,]", "|");
        } else if (Character.isUpperCase(t.charAt(0)) && !sentenceStart(text, m.start())) {
          anchor = "@" + stripPossessive(fold(t));
        }
        if (anchor != null) {
          out[n++] = (int) hash(anchor, 0, anchor.length());
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * The longest common subsequence of the two anchor sequences over the shorter one: near 1 when
   * one text names the same people and figures in the same order as the other, as a translation does.
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

  private static boolean sentenceStart(String s, int at) {
    int from = Math.max(0, at - 3);
    return SENTENCE_END.matcher(s.substring(from, at)).find();
  }

  private static String fold(String s) {
    return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
  }

  private static String stripPossessive(String s) {
    return s.endsWith("'s") || s.endsWith("’s") ? s.substring(0, s.length() - 2) : s;
  }

  /** How many story features the two share. */
  public int sharedFeatures(Fingerprint other) {
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < features.length && j < other.features.length) {
      long a = features[i];
      long b = other.features[j];
      if (a == b) {
        n++;
        i++;
        j++;
      } else if (a < b) {
        i++;
      } else {
        j++;
      }
    }
    return n;
  }

  /** Shared features over the smaller feature set: 1 when one article's names and figures are all in the other. */
  public double featureOverlap(Fingerprint other) {
    int small = Math.min(features.length, other.features.length);
    return small == 0 ? 0 : (double) sharedFeatures(other) / small;
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
    return o instanceof Fingerprint f && shingles == f.shingles && Arrays.equals(minHash, f.minHash)
        && Arrays.equals(features, f.features) && Arrays.equals(anchors, f.anchors);
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
