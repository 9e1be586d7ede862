package io.vigia.enrich.stance;

import io.vigia.enrich.text.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The lexical part of a stance model: weights per class for the article's own words, beside the cue
 * families. A term is a word (lower-cased, accents folded, stop words, numbers and words under
 * three letters out) with its channel: {@code h:} in the headline, {@code b:} in the outlet's own
 * voice in the body. Words in speech (a quotation, or a sentence that names its speaker) are left
 * out: who says a word matters as much as the word, and the outlet's stance is in its own voice (a
 * third channel for speech did worse across source sets, see docs/stance.md). Only terms of the
 * vocabulary count, and the vocabulary holds only terms found in at least {@link #MIN_DF} training
 * articles, so one article's phrase never becomes a feature. An article's terms enter as presence,
 * scaled by 1/√(number of its vocabulary terms) so that a long article does not shout; the part
 * adds its logits to those of the cue model.
 */
public final class StanceLexicon {
  /** Least number of training articles a term must occur in to enter the vocabulary. */
  public static final int MIN_DF = 2;

  /** Term prefix per channel of {@link CueStanceScorer.Reading#channels()}; speech has none. */
  private static final char[] CHANNEL = {'h', 'b'};

  /** The channel a word counts in, or -1: words in speech are someone else's, not counted. */
  static int channel(byte c) {
    return c == CueStanceScorer.SPEECH ? -1 : c;
  }

  /** Spanish and English function words: no stance in "de" or "the". */
  static final Set<String> STOP_WORDS =
      Set.of(
          "los", "las", "del", "por", "para", "con", "una", "uno", "unos", "unas", "que", "como",
          "mas", "pero", "sus", "ese", "esa", "esos", "esas", "este", "esta", "estos", "estas",
          "eso", "esto", "fue", "son", "han", "sido", "ser", "entre", "sobre", "tras", "desde",
          "hasta", "cuando", "donde", "tambien", "muy", "sin", "hay", "les", "nos", "ella", "ellos",
          "ellas", "porque", "segun", "otro", "otra", "otros", "otras", "todo", "toda", "todos",
          "todas", "cual", "quien", "solo", "aun", "asi", "ante", "bajo", "era", "ya", "the", "and",
          "for", "that", "with", "from", "this", "these", "those", "was", "were", "are", "has",
          "have", "had", "been", "being", "its", "his", "her", "their", "they", "them", "but",
          "not", "which", "who", "whom", "will", "would", "could", "should", "into", "over",
          "after", "before", "about", "than", "then", "also", "there", "here", "what", "when",
          "where", "while", "said", "says", "dijo");

  private final List<String> terms;
  private final double[][] weights;
  private final double l2;
  private final Table table;

  /**
   * @param terms the vocabulary ({@code h:word}, {@code b:word})
   * @param weights per class (favor, against, neutral) one weight per term
   * @param l2 the penalty it was fitted with (chosen by cross-validation)
   */
  public StanceLexicon(List<String> terms, double[][] weights, double l2) {
    this.terms = List.copyOf(terms);
    this.weights = weights;
    this.l2 = l2;
    for (double[] row : weights) {
      if (row.length != terms.size()) {
        throw new IllegalArgumentException(
            "lexical weights: expected " + terms.size() + " numbers, found " + row.length);
      }
    }
    this.table = new Table(this.terms);
  }

  public List<String> terms() {
    return terms;
  }

  public double[][] weights() {
    return weights;
  }

  public double l2() {
    return l2;
  }

  /** The distinct terms of an article, for training: channel prefix and folded word. */
  public static String[] terms(Tokens tokens, byte[] channels) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      String w = tokens.folded(i);
      int c = channel(channels[i]);
      if (c >= 0 && counts(w)) {
        out.add(CHANNEL[c] + ":" + w);
      }
    }
    return out.toArray(String[]::new);
  }

  static boolean counts(String w) {
    if (w.length() < 3 || STOP_WORDS.contains(w)) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      if (Character.isDigit(w.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** The terms found in at least {@code minDf} of {@code docs}, sorted. */
  public static List<String> vocabulary(List<String[]> docs, int minDf) {
    Map<String, Integer> df = new TreeMap<>();
    for (String[] d : docs) {
      for (String t : new LinkedHashSet<>(Arrays.asList(d))) {
        df.merge(t, 1, Integer::sum);
      }
    }
    List<String> out = new ArrayList<>();
    df.forEach(
        (t, n) -> {
          if (n >= minDf) {
            out.add(t);
          }
        });
    return out;
  }

  /** Sorted distinct indices into {@code vocabulary} of {@code doc}'s terms. */
  static int[] indices(String[] doc, Map<String, Integer> vocabulary) {
    int[] out = new int[doc.length];
    int n = 0;
    for (String t : doc) {
      Integer i = vocabulary.get(t);
      if (i != null) {
        out[n++] = i;
      }
    }
    return distinct(out, n);
  }

  static Map<String, Integer> index(List<String> vocabulary) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < vocabulary.size(); i++) {
      m.put(vocabulary.get(i), i);
    }
    return m;
  }

  static int[] distinct(int[] a, int n) {
    Arrays.sort(a, 0, n);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m == 0 || a[m - 1] != a[i]) {
        a[m++] = a[i];
      }
    }
    return Arrays.copyOf(a, m);
  }

  /** The value of each present term: 1/√(number of present terms). */
  static double value(int present) {
    return present == 0 ? 0 : 1 / Math.sqrt(present);
  }

  /** Adds this part's logits for the article's words to {@code logits}. */
  public void addLogits(Tokens tokens, byte[] channels, double[] logits) {
    int[] found = new int[tokens.size()];
    int n = 0;
    for (int i = 0; i < tokens.size(); i++) {
      int c = channel(channels[i]);
      int at = c < 0 ? -1 : table.find(tokens, i, c);
      if (at >= 0) {
        found[n++] = at;
      }
    }
    int[] idx = distinct(found, n);
    add(weights, idx, logits);
  }

  static void add(double[][] weights, int[] idx, double[] logits) {
    double v = value(idx.length);
    for (int k = 0; k < logits.length; k++) {
      double s = 0;
      for (int j : idx) {
        s += weights[k][j];
      }
      logits[k] += v * s;
    }
  }

  /**
   * Open-addressing table from (channel, hash of the folded word) to the term, checked character by
   * character: the lookup uses the hashes the tokeniser computed and makes no String.
   */
  private static final class Table {
    private final long[] keys;
    private final int[] slots;
    private final char[][] words;
    private final int mask;

    Table(List<String> terms) {
      int cap = Integer.highestOneBit(Math.max(4, terms.size() * 2)) * 2;
      keys = new long[cap];
      slots = new int[cap];
      Arrays.fill(slots, -1);
      mask = cap - 1;
      words = new char[terms.size()][];
      for (int t = 0; t < terms.size(); t++) {
        String term = terms.get(t);
        int ch = new String(CHANNEL).indexOf(term.charAt(0));
        if (ch < 0 || term.length() < 3 || term.charAt(1) != ':') {
          throw new IllegalArgumentException("lexical term '" + term + "' is not h:WORD or b:WORD");
        }
        String w = term.substring(2);
        words[t] = w.toCharArray();
        long key = key(ch, w.hashCode());
        int s = slot(key);
        while (slots[s] >= 0) {
          s = (s + 1) & mask;
        }
        keys[s] = key;
        slots[s] = t;
      }
    }

    private static long key(int channel, int hash) {
      return ((long) channel << 32) | (hash & 0xffffffffL);
    }

    private int slot(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h >>> 40) & mask;
    }

    int find(Tokens tokens, int i, int channel) {
      long key = key(channel, tokens.foldedHash(i));
      for (int s = slot(key); slots[s] >= 0; s = (s + 1) & mask) {
        if (keys[s] == key && tokens.foldsTo(i, words[slots[s]])) {
          return slots[s];
        }
      }
      return -1;
    }
  }
}
