package io.vigia.enrich.entities;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The watch profile's entities ({@code entities.yaml}): stable ids, canonical names, types, and the
 * names that refer to them. Loaded once, validated with errors that say which entry is wrong.
 */
public record KnowledgeBase(List<KnownEntity> entities) {

  /** One entity of the knowledge base. */
  public record KnownEntity(
      String id,
      String name,
      String type,
      List<String> aliases,
      List<String> weak,
      List<String> context) {}

  public KnowledgeBase {
    entities = List.copyOf(entities);
  }

  public static KnowledgeBase empty() {
    return new KnowledgeBase(List.of());
  }

  /** Reads the {@code entities:} list of a profile file; fails naming the bad entry. */
  public static KnowledgeBase from(JsonNode root, String source) {
    List<KnownEntity> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int i = 0;
    for (JsonNode e : root.path("entities")) {
      String where = source + " entities[" + i++ + "]";
      String id = text(e, "id", where);
      if (!ids.add(id)) {
        throw new IllegalArgumentException(
            where + ": duplicate id '" + id + "'; ids must be unique and stable");
      }
      List<String> aliases = list(e, "aliases");
      List<String> weak = list(e, "weak");
      if (aliases.isEmpty() && weak.isEmpty()) {
        throw new IllegalArgumentException(
            where + " (" + id + "): give at least one name under aliases or weak");
      }
      out.add(
          new KnownEntity(
              id,
              text(e, "name", where),
              text(e, "type", where),
              aliases,
              weak,
              list(e, "context")));
    }
    return new KnowledgeBase(out);
  }

  private static String text(JsonNode e, String field, String where) {
    String v = e.path(field).asText("").strip();
    if (v.isEmpty()) {
      throw new IllegalArgumentException(where + ": missing '" + field + "'");
    }
    return v;
  }

  private static List<String> list(JsonNode e, String field) {
    List<String> out = new ArrayList<>();
    e.path(field)
        .forEach(
            n -> {
              if (!n.asText("").isBlank()) {
                out.add(n.asText().strip());
              }
            });
    return out;
  }
}
