package io.vigia.alerts.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.schemas.EnrichedArticle;
import io.vigia.schemas.Entity;
import io.vigia.schemas.Stance;
import io.vigia.common.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a subscription watches for, in the search API's filter vocabulary ({@code GET
 * /api/articles}): {@code q} (keywords in title or text), {@code language}, {@code source},
 * {@code entity} (all of them), {@code entityAny} (at least one), {@code stance}
 * ({@code target:label}, each must hold), and {@code storySources}: fire once for a story when
 * it reaches that many distinct sources. A list in {@code language} or {@code source} means any
 * of them.
 */
public record AlertRule(
    KeywordQuery q,
    List<String> languages,
    List<String> sources,
    List<String> entities,
    List<String> entitiesAny,
    Map<String, String> stance,
    int storySources) {

  private static final Set<String> FIELDS = Set.of("q", "language", "source", "entity", "entityAny", "stance", "storySources");
  private static final Set<String> LABELS = Set.of("favor", "against", "neutral");

  public AlertRule {
    q = q == null ? KeywordQuery.parse(null) : q;
    languages = lower(languages);
    sources = sources == null ? List.of() : List.copyOf(sources);
    entities = entities == null ? List.of() : List.copyOf(entities);
    entitiesAny = entitiesAny == null ? List.of() : List.copyOf(entitiesAny);
    stance = stance == null ? Map.of() : Map.copyOf(stance);
    if (storySources < 0 || storySources > 1000) {
      throw new IllegalArgumentException("'storySources' must be from 0 (not a story rule) to 1000");
    }
  }

  /** True when this rule fires per story (once, when the story reaches {@link #storySources}). */
  public boolean isStoryRule() {
    return storySources > 0;
  }

  /** Whether the article passes every filter (and, for a story rule, its story is big enough). */
  public boolean matches(EnrichedArticle e) {
    return matches(e, new ArticleWords(e));
  }

  /** The same, with the article's words split once for every rule checked against it. */
  public boolean matches(EnrichedArticle e, ArticleWords words) {
    var a = e.getArticle();
    if (!languages.isEmpty() && (a.getLanguage() == null || !languages.contains(a.getLanguage().toLowerCase(Locale.ROOT)))) {
      return false;
    }
    if (!sources.isEmpty() && !sources.contains(a.getSource())) {
      return false;
    }
    for (String want : entities) {
      if (!hasEntity(e.getEntities(), want)) {
        return false;
      }
    }
    if (!entitiesAny.isEmpty() && entitiesAny.stream().noneMatch(want -> hasEntity(e.getEntities(), want))) {
      return false;
    }
    for (Map.Entry<String, String> want : stance.entrySet()) {
      boolean held = false;
      for (Stance s : e.getStance()) {
        if (s.getTarget().equals(want.getKey()) && s.getLabel().name().toLowerCase(Locale.ROOT).equals(want.getValue())) {
          held = true;
        }
      }
      if (!held) {
        return false;
      }
    }
    if (isStoryRule() && e.getDedup().getStorySources() < storySources) {
      return false;
    }
    return q.isEmpty() || q.matches(words.title(), words.text());
  }

  /** An entity filter names the entity's id (as the search API does) or, for convenience, its name. */
  private static boolean hasEntity(List<Entity> entities, String want) {
    String folded = TextNormalizer.fold(want);
    for (Entity x : entities) {
      if (x.getId().equals(want) || TextNormalizer.fold(x.getName()).equals(folded)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads the {@code query} object of a subscription. Values may be a string or a list of
   * strings; {@code stance} is {@code "target:label"}, a list of those, or an object
   * {@code {"target": "label"}}. Unknown fields are refused so a typo does not widen the rule.
   */
  public static AlertRule fromJson(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return new AlertRule(null, null, null, null, null, null, 0);
    }
    if (!n.isObject()) {
      throw new IllegalArgumentException("'query' must be an object such as {\"q\": \"CNE\", \"language\": \"es\"}");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw new IllegalArgumentException("unknown query field '" + f + "'; known: " + String.join(", ", FIELDS.stream().sorted().toList()));
      }
    }
    String q = n.path("q").isMissingNode() || n.path("q").isNull() ? null : n.path("q").asText();
    if (q != null && q.length() > 1000) {
      throw new IllegalArgumentException("'q' must be at most 1000 characters");
    }
    int story = 0;
    if (n.has("storySources")) {
      if (!n.get("storySources").canConvertToInt()) {
        throw new IllegalArgumentException("'storySources' must be a whole number");
      }
      story = n.get("storySources").asInt();
    }
    return new AlertRule(KeywordQuery.parse(q), strings(n, "language"), strings(n, "source"), strings(n, "entity"),
        strings(n, "entityAny"), stance(n.get("stance")), story);
  }

  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    if (!q.isEmpty()) {
      o.put("q", q.toString());
    }
    putList(o, "language", languages);
    putList(o, "source", sources);
    putList(o, "entity", entities);
    putList(o, "entityAny", entitiesAny);
    if (!stance.isEmpty()) {
      ObjectNode s = o.putObject("stance");
      stance.forEach(s::put);
    }
    if (storySources > 0) {
      o.put("storySources", storySources);
    }
    return o;
  }

  private static void putList(ObjectNode o, String name, List<String> values) {
    if (!values.isEmpty()) {
      values.forEach(o.putArray(name)::add);
    }
  }

  private static List<String> strings(JsonNode n, String field) {
    JsonNode v = n.get(field);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isArray()) {
      v.forEach(x -> {
        if (!x.isTextual() || x.asText().isBlank()) {
          throw new IllegalArgumentException("'" + field + "' must be a string or a list of non-empty strings");
        }
        out.add(x.asText());
      });
    } else if (v.isTextual() && !v.asText().isBlank()) {
      out.add(v.asText());
    } else {
      throw new IllegalArgumentException("'" + field + "' must be a string or a list of non-empty strings");
    }
    return out;
  }

  private static Map<String, String> stance(JsonNode v) {
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isObject()) {
      v.fields().forEachRemaining(e -> out.put(e.getKey(), label(e.getValue().asText())));
      return out;
    }
    List<JsonNode> items = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(items::add);
    } else {
      items.add(v);
    }
    for (JsonNode x : items) {
      String s = x.asText();
      int colon = s.indexOf(':');
      if (colon <= 0 || colon == s.length() - 1) {
        throw new IllegalArgumentException("'stance' must be target:label, e.g. maduro-government:against");
      }
      out.put(s.substring(0, colon), label(s.substring(colon + 1)));
    }
    return out;
  }

  private static String label(String s) {
    String l = s.toLowerCase(Locale.ROOT).trim();
    if (!LABELS.contains(l)) {
      throw new IllegalArgumentException("stance label '" + s + "' must be favor, against or neutral");
    }
    return l;
  }

  private static List<String> lower(List<String> values) {
    return values == null ? List.of() : values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
  }
}
