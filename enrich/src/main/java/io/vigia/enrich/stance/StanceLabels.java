package io.vigia.enrich.stance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.schemas.StanceLabel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Stance labels as people and files write them ({@code favor}, {@code against}, {@code neutral}):
 * the one reading and writing of them that examples, corrections and profile files share.
 */
public final class StanceLabels {
  private StanceLabels() {}

  /**
   * @throws IllegalArgumentException saying what is allowed, when {@code s} is no label
   */
  public static StanceLabel parse(String s) {
    try {
      return StanceLabel.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "stance label must be favor, against or neutral, was '" + s + "'", e);
    }
  }

  /** The label as files write it: lower case. */
  public static String text(StanceLabel label) {
    return label.name().toLowerCase(Locale.ROOT);
  }

  /** A {@code {"TARGET": "LABEL", ...}} object, in its order; {@link #parse}'s error otherwise. */
  public static Map<String, StanceLabel> byTarget(JsonNode object) {
    Map<String, StanceLabel> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), parse(e.getValue().asText())));
    return out;
  }

  /** Writes {@code labels} as {@link #byTarget} reads them, into {@code parent}'s {@code field}. */
  public static void put(ObjectNode parent, String field, Map<String, StanceLabel> labels) {
    ObjectNode o = parent.putObject(field);
    labels.forEach((target, label) -> o.put(target, text(label)));
  }
}
