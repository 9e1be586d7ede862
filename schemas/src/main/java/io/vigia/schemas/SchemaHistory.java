package io.vigia.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;

/**
 * Every version of each schema, kept in this module under {@code
 * io/vigia/schemas/history/NAME/vN.avsc}, the newest being the current {@code .avsc} in full
 * (nested records inlined, so an {@code EnrichedArticle} version records the {@code RawArticle} it
 * nested). Changing an {@code .avsc} means adding its next version here: {@code SchemaHistoryTest}
 * fails until the newest entry equals the schema, then proves the schema reads data written with
 * every earlier version; the serdes decode records of all of them.
 */
public final class SchemaHistory {
  private SchemaHistory() {}

  /**
   * Every recorded version of the schema of {@code type}, oldest first; the newest should be the
   * current one.
   */
  public static List<Schema> versions(Class<?> type) {
    List<Schema> versions = new ArrayList<>();
    for (int v = 1; ; v++) {
      String path = "history/" + type.getSimpleName() + "/v" + v + ".avsc";
      try (InputStream in = SchemaHistory.class.getResourceAsStream(path)) {
        if (in == null) {
          return versions;
        }
        versions.add(new Schema.Parser().parse(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read schema history " + path, e);
      }
    }
  }

  /**
   * The recorded versions of the schema of {@code type} before its current one, oldest first (empty
   * for a new schema).
   */
  public static List<Schema> previousVersions(Class<?> type) {
    long current = SchemaNormalization.parsingFingerprint64(SpecificData.get().getSchema(type));
    return versions(type).stream()
        .filter(s -> SchemaNormalization.parsingFingerprint64(s) != current)
        .toList();
  }
}
