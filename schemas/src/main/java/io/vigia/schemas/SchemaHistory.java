package io.vigia.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Previous versions of each schema, kept in this module under {@code
 * io/vigia/schemas/history/NAME/vN.avsc}. Before changing an {@code .avsc}, copy the current file
 * there as the next version: {@code SchemaHistoryTest} then proves the new schema reads data
 * written with every previous one, and the serdes keep decoding old records.
 */
public final class SchemaHistory {
  private SchemaHistory() {}

  /** Previous versions of the schema of {@code type}, oldest first (empty for a new schema). */
  public static List<Schema> previousVersions(Class<?> type) {
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
}
