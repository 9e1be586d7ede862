package io.vigia.common.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading the fields of a profile file's entries, with errors that name the entry. */
public final class ProfileFields {
  private ProfileFields() {}

  /**
   * The field's text, stripped.
   *
   * @throws IllegalArgumentException naming {@code where} and the field when it is missing or blank
   */
  public static String text(JsonNode entry, String field, String where) {
    String v = entry.path(field).asText("").strip();
    if (v.isEmpty()) {
      throw new IllegalArgumentException(where + ": missing '" + field + "'");
    }
    return v;
  }

  /** The field's list of texts, stripped, blanks left out; empty when the field is absent. */
  public static List<String> list(JsonNode entry, String field) {
    List<String> out = new ArrayList<>();
    entry
        .path(field)
        .forEach(
            n -> {
              if (!n.asText("").isBlank()) {
                out.add(n.asText().strip());
              }
            });
    return out;
  }
}
