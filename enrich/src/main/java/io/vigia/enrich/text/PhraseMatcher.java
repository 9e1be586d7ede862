package io.vigia.enrich.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds phrases (sequences of words) in tokenised text: longest match wins, matches never overlap,
 * boundaries are whole words. A phrase written as an acronym (all capitals, up to five letters,
 * like "CNE", "EU", "UN") only matches that exact case, so Spanish "un" is not the UN. Built once
 * from the profile, then read-only and thread-safe; a scan costs one hash lookup per token and per
 * extra word of a candidate phrase.
 *
 * @param <T> what a phrase stands for (an entity, a relevance term, a stance cue)
 */
public final class PhraseMatcher<T> {
  private final Node<T> root = new Node<>();

  private static final class Node<T> {
    final Map<String, Node<T>> next = new HashMap<>(4);
    List<Entry<T>> values;
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
      n = n.next.computeIfAbsent(t.folded(i), k -> new Node<>());
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
        n = n.next.get(text.folded(j));
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
