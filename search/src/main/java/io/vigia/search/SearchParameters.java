package io.vigia.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The search vocabulary read from named values, the one parser behind both {@code GET
 * /api/articles} (query parameters, a repeated parameter giving several values) and an alert
 * subscription's {@code query} (a JSON object, a list giving several values). Errors are {@link
 * IllegalArgumentException}s whose message says how to fix the value.
 */
public final class SearchParameters {
  /** What selects articles; a subscription takes exactly these. */
  public static final Set<String> FILTERS =
      new LinkedHashSet<>(
          List.of(
              "q",
              "entity",
              "entityAny",
              "stance",
              "language",
              "source",
              "story",
              "storySources",
              "since",
              "until",
              "duplicates"));

  /**
   * Search-only: which articles by an analyst's relevance correction ({@code true}, the default:
   * not marked off topic; {@code false}: only those; {@code any}). Not a subscription filter: a
   * subscription matches articles as enrich publishes them, before anyone corrects them.
   */
  public static final String RELEVANT = "relevant";

  /** What only orders and pages the result of a search. */
  public static final Set<String> PAGING = new LinkedHashSet<>(List.of("from", "size", "sort"));

  public static final int MAX_Q_CHARS = 1000;
  private static final Set<String> LABELS = Set.of("favor", "against", "neutral");

  private SearchParameters() {}

  /**
   * The query the values describe. {@code duplicates} defaults to false (copies hidden), except
   * with {@code storySources}, where it defaults to true: a story grows by its copies, as {@code
   * /api/stories} counts them.
   */
  public static SearchQuery parse(Map<String, List<String>> values, int defaultSize) {
    String q = single(values, "q");
    if (q != null && q.length() > MAX_Q_CHARS) {
      throw new IllegalArgumentException("'q' must be at most " + MAX_Q_CHARS + " characters");
    }
    Map<String, String> stance = new LinkedHashMap<>();
    for (String s : list(values, "stance")) {
      int colon = s.indexOf(':');
      if (colon <= 0 || colon == s.length() - 1) {
        throw new IllegalArgumentException(
            "'stance' must be target:label, e.g. maduro-government:against");
      }
      String label = s.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      if (!LABELS.contains(label)) {
        throw new IllegalArgumentException(
            "stance label '" + s.substring(colon + 1) + "' must be favor, against or neutral");
      }
      stance.put(s.substring(0, colon).trim(), label);
    }
    SearchQuery.Sort sort;
    try {
      String s = single(values, "sort");
      sort = SearchQuery.Sort.valueOf((s == null ? "newest" : s).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'sort' must be newest, oldest or relevance");
    }
    int from = integer(values, "from", 0, 0, SearchQuery.MAX_FROM);
    int size = integer(values, "size", defaultSize, 0, SearchQuery.MAX_SIZE);
    if (from + size > SearchQuery.MAX_FROM) {
      // The deepest page any backend serves (OpenSearch's result window): past it, narrow the
      // search.
      throw new IllegalArgumentException(
          "'from' + 'size' must be at most "
              + SearchQuery.MAX_FROM
              + "; to go further, narrow the search (since/until, source, q) instead of paging deeper");
    }
    int storySources = integer(values, "storySources", 0, 0, SearchQuery.MAX_STORY_SOURCES);
    String dup = single(values, "duplicates");
    if (dup != null && !dup.equalsIgnoreCase("true") && !dup.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException("'duplicates' must be true or false");
    }
    boolean duplicates = dup == null ? storySources > 0 : Boolean.parseBoolean(dup);
    SearchQuery.Relevance relevance = relevance(single(values, RELEVANT));
    Instant since = time(single(values, "since"), "since", false);
    Instant until = time(single(values, "until"), "until", true);
    if (since != null && until != null && since.isAfter(until)) {
      throw new IllegalArgumentException("'since' must not be after 'until'");
    }
    return SearchQuery.builder()
        .q(q)
        .entities(list(values, "entity"))
        .entitiesAny(list(values, "entityAny"))
        .stance(stance)
        .languages(list(values, "language").stream().map(l -> l.toLowerCase(Locale.ROOT)).toList())
        .sources(list(values, "source"))
        .story(single(values, "story"))
        .storySources(storySources)
        .since(since)
        .until(until)
        .includeDuplicates(duplicates)
        .page(from, size)
        .sort(sort)
        .relevance(relevance)
        .build();
  }

  private static SearchQuery.Relevance relevance(String v) {
    if (v == null) {
      return SearchQuery.Relevance.RELEVANT;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> SearchQuery.Relevance.RELEVANT;
      case "false" -> SearchQuery.Relevance.OFF_TOPIC;
      case "any" -> SearchQuery.Relevance.ANY;
      default ->
          throw new IllegalArgumentException(
              "'relevant' must be true (articles not marked off topic, the default), false (only those an analyst marked off topic) or any");
    };
  }

  /**
   * The values of a subscription's {@code query} object: each a string or a list of strings ({@code
   * storySources} a number, {@code duplicates} a boolean, {@code stance} also an object {@code
   * {"target": "label"}}). Unknown keys, and paging keys, are refused so a typo never widens a
   * rule.
   */
  public static Map<String, List<String>> fromJson(JsonNode n) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (n == null || n.isNull() || n.isMissingNode()) {
      return out;
    }
    if (!n.isObject()) {
      throw new IllegalArgumentException(
          "'query' must be an object such as {\"q\": \"CNE\", \"language\": \"es\"}");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String name = f.getKey();
      if (PAGING.contains(name)) {
        throw new IllegalArgumentException(
            "'"
                + name
                + "' pages a search; a subscription matches each article as it arrives, so leave it out");
      }
      if (!FILTERS.contains(name)) {
        throw new IllegalArgumentException(
            "unknown query field '" + name + "'; known: " + String.join(", ", FILTERS));
      }
      JsonNode v = f.getValue();
      if (v.isNull()) {
        continue;
      }
      List<String> values = new ArrayList<>();
      if (name.equals("stance") && v.isObject()) {
        v.fields().forEachRemaining(e -> values.add(e.getKey() + ":" + e.getValue().asText()));
      } else if (v.isArray()) {
        for (JsonNode x : v) {
          if (!x.isTextual() || x.asText().isBlank()) {
            throw new IllegalArgumentException(
                "'" + name + "' must be a string or a list of non-empty strings");
          }
          values.add(x.asText());
        }
      } else if (v.isTextual()
          || (v.isNumber() && name.equals("storySources"))
          || (v.isBoolean() && name.equals("duplicates"))) {
        if (!name.equals("q") && v.asText().isBlank()) {
          throw new IllegalArgumentException("'" + name + "' must not be empty");
        }
        values.add(v.asText());
      } else {
        throw new IllegalArgumentException(
            "'"
                + name
                + "' must be "
                + (name.equals("storySources")
                    ? "a whole number"
                    : name.equals("duplicates")
                        ? "true or false"
                        : "a string or a list of non-empty strings"));
      }
      out.put(name, values);
    }
    return out;
  }

  /**
   * The filters of {@code q} as a subscription's {@code query} object (the form {@link #fromJson}
   * reads back).
   */
  public static ObjectNode toJson(SearchQuery q) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    if (q.hasText()) {
      o.put("q", q.q());
    }
    putList(o, "entity", q.entities());
    putList(o, "entityAny", q.entitiesAny());
    if (!q.stance().isEmpty()) {
      ObjectNode s = o.putObject("stance");
      q.stance().forEach(s::put);
    }
    putList(o, "language", q.languages());
    putList(o, "source", q.sources());
    if (q.story() != null && !q.story().isBlank()) {
      o.put("story", q.story());
    }
    if (q.storySources() > 0) {
      o.put("storySources", q.storySources());
    }
    if (q.since() != null) {
      o.put("since", q.since().toString());
    }
    if (q.until() != null) {
      o.put("until", q.until().toString());
    }
    if (q.includeDuplicates() != (q.storySources() > 0)) {
      o.put("duplicates", q.includeDuplicates());
    }
    return o;
  }

  private static void putList(ObjectNode o, String name, List<String> values) {
    if (!values.isEmpty()) {
      values.forEach(o.putArray(name)::add);
    }
  }

  private static List<String> list(Map<String, List<String>> values, String name) {
    List<String> out = new ArrayList<>();
    for (String v : values.getOrDefault(name, List.of())) {
      if (v != null && !v.isBlank()) {
        out.add(v.trim());
      }
    }
    return out;
  }

  private static String single(Map<String, List<String>> values, String name) {
    List<String> l =
        values.getOrDefault(name, List.of()).stream()
            .filter(v -> v != null && !v.isEmpty())
            .toList();
    if (l.size() > 1) {
      throw new IllegalArgumentException("'" + name + "' takes one value, not " + l.size());
    }
    return l.isEmpty() || (l.get(0).isBlank() && !name.equals("q")) ? null : l.get(0);
  }

  private static int integer(
      Map<String, List<String>> values, String name, int dflt, int min, int max) {
    String v = single(values, name);
    if (v == null) {
      return dflt;
    }
    try {
      int i = Integer.parseInt(v.trim());
      if (i < min || i > max) {
        throw new NumberFormatException();
      }
      return i;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + name + "' must be a whole number from " + min + " to " + max);
    }
  }

  private static Instant time(String v, String name, boolean endOfDay) {
    if (v == null) {
      return null;
    }
    try {
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        return (endOfDay ? d.plusDays(1) : d)
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC)
            .minusMillis(endOfDay ? 1 : 0);
      }
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + name + "' must be a date (2024-07-28) or an instant (2024-07-28T12:00:00Z)");
    }
  }
}
