package io.vigia.schemas;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Builds a record for any schema with a non-default value in every field. */
final class SampleRecords {
  private SampleRecords() {}

  static GenericRecord generic(Schema schema) {
    GenericRecord r = new GenericData.Record(schema);
    for (Schema.Field f : schema.getFields()) {
      r.put(f.name(), value(f.schema(), f.name()));
    }
    return r;
  }

  private static Object value(Schema s, String name) {
    return switch (s.getType()) {
      case STRING -> "sample-" + name;
      case INT -> 7;
      case LONG -> 1_700_000_000_123L;
      case DOUBLE -> 0.25;
      case BOOLEAN -> true;
      case BYTES -> ByteBuffer.wrap(new byte[] {1, 2, 3});
      case ENUM ->
          new GenericData.EnumSymbol(s, s.getEnumSymbols().get(s.getEnumSymbols().size() - 1));
      case ARRAY -> new GenericData.Array<>(s, List.of(value(s.getElementType(), name)));
      case RECORD -> generic(s);
      case UNION ->
          value(
              s.getTypes().stream()
                  .filter(t -> t.getType() != Schema.Type.NULL)
                  .findFirst()
                  .orElseThrow(),
              name);
      default -> throw new IllegalArgumentException("no sample for " + s.getType());
    };
  }
}
