package io.vigia.sink.corrections;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.schemas.Correction;
import io.vigia.schemas.EntityAction;
import io.vigia.schemas.EntityCorrection;
import io.vigia.schemas.StanceCorrection;
import io.vigia.schemas.StoryCorrection;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the body of {@code POST /api/articles/{id}/corrections} into a {@link Correction}: exactly
 * one of
 *
 * <ul>
 *   <li>{@code {"stance": {"target": "maduro-government", "label": "favor|against|neutral"}}}
 *   <li>{@code {"relevant": false}} (or {@code true})
 *   <li>{@code {"entity": {"remove": "ID"}}}
 *   <li>{@code {"entity": {"add": {"id": "ID", "name"?: "...", "type"?: "ORG"}, "mention": "text as
 *       written"}}}
 *   <li>{@code {"story": {"detach": true}}} or {@code {"story": {"join": "STORY_ID"}}}
 * </ul>
 *
 * with an optional {@code "note"}. Anything else is an {@link IllegalArgumentException} whose
 * message says what would be accepted (the API answers it with a 400).
 */
public final class CorrectionRequest {
  static final Set<String> LABELS = Set.of("favor", "against", "neutral");
  static final int MAX_NOTE_CHARS = 2000;
  static final int MAX_VALUE_CHARS = 300;
  private static final Set<String> KINDS = Set.of("stance", "relevant", "entity", "story");
  private static final Pattern TARGET = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
  private static final Pattern TYPED_ID = Pattern.compile("vigia:([a-z]+)/.+");

  private CorrectionRequest() {}

  /**
   * The correction {@code body} describes for article {@code articleId}, made by {@code by} at
   * {@code at}.
   */
  public static Correction parse(JsonNode body, String articleId, String by, Instant at) {
    if (body == null || !body.isObject()) {
      throw bad("the body must be a JSON object, e.g. " + example());
    }
    String kind = null;
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (name.equals("note")) {
        continue;
      }
      if (!KINDS.contains(name)) {
        throw bad(
            "unknown field '"
                + name
                + "'; a correction has one of "
                + kinds()
                + " and an optional note");
      }
      if (kind != null) {
        throw bad("one correction at a time: the body has both '" + kind + "' and '" + name + "'");
      }
      kind = name;
    }
    if (kind == null) {
      throw bad(
          "the body names nothing to correct; give one of " + kinds() + ", e.g. " + example());
    }
    Correction.Builder c =
        Correction.newBuilder()
            .setArticleId(articleId)
            .setBy(by)
            .setAt(at)
            .setNote(note(body.get("note")));
    JsonNode v = body.get(kind);
    switch (kind) {
      case "stance" -> stance(v, c);
      case "relevant" -> relevant(v, c);
      case "entity" -> entity(v, c);
      default -> story(v, c);
    }
    return c.build();
  }

  private static void stance(JsonNode v, Correction.Builder c) {
    if (!v.isObject()) {
      throw bad(
          "'stance' must be an object {\"target\": \"maduro-government\", \"label\": \"against\"}");
    }
    onlyFields(v, "stance", "target", "label");
    String target = text(v, "target", "stance.target").trim();
    if (!TARGET.matcher(target).matches()) {
      throw bad(
          "'stance.target' '"
              + target
              + "' is not a target name (lower case words joined by -, e.g. maduro-government)");
    }
    String label = text(v, "label", "stance.label").trim().toLowerCase(Locale.ROOT);
    if (!LABELS.contains(label)) {
      throw bad(
          "'stance.label' must be favor, against or neutral, not '"
              + v.get("label").asText()
              + "'");
    }
    c.setField("stance:" + target).setStance(new StanceCorrection(target, label));
  }

  private static void relevant(JsonNode v, Correction.Builder c) {
    if (!v.isBoolean()) {
      throw bad("'relevant' must be true or false (false: the article is off topic)");
    }
    c.setField("relevant").setRelevant(v.booleanValue());
  }

  private static void entity(JsonNode v, Correction.Builder c) {
    if (!v.isObject()) {
      throw bad(
          "'entity' must be {\"remove\": \"ID\"} or {\"add\": {\"id\": \"ID\"}, \"mention\": \"text as written\"}");
    }
    boolean remove = v.has("remove");
    boolean add = v.has("add");
    if (remove == add) {
      throw bad(
          "'entity' takes either 'remove' (an entity id) or 'add' ({\"id\": \"ID\"} with a 'mention'), one of them");
    }
    if (remove) {
      onlyFields(v, "entity", "remove");
      String id = id(v.get("remove"), "entity.remove");
      c.setField("entity:" + id)
          .setEntity(
              EntityCorrection.newBuilder().setId(id).setAction(EntityAction.REMOVE).build());
      return;
    }
    onlyFields(v, "entity", "add", "mention");
    JsonNode a = v.get("add");
    if (!a.isObject()) {
      throw bad("'entity.add' must be an object {\"id\": \"ID\"} (with an optional name and type)");
    }
    onlyFields(a, "entity.add", "id", "name", "type");
    String id = id(a.get("id"), "entity.add.id");
    String mention = text(v, "mention", "entity.mention").strip();
    if (mention.isEmpty() || mention.length() > MAX_VALUE_CHARS) {
      throw bad(
          "'entity.mention' must be the words of the text that name the entity, 1 to "
              + MAX_VALUE_CHARS
              + " characters");
    }
    String name = a.hasNonNull("name") ? text(a, "name", "entity.add.name").strip() : mention;
    String type =
        a.hasNonNull("type")
            ? text(a, "type", "entity.add.type").strip().toUpperCase(Locale.ROOT)
            : typeOf(id);
    c.setField("entity:" + id)
        .setEntity(
            EntityCorrection.newBuilder()
                .setId(id)
                .setAction(EntityAction.ADD)
                .setMention(mention)
                .setName(name.isEmpty() ? mention : name)
                .setType(type)
                .build());
  }

  private static void story(JsonNode v, Correction.Builder c) {
    if (!v.isObject()) {
      throw bad("'story' must be {\"detach\": true} or {\"join\": \"STORY_ID\"}");
    }
    boolean detach = v.has("detach");
    boolean join = v.has("join");
    if (detach == join) {
      throw bad("'story' takes either {\"detach\": true} or {\"join\": \"STORY_ID\"}, one of them");
    }
    if (detach) {
      onlyFields(v, "story", "detach");
      if (!v.get("detach").isBoolean() || !v.get("detach").booleanValue()) {
        throw bad("'story.detach' must be true (to take a detachment back, DELETE the correction)");
      }
      c.setField("story").setStory(new StoryCorrection(true, null));
      return;
    }
    onlyFields(v, "story", "join");
    c.setField("story").setStory(new StoryCorrection(false, id(v.get("join"), "story.join")));
  }

  /** The type of a {@code vigia:TYPE/slug} id ({@code ORG}), or empty for other ids. */
  static String typeOf(String id) {
    var m = TYPED_ID.matcher(id);
    return m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : "";
  }

  private static String id(JsonNode v, String what) {
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw bad("'" + what + "' must be a non-empty id");
    }
    String id = v.asText().trim();
    if (id.length() > MAX_VALUE_CHARS
        || id.chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch))) {
      throw bad(
          "'"
              + what
              + "' must be an id without spaces, at most "
              + MAX_VALUE_CHARS
              + " characters");
    }
    return id;
  }

  private static String text(JsonNode parent, String name, String what) {
    JsonNode v = parent.get(name);
    if (v == null || !v.isTextual()) {
      throw bad("'" + what + "' must be a string");
    }
    if (v.asText().length() > MAX_VALUE_CHARS) {
      throw bad("'" + what + "' must be at most " + MAX_VALUE_CHARS + " characters");
    }
    return v.asText();
  }

  private static String note(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw bad("'note' must be a string");
    }
    if (v.asText().length() > MAX_NOTE_CHARS) {
      throw bad("'note' must be at most " + MAX_NOTE_CHARS + " characters");
    }
    return v.asText().isBlank() ? null : v.asText().strip();
  }

  private static void onlyFields(JsonNode v, String where, String... allowed) {
    Set<String> ok = Set.of(allowed);
    for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!ok.contains(f)) {
        throw bad(
            "unknown field '"
                + where
                + "."
                + f
                + "'; '"
                + where
                + "' takes "
                + String.join(", ", allowed));
      }
    }
  }

  private static String kinds() {
    return "stance, relevant, entity, story";
  }

  private static String example() {
    return "{\"stance\": {\"target\": \"maduro-government\", \"label\": \"against\"}, \"note\": \"why\"}";
  }

  private static IllegalArgumentException bad(String message) {
    return new IllegalArgumentException(message);
  }
}
