package io.vigia.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaHistoryTest {

  static Stream<Class<? extends SpecificRecord>> schemas() {
    return Stream.of(RawArticle.class, EnrichedArticle.class, DeadLetter.class);
  }

  @ParameterizedTest
  @MethodSource("schemas")
  void shouldReadDataWrittenWithEveryPreviousVersion(Class<? extends SpecificRecord> type) throws IOException {
    Schema current = SpecificData.get().getSchema(type);
    List<Schema> previous = SchemaHistory.previousVersions(type);
    for (Schema old : previous) {
      assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, old).getType())
          .as("%s can read data written with a previous version", type.getSimpleName())
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);

      GenericRecord written = SampleRecords.generic(old);
      byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), old).encode(written).array();
      @SuppressWarnings({"unchecked", "rawtypes"})
      SpecificRecord read = (SpecificRecord) new AvroSerde(type).decode(bytes);
      for (Schema.Field f : old.getFields()) {
        Object expected = written.get(f.name());
        Object actual = read.get(current.getField(f.name()).pos());
        assertThat(comparable(actual)).as(f.name()).isEqualTo(comparable(expected));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("schemas")
  void shouldKeepTheCurrentVersionCompatibleWithItsOwnSample(Class<? extends SpecificRecord> type) throws IOException {
    Schema current = SpecificData.get().getSchema(type);
    GenericRecord sample = SampleRecords.generic(current);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(current).write(sample, enc);
    enc.flush();
    assertThat(out.size()).isPositive();
  }

  @org.junit.jupiter.api.Test
  void shouldKeepAHistoryForTheRawArticleSchema() {
    // The raw article schema has evolved once already (v1 lacked extraction metadata); its
    // history must stay in the module or old raw records in Kafka become unreadable.
    assertThat(SchemaHistory.previousVersions(RawArticle.class)).isNotEmpty();
  }

  /** Generic data holds timestamps as longs and strings as Utf8; specific data as Instant and String. */
  private static String comparable(Object v) {
    if (v instanceof java.time.Instant i) {
      return Long.toString(i.toEpochMilli());
    }
    return String.valueOf(v);
  }
}
