package io.vigia.enrich.figures;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Every cue the figures stage looks for (folded words and stems, matched as prefixes at a word
 * start), compiled once into a character trie, so that one pass over an article finds all of their
 * places at once ({@link #scan}). The stage then asks "the occurrence of this cue nearest to the
 * number within its clause" hundreds of times per article; answered from the places found, each
 * question costs a binary search instead of a scan of the clause, which is what keeps extraction
 * within its budget per article.
 *
 * <p>The answers are exactly those of {@link FoldedText#nearest} and {@link FoldedText#anyIn}: a
 * cue the index was not built with is scanned for the old way.
 */
final class CueIndex {
  private final Map<String, Integer> ids = new HashMap<>();
  private final Node root = new Node();

  /** One trie node: its children by character and the cue ending here. */
  private static final class Node {
    /** Children by letter a-z (most of them), then any other character by a linear search. */
    final Node[] letters = new Node[26];

    char[] keys = new char[0];
    Node[] kids = new Node[0];
    int cue = -1;

    Node child(char c) {
      if (c >= 'a' && c <= 'z') {
        return letters[c - 'a'];
      }
      for (int k = 0; k < keys.length; k++) {
        if (keys[k] == c) {
          return kids[k];
        }
      }
      return null;
    }

    Node add(char c) {
      Node n = child(c);
      if (n == null && c >= 'a' && c <= 'z') {
        n = letters[c - 'a'] = new Node();
      } else if (n == null) {
        n = new Node();
        keys = Arrays.copyOf(keys, keys.length + 1);
        kids = Arrays.copyOf(kids, kids.length + 1);
        keys[keys.length - 1] = c;
        kids[kids.length - 1] = n;
      }
      return n;
    }
  }

  CueIndex(Collection<String> cues) {
    for (String cue : cues) {
      if (cue.isEmpty() || ids.containsKey(cue)) {
        continue;
      }
      int id = ids.size();
      ids.put(cue, id);
      Node n = root;
      for (int i = 0; i < cue.length(); i++) {
        n = n.add(cue.charAt(i));
      }
      n.cue = id;
    }
  }

  int size() {
    return ids.size();
  }

  /** The places of every cue in a folded text: one walk of the trie from each word start. */
  Hits scan(String folded) {
    int[][] places = new int[ids.size()][];
    int[] counts = new int[ids.size()];
    int len = folded.length();
    for (int i = 0; i < len; i++) {
      if (i > 0 && FoldedText.isWordChar(folded.charAt(i - 1))) {
        continue;
      }
      Node n = root.child(folded.charAt(i));
      for (int j = i + 1; n != null; j++) {
        if (n.cue >= 0) {
          int[] p = places[n.cue];
          if (p == null) {
            p = places[n.cue] = new int[4];
          } else if (counts[n.cue] == p.length) {
            p = places[n.cue] = Arrays.copyOf(p, p.length * 2);
          }
          p[counts[n.cue]++] = i;
        }
        n = j < len ? n.child(folded.charAt(j)) : null;
      }
    }
    return new Hits(folded, places, counts);
  }

  /** Where each cue starts a word in one text, in text order. */
  final class Hits {
    private static final int[] NONE = new int[0];
    private final String folded;
    private final int[][] places;
    private final int[] counts;

    private Hits(String folded, int[][] places, int[] counts) {
      this.folded = folded;
      this.places = places;
      this.counts = counts;
    }

    /**
     * The start of the occurrence of {@code cue} within [from, to) nearest to {@code pos} (the
     * first of equals), or -1: {@link FoldedText#nearest}, from the places found.
     */
    int nearest(String cue, int from, int to, int pos) {
      Integer id = ids.get(cue);
      if (id == null) {
        return FoldedText.nearest(folded, cue, from, to, pos);
      }
      int[] p = places[id] == null ? NONE : places[id];
      int n = counts[id];
      int lo = Math.max(0, from);
      int last = Math.min(to, folded.length()) - cue.length();
      int k = Arrays.binarySearch(p, 0, n, lo);
      if (k < 0) {
        k = -k - 1;
      }
      int best = -1;
      int bestDistance = Integer.MAX_VALUE;
      for (; k < n && p[k] <= last; k++) {
        int i = p[k];
        int d = i < pos ? pos - (i + cue.length()) : i - pos;
        if (d < bestDistance) {
          best = i;
          bestDistance = d;
        }
        if (i >= pos) {
          break; // the later ones are further away
        }
      }
      return best;
    }

    /** Whether any of the cues starts a word within [from, to): {@link FoldedText#anyIn}. */
    boolean anyIn(Iterable<String> cues, int from, int to) {
      int lo = Math.max(0, from);
      int hi = Math.min(folded.length(), to);
      for (String c : cues) {
        Integer id = ids.get(c);
        if (id == null
            ? FoldedText.nearest(folded, c, lo, hi, lo) >= 0
            : has(id, lo, hi - c.length())) {
          return true;
        }
      }
      return false;
    }

    /** Whether cue {@code id} starts somewhere in [lo, last]. */
    private boolean has(int id, int lo, int last) {
      int[] p = places[id];
      if (p == null) {
        return false;
      }
      int k = Arrays.binarySearch(p, 0, counts[id], lo);
      if (k < 0) {
        k = -k - 1;
      }
      return k < counts[id] && p[k] <= last;
    }

    /** Whether the cue starts a word anywhere in the text. */
    boolean anywhere(Iterable<String> cues) {
      return anyIn(cues, 0, folded.length());
    }
  }
}
