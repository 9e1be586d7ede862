package io.vigia.enrich.entities;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.profile.WatchProfile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The watch profile's entities: stable ids, canonical names, types, and the names that refer to
 * them. {@code entities.yaml} may hold entities itself and may {@code include:} category files
 * ({@code entities/countries.yaml}, ...), each with a {@code category} and optionally a default
 * {@code country} for its entries. Loaded once, validated with errors that say which entry is
 * wrong.
 */
public record KnowledgeBase(List<KnownEntity> entities) {

  /**
   * One entity of the knowledge base.
   *
   * @param aliases names that always mean it
   * @param weak names that mean it only when the article settles them (see the linker)
   * @param generic names that mean it only in an article about its {@code country} ("Ministerio
   *     Público", "Asamblea Nacional": every country has one)
   * @param context words that settle a weak name
   * @param demonyms adjectives and nouns for a country's people ("Venezuelan"): never linked, but
   *     known not to be names
   * @param country id of the country it belongs to, or empty
   * @param category the knowledge-base category (file) it comes from
   */
  public record KnownEntity(
      String id,
      String name,
      String type,
      List<String> aliases,
      List<String> weak,
      List<String> generic,
      List<String> context,
      List<String> demonyms,
      String country,
      String category) {
    public KnownEntity {
      aliases = List.copyOf(aliases);
      weak = List.copyOf(weak);
      generic = List.copyOf(generic);
      context = List.copyOf(context);
      demonyms = List.copyOf(demonyms);
      country = country == null ? "" : country;
      category = category == null ? "" : category;
    }

    /**
     * By id alone (ids are unique in a knowledge base; equal entities have equal ids): the linker
     * looks entities up in sets for every article, and the generated hash walked every alias list.
     */
    @Override
    public int hashCode() {
      return java.util.Objects.hashCode(id);
    }
  }

  private static final Set<String> TYPES = Set.of("PERSON", "ORG", "PLACE");

  public KnowledgeBase {
    entities = List.copyOf(entities);
  }

  public static KnowledgeBase empty() {
    return new KnowledgeBase(List.of());
  }

  /** The profile's {@code entities.yaml} and every category file it includes. */
  public static KnowledgeBase fromProfile(WatchProfile profile) {
    return profile
        .readTree("entities.yaml")
        .map(n -> from(n, profile.name() + "/entities.yaml", profile::readTree))
        .orElse(empty());
  }

  /** Reads one file that includes nothing: its {@code entities:} list. */
  public static KnowledgeBase from(JsonNode root, String source) {
    return from(root, source, file -> Optional.empty());
  }

  /**
   * Reads the {@code entities:} list of {@code root} and of each file under {@code include:},
   * opened with {@code files} (relative to the profile); fails naming the bad entry or file.
   */
  public static KnowledgeBase from(
      JsonNode root, String source, Function<String, Optional<JsonNode>> files) {
    List<KnownEntity> out = new ArrayList<>();
    readFile(root, source, out);
    for (JsonNode inc : root.path("include")) {
      String file = inc.asText("").strip();
      JsonNode tree =
          files
              .apply(file)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          source
                              + ": included file '"
                              + file
                              + "' is missing; copy the profile's whole folder, entities/ included,"
                              + " or remove it from include:"));
      if (tree.has("include")) {
        throw new IllegalArgumentException(
            file + ": an included file cannot include others; list it in " + source);
      }
      readFile(tree, file, out);
    }
    Set<String> ids = new HashSet<>();
    for (KnownEntity e : out) {
      if (!ids.add(e.id())) {
        throw new IllegalArgumentException(
            e.category()
                + " ("
                + e.id()
                + "): duplicate id '"
                + e.id()
                + "'; ids must be unique and stable across all entity files");
      }
    }
    return new KnowledgeBase(out);
  }

  private static void readFile(JsonNode root, String source, List<KnownEntity> out) {
    String category = root.path("category").asText(source).strip();
    String defaultCountry = root.path("country").asText("").strip();
    int i = 0;
    for (JsonNode e : root.path("entities")) {
      String where = source + " entities[" + i++ + "]";
      String id = text(e, "id", where);
      List<String> aliases = list(e, "aliases");
      List<String> weak = list(e, "weak");
      List<String> generic = list(e, "generic");
      if (aliases.isEmpty() && weak.isEmpty() && generic.isEmpty()) {
        throw new IllegalArgumentException(
            where + " (" + id + "): give at least one name under aliases, weak or generic");
      }
      String type = text(e, "type", where);
      if (!TYPES.contains(type)) {
        throw new IllegalArgumentException(
            where + " (" + id + "): type '" + type + "' is none of " + TYPES);
      }
      String country = e.path("country").asText(defaultCountry).strip();
      if (!generic.isEmpty() && country.isEmpty()) {
        throw new IllegalArgumentException(
            where + " (" + id + "): generic names need the entity's country (country: QID)");
      }
      out.add(
          new KnownEntity(
              id,
              text(e, "name", where),
              type,
              aliases,
              weak,
              generic,
              list(e, "context"),
              list(e, "demonyms"),
              country,
              category));
    }
  }

  private static String text(JsonNode e, String field, String where) {
    return io.vigia.common.profile.ProfileFields.text(e, field, where);
  }

  private static List<String> list(JsonNode e, String field) {
    return io.vigia.common.profile.ProfileFields.list(e, field);
  }
}
