package io.vigia.enrich.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every cue the figures stage looks for (folded words and stems, matched as prefixes at a word
 * start), compiled once into a character trie ({@link CueTrie}), so that one pass over an article
 * finds all of their places at once ({@link #scan}). The stage then asks "the occurrence of this
 * cue nearest to the number within its clause" hundreds of times per article; answered from the
 * places found, each question costs a binary search instead of a scan of the clause, which is what
 * keeps extraction within its budget per article.
 *
 * <p>The answers are exactly those of {@link FoldedText#nearest} and {@link FoldedText#anyIn}: a
 * cue the index was not built with is scanned for the old way.
 *
 * <p>A cue is known by its number in the index. An index built from lists of cues ({@link
 * #ofLists}) keeps each list's numbers, so asking for the cues of such a list (a form's cues, an
 * election's) costs no lookup of a cue by its text.
 */
final class CueIndex {
  private final Map<String, Integer> ids = new HashMap<>();
  private final CueTrie trie;

  /** The numbers of the cues of each list the index was built from, by the list itself. */
  private final Map<List<String>, int[]> listIds = new IdentityHashMap<>();

  CueIndex(Collection<String> cues) {
    for (String cue : cues) {
      if (cue.isEmpty() || ids.containsKey(cue)) {
        continue;
      }
      ids.put(cue, ids.size());
    }
    trie = new CueTrie(ids);
  }

  /** An index of every cue of the lists, keeping each list's numbers (see {@link #ids}). */
  static CueIndex ofLists(List<List<String>> lists) {
    List<String> all = new ArrayList<>();
    lists.forEach(all::addAll);
    CueIndex index = new CueIndex(all);
    for (List<String> list : lists) {
      index.listIds.put(list, index.idsOf(list));
    }
    return index;
  }

  int size() {
    return ids.size();
  }

  /**
   * The numbers of a list's cues, in its order (-1 for a cue not in the index): kept for a list the
   * index was built from, found by text for any other.
   */
  int[] ids(List<String> cues) {
    int[] known = listIds.get(cues);
    return known != null ? known : idsOf(cues);
  }

  private int[] idsOf(List<String> cues) {
    int[] out = new int[cues.size()];
    for (int k = 0; k < out.length; k++) {
      Integer id = ids.get(cues.get(k));
      out[k] = id == null ? -1 : id;
    }
    return out;
  }

  /** The places of every cue in a folded text: one walk of the trie from each word start. */
  Hits scan(String folded) {
    return scan(folded, folded.toCharArray());
  }

  /** {@link #scan(String)}, reading {@code chars}, the same text's characters. */
  Hits scan(String folded, char[] chars) {
    int[][] places = new int[ids.size()][];
    int[] counts = new int[ids.size()];
    int len = chars.length;
    for (int i = 0; i < len; i++) {
      if (i > 0 && FoldedText.isWordChar(chars[i - 1])) {
        continue;
      }
      int n = trie.next(CueTrie.ROOT, chars[i]);
      for (int j = i + 1; n != CueTrie.NONE; j++) {
        int cue = trie.cue(n);
        if (cue >= 0) {
          int[] p = places[cue];
          if (p == null) {
            p = places[cue] = new int[4];
          } else if (counts[cue] == p.length) {
            p = places[cue] = Arrays.copyOf(p, p.length * 2);
          }
          p[counts[cue]++] = i;
        }
        n = j < len ? trie.next(n, chars[j]) : CueTrie.NONE;
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

    /** {@link CueIndex#ids}: the numbers of a list's cues in the index. */
    int[] ids(List<String> cues) {
      return CueIndex.this.ids(cues);
    }

    /**
     * The start of the occurrence of {@code cue} within [from, to) nearest to {@code pos} (the
     * first of equals), or -1: {@link FoldedText#nearest}, from the places found.
     */
    int nearest(String cue, int from, int to, int pos) {
      Integer id = ids.get(cue);
      return nearest(id == null ? -1 : id, cue, from, to, pos);
    }

    /** {@link #nearest(String, int, int, int)} of the cue numbered {@code id} (-1: not indexed). */
    int nearest(int id, String cue, int from, int to, int pos) {
      if (id < 0) {
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
    boolean anyIn(List<String> cues, int from, int to) {
      int lo = Math.max(0, from);
      int hi = Math.min(folded.length(), to);
      int[] id = ids(cues);
      for (int k = 0; k < id.length; k++) {
        String c = cues.get(k);
        if (id[k] < 0
            ? FoldedText.nearest(folded, c, lo, hi, lo) >= 0
            : has(id[k], lo, hi - c.length())) {
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
    boolean anywhere(List<String> cues) {
      return anyIn(cues, 0, folded.length());
    }
  }
}
