package io.vigia.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema of {@code src/main/avro} against its history in {@code history/NAME/vN.avsc}: the
 * history's newest entry is the schema as it is (so no change goes unchecked), and records written
 * with every earlier version decode with today's serde, field for field.
 */
class SchemaHistoryTest {
  private static final Path AVRO_SOURCES = Path.of("src/main/avro");

  /**
   * The generated class of every .avsc in the module, found from the files so a new schema cannot
   * be left out.
   */
  static Stream<Class<? extends SpecificRecord>> schemas() throws IOException {
    List<Class<? extends SpecificRecord>> types = new ArrayList<>();
    try (Stream<Path> files = Files.list(AVRO_SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList()) {
        String name = f.getFileName().toString().replace(".avsc", "");
        try {
          types.add(Class.forName("io.vigia.schemas." + name).asSubclass(SpecificRecord.class));
        } catch (ClassNotFoundException e) {
          throw new AssertionError(f + " has no generated class io.vigia.schemas." + name, e);
        }
      }
    }
    assertThat(types).as("schemas found in %s", AVRO_SOURCES.toAbsolutePath()).isNotEmpty();
    return types.stream();
  }

  /**
   * Every (schema, earlier version) pair; a schema with one version has no pair, so nothing here
   * passes vacuously.
   */
  static Stream<Arguments> earlierVersions() throws IOException {
    return schemas()
        .flatMap(
            type -> {
              List<Schema> previous = SchemaHistory.previousVersions(type);
              return java.util.stream.IntStream.range(0, previous.size())
                  .mapToObj(i -> Arguments.of(type, i + 1, previous.get(i)));
            });
  }

  @ParameterizedTest
  @MethodSource("schemas")
  void shouldRecordTheCurrentSchemaAsItsNewestHistoryVersion(Class<? extends SpecificRecord> type)
      throws IOException {
    Schema current = sources().get(type.getSimpleName());
    List<Schema> versions = SchemaHistory.versions(type);
    String next = "history/" + type.getSimpleName() + "/v" + (versions.size() + 1) + ".avsc";
    assertThat(versions)
        .as(
            "%s.avsc has no history: add it as %s (the schema in full, nested records inlined)",
            type.getSimpleName(), next)
        .isNotEmpty();
    assertThat(versions.get(versions.size() - 1))
        .as(
            "%s.avsc differs from its newest history entry v%d: record the change as %s (the new schema in full, nested "
                + "records inlined, e.g. SpecificData.get().getSchema(%s.class).toString(true)); this test then checks it reads "
                + "every earlier version",
            type.getSimpleName(), versions.size(), next, type.getSimpleName())
        .isEqualTo(current);
  }

  /**
   * Every .avsc as written (the generated classes' schemas carry code-generation properties), by
   * name; a file naming a schema defined in another is parsed after it.
   */
  private static Map<String, Schema> sources() throws IOException {
    List<Path> pending;
    try (Stream<Path> files = Files.list(AVRO_SOURCES)) {
      pending =
          new ArrayList<>(files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList());
    }
    Map<String, Schema> parsed = new LinkedHashMap<>();
    while (!pending.isEmpty()) {
      int before = pending.size();
      for (java.util.Iterator<Path> it = pending.iterator(); it.hasNext(); ) {
        Path f = it.next();
        try {
          Schema.Parser parser = new Schema.Parser();
          parser.addTypes(parsed.values());
          Schema s = parser.parse(Files.readString(f));
          parsed.put(s.getName(), s);
          it.remove();
        } catch (org.apache.avro.AvroRuntimeException e) {
          // names a schema of a file not parsed yet
        }
      }
      assertThat(pending.size())
          .as("schemas that name undefined types: %s", pending)
          .isLessThan(before);
    }
    return parsed;
  }

  @ParameterizedTest(name = "{0} reads v{1}")
  @MethodSource("earlierVersions")
  void shouldReadDataWrittenWithEveryPreviousVersion(
      Class<? extends SpecificRecord> type, int version, Schema old) {
    Schema current = SpecificData.get().getSchema(type);
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, old).getType())
        .as("%s can read data written with v%d", type.getSimpleName(), version)
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);

    GenericRecord written = SampleRecords.generic(old);
    byte[] bytes = encode(old, written);
    SpecificRecord read = decode(type, bytes);

    assertThat(plain(read, old))
        .as("every field written with v%d, read back", version)
        .isEqualTo(plain(written, old));
    assertNewFieldsHaveTheirDefaults(old, current, read);
  }

  /**
   * The other way round: a consumer still on an earlier version (a sink not yet upgraded while
   * enrich already writes the new one) reads what today's schema writes, the new fields skipped.
   */
  @ParameterizedTest(name = "{0} v{1} reads today's records")
  @MethodSource("earlierVersions")
  void shouldLetEveryPreviousVersionReadDataWrittenNow(
      Class<? extends SpecificRecord> type, int version, Schema old) {
    Schema current = SpecificData.get().getSchema(type);
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(old, current).getType())
        .as("%s v%d can read data written with the current schema", type.getSimpleName(), version)
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);

    GenericRecord written = SampleRecords.generic(current);
    byte[] bytes = encode(current, written);
    org.apache.avro.message.BinaryMessageDecoder<GenericRecord> decoder =
        new org.apache.avro.message.BinaryMessageDecoder<>(GenericData.get(), old);
    decoder.addSchema(current);
    GenericRecord read = decode(decoder, bytes);

    assertThat(plain(read, old))
        .as("every field v%d knows, read back from today's record", version)
        .isEqualTo(plain(written, old));
  }

  @ParameterizedTest
  @MethodSource("schemas")
  void shouldKeepTheCurrentVersionCompatibleWithItsOwnSample(Class<? extends SpecificRecord> type) {
    Schema current = SpecificData.get().getSchema(type);
    GenericRecord sample = SampleRecords.generic(current);
    SpecificRecord read = decode(type, encode(current, sample));
    assertThat(plain(read, current)).isEqualTo(plain(sample, current));
    // and what today's serde writes is read back the same
    @SuppressWarnings({"unchecked", "rawtypes"})
    AvroSerde<SpecificRecord> serde = new AvroSerde(type);
    assertThat(serde.decode(serde.encode(read))).isEqualTo(read);
  }

  @Test
  void shouldKeepTheEnrichedArticleVersionThatNestedTheFirstRawArticle() {
    // EnrichedArticle nests RawArticle: when RawArticle gained fields, EnrichedArticle changed with
    // it,
    // and enriched records written before still carry the old fingerprint.
    Schema firstRaw = SchemaHistory.versions(RawArticle.class).get(0);
    assertThat(SchemaHistory.previousVersions(EnrichedArticle.class))
        .anySatisfy(old -> assertThat(old.getField("article").schema()).isEqualTo(firstRaw));
  }

  private static byte[] encode(Schema writer, GenericRecord record) {
    try {
      ByteBuffer b =
          new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer).encode(record);
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static GenericRecord decode(
      org.apache.avro.message.BinaryMessageDecoder<GenericRecord> decoder, byte[] bytes) {
    try {
      return decoder.decode(bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static SpecificRecord decode(Class<? extends SpecificRecord> type, byte[] bytes) {
    return (SpecificRecord) new AvroSerde(type).decode(bytes);
  }

  /**
   * A fresh field (in {@code current}, not in {@code old}) reads as its default, in nested records
   * too.
   */
  private static void assertNewFieldsHaveTheirDefaults(Schema old, Schema current, Object read) {
    if (old.getType() == Schema.Type.UNION) {
      old = nonNull(old);
      current = nonNull(current);
    }
    if (old.getType() != Schema.Type.RECORD || read == null) {
      return;
    }
    GenericRecord r = (GenericRecord) read;
    for (Schema.Field f : current.getFields()) {
      Schema.Field before = old.getField(f.name());
      if (before == null) {
        assertThat(plain(r.get(f.name()), f.schema()))
            .as("new field %s.%s reads as its default", current.getName(), f.name())
            .isEqualTo(plain(GenericData.get().getDefaultValue(f), f.schema()));
      } else {
        assertNewFieldsHaveTheirDefaults(before.schema(), f.schema(), r.get(f.name()));
      }
    }
  }

  /**
   * A value as plain Java data, walked along {@code s}: generic data holds strings as Utf8 and
   * timestamps as longs, specific data as String and Instant; only the fields of {@code s} count.
   */
  private static Object plain(Object v, Schema s) {
    if (v == null) {
      return null;
    }
    return switch (s.getType()) {
      case UNION -> plain(v, nonNull(s));
      case RECORD -> {
        GenericRecord r = (GenericRecord) v;
        Map<String, Object> m = new LinkedHashMap<>();
        for (Schema.Field f : s.getFields()) {
          m.put(f.name(), plain(r.get(f.name()), f.schema()));
        }
        yield m;
      }
      case ARRAY -> ((List<?>) v).stream().map(e -> plain(e, s.getElementType())).toList();
      case LONG -> v instanceof Instant i ? i.toEpochMilli() : ((Number) v).longValue();
      case STRING, ENUM -> v.toString();
      case BYTES -> {
        ByteBuffer b = ((ByteBuffer) v).duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        yield HexFormat.of().formatHex(bytes);
      }
      default -> v;
    };
  }

  /** Every union in these schemas is [null, T]. */
  private static Schema nonNull(Schema union) {
    return union.getTypes().stream()
        .filter(t -> t.getType() != Schema.Type.NULL)
        .findFirst()
        .orElseThrow();
  }
}
