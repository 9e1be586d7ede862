package io.vigia.enrich.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.enrich.stance.StanceLabels;
import io.vigia.schemas.StanceLabel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One article with what a person says is right about it: its stance toward some targets, and/or
 * whether it is on topic. What {@code vigia learn} and {@code vigia stance-train} learn from,
 * whether it comes from a file or from analysts' corrections.
 *
 * @param stance target to label; only the targets someone labelled
 * @param relevant whether it is on topic; null when nobody said
 */
public record LabelledExample(
    String id,
    String url,
    String title,
    String text,
    String language,
    String publishedAt,
    Map<String, StanceLabel> stance,
    Boolean relevant) {
  public LabelledExample {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    text = text == null ? "" : text;
    stance = Map.copyOf(stance);
  }

  /**
   * Reads one JSON line: {@code {"id","url","title","text","language"?,"publishedAt"?,
   * "stance":{"TARGET":"LABEL"}?,"relevant":BOOL?}}. Also read, for labelled corpora: {@code
   * headline}/{@code body}, {@code lang}, and a bare {@code "stance":"LABEL"} or {@code "label"}
   * meaning a label toward {@code defaultTarget}.
   *
   * @throws IllegalArgumentException naming the field when a label is not favor/against/neutral
   */
  public static LabelledExample fromJson(JsonNode o, String defaultTarget) {
    Map<String, StanceLabel> stance = new LinkedHashMap<>();
    JsonNode s = o.has("stance") ? o.get("stance") : o.path("label");
    if (s.isObject()) {
      stance.putAll(StanceLabels.byTarget(s));
    } else if (s.isTextual() && !s.asText().isBlank()) {
      stance.put(defaultTarget, StanceLabels.parse(s.asText()));
    }
    String id = o.path("id").asText("");
    if (id.isBlank()) {
      throw new IllegalArgumentException("an example needs an \"id\"");
    }
    return new LabelledExample(
        id,
        text(o, "url", null),
        text(o, "title", text(o, "headline", "")),
        text(o, "text", text(o, "body", "")),
        text(o, "language", text(o, "lang", null)),
        text(o, "publishedAt", text(o, "published", null)),
        stance,
        o.path("relevant").isBoolean() ? o.get("relevant").asBoolean() : null);
  }

  /** The example as the JSON line {@link #fromJson} reads. */
  public ObjectNode toJson() {
    ObjectNode o = LabelledExamples.JSON.createObjectNode();
    o.put("id", id);
    if (url != null) {
      o.put("url", url);
    }
    o.put("title", title);
    o.put("text", text);
    if (language != null) {
      o.put("language", language);
    }
    if (publishedAt != null) {
      o.put("publishedAt", publishedAt);
    }
    if (!stance.isEmpty()) {
      StanceLabels.put(o, "stance", stance);
    }
    if (relevant != null) {
      o.put("relevant", relevant);
    }
    return o;
  }

  /** The same article with {@code other}'s labels added (other's win where both label). */
  public LabelledExample mergedWith(LabelledExample other) {
    Map<String, StanceLabel> merged = new LinkedHashMap<>(stance);
    merged.putAll(other.stance());
    return new LabelledExample(
        id,
        url,
        title,
        text,
        language,
        publishedAt,
        merged,
        other.relevant() != null ? other.relevant() : relevant);
  }

  private static String text(JsonNode o, String field, String fallback) {
    return o.hasNonNull(field) ? o.get(field).asText() : fallback;
  }
}
