package io.vigia.alerts.rule;

import io.vigia.common.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code q} of a subscription, evaluated on one article's title and text the way the search
 * API reads it: words are required (AND), case and accents do not matter, {@code "a phrase"}
 * needs the words in order, {@code -word} excludes, {@code a OR b} needs either, {@code word*}
 * matches a prefix. The search index also stems Spanish and English words; this matcher does
 * not, so a subscription is at most as broad as the same search.
 */
public final class KeywordQuery {
  private static final Pattern CLAUSE = Pattern.compile("(-?)(\"[^\"]*\"|\\S+)");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  /** One required or excluded condition: any of its alternatives must (must not) occur. */
  private record Clause(boolean negated, List<List<String>> alternatives) {}

  private final String source;
  private final List<Clause> clauses;

  private KeywordQuery(String source, List<Clause> clauses) {
    this.source = source;
    this.clauses = clauses;
  }

  /** Parses {@code q}; blank matches everything. */
  public static KeywordQuery parse(String q) {
    List<Clause> clauses = new ArrayList<>();
    if (q == null || q.isBlank()) {
      return new KeywordQuery("", clauses);
    }
    Matcher m = CLAUSE.matcher(q.replace('\u201c', '"').replace('\u201d', '"'));
    boolean or = false;
    while (m.find()) {
      boolean negated = !m.group(1).isEmpty();
      String token = m.group(2);
      if (token.equals("OR") && !negated) {
        or = !clauses.isEmpty();
        continue;
      }
      if (token.equals("AND") && !negated) {
        continue;
      }
      List<String> words = words(token.startsWith("\"") ? token.replace("\"", "") : token);
      if (token.endsWith("*") && !words.isEmpty()) {
        words.set(words.size() - 1, words.get(words.size() - 1) + "*");
      }
      if (words.isEmpty()) {
        continue;
      }
      if (or && !negated) {
        Clause last = clauses.remove(clauses.size() - 1);
        List<List<String>> alts = new ArrayList<>(last.alternatives());
        alts.add(words);
        clauses.add(new Clause(last.negated(), alts));
      } else {
        clauses.add(new Clause(negated, List.of(words)));
      }
      or = false;
    }
    return new KeywordQuery(q.trim(), List.copyOf(clauses));
  }

  /** True when the folded words of {@code title} and {@code text} satisfy every clause. */
  public boolean matches(String title, String text) {
    return clauses.isEmpty() || matches(words(title), words(text));
  }

  /** The same on words already split by {@link #words(String)} (done once per article, not per rule). */
  public boolean matches(List<String> titleWords, List<String> textWords) {
    for (Clause c : clauses) {
      boolean found = false;
      for (List<String> phrase : c.alternatives()) {
        if (contains(titleWords, phrase) || contains(textWords, phrase)) {
          found = true;
          break;
        }
      }
      if (found == c.negated()) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(List<String> words, List<String> phrase) {
    outer:
    for (int i = 0; i + phrase.size() <= words.size(); i++) {
      for (int j = 0; j < phrase.size(); j++) {
        String want = phrase.get(j);
        String have = words.get(i + j);
        boolean ok = want.endsWith("*") ? have.startsWith(want.substring(0, want.length() - 1)) : have.equals(want);
        if (!ok) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Lower-case, accent-free words of {@code text}, as the matcher compares them. */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(TextNormalizer.fold(text).toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  public boolean isEmpty() {
    return clauses.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeywordQuery k && k.source.equals(source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return source;
  }
}
