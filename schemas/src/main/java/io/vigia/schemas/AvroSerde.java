package io.vigia.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde for generated Avro classes that needs no schema registry: Avro single-object
 * encoding, whose header carries the writer schema's fingerprint. The decoder knows the current
 * schema and every previous version kept in {@link SchemaHistory}, so records written by an older
 * producer still decode after an upgrade; bytes of an unknown schema fail with a {@link
 * SerializationException} that says so, which the stages route to the dead-letter topic.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
  static {
    // Set before any Avro reader class initialises.
    TrustedPackages.install();
  }

  private final Class<T> type;
  private final Schema schema;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  public AvroSerde(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
    this.schema = SpecificData.get().getSchema(type);
    SpecificData model = SpecificData.getForClass(type);
    this.encoder = new BinaryMessageEncoder<>(model, schema);
    this.decoder = new BinaryMessageDecoder<>(model, schema);
    for (Schema previous : SchemaHistory.previousVersions(type)) {
      decoder.addSchema(previous);
    }
  }

  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return new AvroSerde<>(type);
  }

  /** The schema this serde writes. */
  public Schema schema() {
    return schema;
  }

  /**
   * Teaches the decoder another writer schema (e.g. a newer compatible one recorded by another
   * instance), so its records decode instead of going to the dead-letter topic.
   */
  public void addWriterSchema(Schema writer) {
    decoder.addSchema(writer);
  }

  public byte[] encode(T value) {
    if (value == null) {
      return null;
    }
    try {
      ByteBuffer buffer = encoder.encode(value);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public T decode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return decoder.decode(bytes);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "not a readable "
              + type.getSimpleName()
              + " ("
              + bytes.length
              + " bytes): "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> encode(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> decode(bytes);
  }
}
