package io.vigia.enrich.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds phrases (sequences of words) in tokenised text: longest match wins, matches never overlap,
 * boundaries are whole words. A phrase written as an acronym (all capitals, up to five letters,
 * like "CNE", "EU", "UN") only matches that exact case, so Spanish "un" is not the UN. Built once
 * from the profile, then read-only and thread-safe; a scan costs one hash lookup per token and per
 * extra word of a candidate phrase, on the hash and the folded characters {@link Tokens} computed
 * while cutting the text (no String is made or hashed).
 *
 * @param <T> what a phrase stands for (an entity, a relevance term, a stance cue)
 */
public final class PhraseMatcher<T> {
  private final Node<T> root = new Node<>();

  /**
   * A word of a phrase and the words that may follow it: an open-addressing table keyed on each
   * next word's folded characters and their {@link String#hashCode}, which the tokens carry. A slot
   * holds its word's {@link #key} (never 0) or 0 when empty, so most words of a text, which start
   * no phrase, cost one read of an int array.
   */
  private static final class Node<T> {
    private int[] keys;
    private char[][] words;
    private Node<T>[] next;
    private int count;
    List<Entry<T>> values;

    /** The node after word {@code i} of {@code text}, or null. */
    Node<T> next(Tokens text, int i) {
      if (keys == null) {
        return null;
      }
      int key = key(text.foldedHash(i));
      int mask = keys.length - 1;
      for (int k = slot(key) & mask; ; k = (k + 1) & mask) {
        int at = keys[k];
        if (at == 0) {
          return null;
        }
        if (at == key && text.foldsTo(i, words[k])) {
          return next[k];
        }
      }
    }

    /** The node after {@code word} (folded), added when missing. */
    Node<T> nextOrAdd(String word) {
      char[] chars = word.toCharArray();
      int key = key(word.hashCode());
      if (keys == null) {
        allocate(2);
      } else if (2 * (count + 1) > keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int k = slot(key) & mask;
      for (; keys[k] != 0; k = (k + 1) & mask) {
        if (keys[k] == key && Arrays.equals(words[k], chars)) {
          return next[k];
        }
      }
      Node<T> n = new Node<>();
      keys[k] = key;
      words[k] = chars;
      next[k] = n;
      count++;
      return n;
    }

    @SuppressWarnings("unchecked")
    private void allocate(int capacity) {
      keys = new int[capacity];
      words = new char[capacity][];
      next = (Node<T>[]) new Node<?>[capacity];
    }

    private void grow() {
      int[] oldKeys = keys;
      char[][] oldWords = words;
      Node<T>[] oldNext = next;
      allocate(keys.length * 2);
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != 0) {
          int k = slot(oldKeys[j]) & mask;
          while (keys[k] != 0) {
            k = (k + 1) & mask;
          }
          keys[k] = oldKeys[j];
          words[k] = oldWords[j];
          next[k] = oldNext[j];
        }
      }
    }

    /**
     * A word's key in the table: its hash, with 0 (an empty slot) moved to 1; words whose keys
     * agree are told apart by their characters.
     */
    private static int key(int hash) {
      return hash == 0 ? 1 : hash;
    }

    /** Spreads a hash's high bits into the low ones the table's mask keeps. */
    private static int slot(int h) {
      return h ^ (h >>> 16);
    }
  }

  /**
   * A phrase's value; {@code exactSurface} for an acronym, and {@code capitals}: bit {@code i} set
   * when word {@code i} must start with a capital in the text (names added with {@link #addName}).
   */
  private record Entry<T>(T value, String exactSurface, long capitals) {}

  /** A phrase found: tokens {@code [from, to)} of the text. */
  public record Match<T>(int from, int to, T value) {}

  /** Adds a phrase; the same phrase may stand for several values (an ambiguous alias). */
  public PhraseMatcher<T> add(String phrase, T value) {
    return add(phrase, value, false);
  }

  /**
   * Adds a proper name: like {@link #add}, but a word written with a capital in {@code phrase} must
   * start with a capital in the text too, so "la voluntad popular" is not the party "Voluntad
   * Popular" and "maduro" (ripe) is not Maduro. Text in capitals still matches.
   */
  public PhraseMatcher<T> addName(String phrase, T value) {
    return add(phrase, value, true);
  }

  private PhraseMatcher<T> add(String phrase, T value, boolean capitalsMatter) {
    Tokens t = Tokens.of(phrase);
    if (t.size() == 0) {
      return this;
    }
    Node<T> n = root;
    for (int i = 0; i < t.size(); i++) {
      n = n.nextOrAdd(t.folded(i));
    }
    if (n.values == null) {
      n.values = new ArrayList<>(1);
    }
    String exact = t.size() == 1 && isAcronym(phrase.strip()) ? phrase.strip() : null;
    long capitals = 0;
    for (int i = 0; capitalsMatter && i < t.size() && i < 64; i++) {
      if (t.capitalised(i)) {
        capitals |= 1L << i;
      }
    }
    n.values.add(new Entry<>(value, exact, capitals));
    return this;
  }

  static boolean isAcronym(String s) {
    if (s.length() < 2 || s.length() > 5) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isUpperCase(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every value of the longest phrase starting at each position, left to right, not overlapping.
   */
  public List<Match<List<T>>> findAll(Tokens text) {
    List<Match<List<T>>> out = new ArrayList<>();
    int i = 0;
    while (i < text.size()) {
      Node<T> n = root;
      int bestEnd = -1;
      List<T> best = null;
      for (int j = i; j < text.size(); j++) {
        n = n.next(text, j);
        if (n == null) {
          break;
        }
        if (n.values != null) {
          List<T> ok = accepted(n.values, text, i, j + 1);
          if (!ok.isEmpty()) {
            bestEnd = j + 1;
            best = ok;
          }
        }
      }
      if (best != null) {
        out.add(new Match<>(i, bestEnd, best));
        i = bestEnd;
      } else {
        i++;
      }
    }
    return out;
  }

  private static boolean capitalsMatch(long capitals, Tokens text, int from, int to) {
    for (int i = from; capitals != 0 && i < to && i - from < 64; i++) {
      if ((capitals & (1L << (i - from))) != 0 && !text.capitalised(i)) {
        return false;
      }
    }
    return true;
  }

  private static <T> List<T> accepted(List<Entry<T>> entries, Tokens text, int from, int to) {
    List<T> ok = new ArrayList<>(entries.size());
    for (Entry<T> e : entries) {
      if ((e.exactSurface() == null
              || (to - from == 1 && text.surface(from).equals(e.exactSurface())))
          && capitalsMatch(e.capitals(), text, from, to)) {
        ok.add(e.value());
      }
    }
    return ok;
  }
}
