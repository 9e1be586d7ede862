package io.vigia.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.broker.EmbeddedKafka;
import io.vigia.schemas.testing.SampleArticles;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema log in Kafka, checked at start, against a real broker. */
class SchemaCheckIT {
  @TempDir Path dir;
  EmbeddedKafka kafka;
  Properties props;

  /** A broker per test: the schema log is shared state. */
  @BeforeEach
  void startBroker() throws Exception {
    kafka = new EmbeddedKafka(dir, 0).start();
    props = new Properties();
    props.put("bootstrap.servers", kafka.bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      TopicCreator.ensure(admin, Topics.all(), 1, (short) 1);
    }
  }

  @AfterEach
  void stopBroker() {
    kafka.close();
  }

  private void record(Schema s) throws Exception {
    try (KafkaProducer<String, String> p =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      p.send(
              new ProducerRecord<>(
                  Topics.SCHEMAS.name(), s.getFullName() + "@test-" + s.hashCode(), s.toString()))
          .get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldRecordItsSchemasAndTeachTheSerdesNewerCompatibleOnes() throws Exception {
    SchemaCheck.verifyAndRegister(props);
    // A newer producer added a field with a default: compatible, and its records must decode.
    Schema current = Topics.RAW.valueSerde() instanceof AvroSerde<?> s ? s.schema() : null;
    List<Schema.Field> fields = new java.util.ArrayList<>();
    current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
    fields.add(
        new Schema.Field("readingMinutes", Schema.create(Schema.Type.INT), "added later", 0));
    Schema newer =
        Schema.createRecord(
            current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    record(newer);

    SchemaCheck.verifyAndRegister(props);

    RawArticle a = SampleArticles.raw("https://example.org/n", "t", "x").build();
    GenericRecord g = new GenericData.Record(newer);
    for (Schema.Field f : current.getFields()) {
      Object v = a.get(f.name());
      g.put(f.name(), v instanceof java.time.Instant i ? i.toEpochMilli() : v);
    }
    g.put("readingMinutes", 4);
    byte[] bytes =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), newer).encode(g).array();
    assertThat(
            Topics.RAW.valueSerde().deserializer().deserialize(Topics.RAW.name(), bytes).getUrl())
        .isEqualTo("https://example.org/n");
  }

  @Test
  void shouldTeachANewerCompatibleSchemaToEverySerdeThatReadsIt() throws Exception {
    // Enriched and irrelevant articles share a schema but each topic has its own serde.
    Schema current = EnrichedArticle.getClassSchema();
    List<Schema.Field> fields = new java.util.ArrayList<>();
    current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
    fields.add(
        new Schema.Field("reviewedBy", Schema.create(Schema.Type.STRING), "added later", "nobody"));
    Schema newer =
        Schema.createRecord(
            current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    record(newer);

    SchemaCheck.verifyAndRegister(props);

    GenericRecord g = SampleRecords.generic(newer);
    byte[] bytes =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), newer).encode(g).array();
    for (Topic<String, EnrichedArticle> t : List.of(Topics.ENRICHED, Topics.IRRELEVANT)) {
      assertThat(t.valueSerde().deserializer().deserialize(t.name(), bytes).getProfile())
          .as(t.name())
          .isEqualTo("sample-profile");
    }
  }

  @Test
  void shouldRefuseToStartWhenDataWasWrittenWithAnIncompatibleSchema() throws Exception {
    Schema incompatible =
        SchemaBuilder.record("DeadLetter")
            .namespace("io.vigia.schemas")
            .fields()
            .requiredInt("stage")
            .endRecord();
    record(incompatible);
    assertThatThrownBy(() -> SchemaCheck.verifyAndRegister(props))
        .isInstanceOf(SchemaCheck.IncompatibleSchemaException.class)
        .hasMessageContaining("DeadLetter cannot read data");
  }
}
