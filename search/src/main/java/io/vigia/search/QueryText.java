package io.vigia.search;

import java.util.regex.Pattern;

/**
 * The one syntax of {@code q}, for both backends and for alert subscriptions: Lucene's {@code
 * SimpleQueryParser}, which OpenSearch's {@code simple_query_string} implements, with every word
 * required (default operator AND) over the same fields and analysers. Words are stemmed per
 * language and accents and case ignored; {@code "a phrase"}, {@code -word} (exclude), {@code a | b}
 * (either), {@code prefix*}, {@code ( )} for grouping. {@code OR}, {@code AND} and {@code NOT} in
 * capitals are read as {@code |}, {@code +} and {@code -}, so the habits of other search boxes work
 * the same everywhere. The parser never fails: what is not syntax is searched as words.
 */
public final class QueryText {
  private static final Pattern OR = Pattern.compile("(?<=\\s)OR(?=\\s)");
  private static final Pattern AND = Pattern.compile("(?<=\\s)AND(?=\\s)");
  private static final Pattern NOT = Pattern.compile("(?<=^|\\s)NOT\\s+(?=\\S)");

  /** Fields searched, with their boosts: folded text for every language plus the stemmed ones. */
  public static final String[] FIELDS = {
    "title", "text", "title_es", "text_es", "title_en", "text_en"
  };

  private QueryText() {}

  /** {@code q} as the simple query syntax both backends parse. */
  public static String normalize(String q) {
    if (q == null) {
      return "";
    }
    String s =
        q.replace('\u201c', '"')
            .replace('\u201d', '"')
            .replace('\u201e', '"')
            .replace('\u00ab', '"')
            .replace('\u00bb', '"');
    s = OR.matcher(s).replaceAll("|");
    s = AND.matcher(s).replaceAll("+");
    s = NOT.matcher(s).replaceAll("-");
    return s.trim();
  }

  public static float boost(String field) {
    return field.startsWith("title") ? 2f : 1f;
  }
}
