package io.vigia.enrich.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weighted vocabulary of a profile (relevance terms, stance cues): phrases matched as whole words
 * (longest first), and single-word prefixes written with a trailing {@code *} ("elector*") for the
 * many endings of Spanish and English words. Case never matters here: these are words, not names.
 * Read-only after construction and thread-safe.
 *
 * @param <T> what a term stands for
 */
public final class TermMatcher<T> {
  private final PhraseMatcher<T> phrases = new PhraseMatcher<>();
  private final Map<String, List<Prefix<T>>> prefixes =
      new HashMap<>(); // first 3 letters -> prefixes

  private record Prefix<T>(String prefix, T value) {}

  /** A term found: tokens {@code [from, to)} of the text. */
  public record Hit<T>(int from, int to, T value) {}

  public TermMatcher<T> add(String term, T value) {
    String t = term.strip();
    if (t.endsWith("*")) {
      String p = Tokens.fold(t.substring(0, t.length() - 1));
      if (p.length() < 3) {
        throw new IllegalArgumentException(
            "prefix term '" + term + "' is too short: give at least three letters before *");
      }
      prefixes
          .computeIfAbsent(p.substring(0, 3), k -> new ArrayList<>())
          .add(new Prefix<>(p, value));
    } else {
      phrases.add(t.toLowerCase(Locale.ROOT), value);
    }
    return this;
  }

  /** Every term in the text; a word inside a matched phrase is not matched again by a prefix. */
  public List<Hit<T>> findAll(Tokens t) {
    List<Hit<T>> out = new ArrayList<>();
    boolean[] used = new boolean[t.size()];
    for (PhraseMatcher.Match<List<T>> m : phrases.findAll(t)) {
      for (T v : m.value()) {
        out.add(new Hit<>(m.from(), m.to(), v));
      }
      for (int i = m.from(); i < m.to(); i++) {
        used[i] = true;
      }
    }
    if (!prefixes.isEmpty()) {
      for (int i = 0; i < t.size(); i++) {
        String w = t.folded(i);
        if (used[i] || w.length() < 3) {
          continue;
        }
        List<Prefix<T>> candidates = prefixes.get(w.substring(0, 3));
        if (candidates != null) {
          for (Prefix<T> p : candidates) {
            if (w.startsWith(p.prefix())) {
              out.add(new Hit<>(i, i + 1, p.value()));
            }
          }
        }
      }
    }
    return out;
  }
}
