package io.vigia.enrich.topology;

import io.vigia.schemas.DeadLetter;
import io.vigia.schemas.RawArticle;
import io.vigia.schemas.Topics;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Decodes raw bytes into an article. Bytes that are not a readable {@link RawArticle} (not Avro, a
 * schema from the future) become a dead letter naming topic, partition and offset, so one poison
 * record neither stops the topology nor disappears.
 */
final class DecodeRawArticle implements FixedKeyProcessor<String, byte[], Decoded> {
  private final EnrichMeters meters;
  private FixedKeyProcessorContext<String, Decoded> context;

  DecodeRawArticle(EnrichMeters meters) {
    this.meters = meters;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Decoded> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    meters.read();
    try {
      RawArticle a =
          Topics.RAW.valueSerde().deserializer().deserialize(Topics.RAW.name(), record.value());
      if (a == null) {
        throw new IllegalArgumentException("empty record");
      }
      context.forward(record.withValue(new Decoded.Ok(a)));
    } catch (RuntimeException e) {
      var meta = context.recordMetadata();
      DeadLetter letter =
          DeadLetter.newBuilder()
              .setStage("enrich")
              .setTopic(meta.map(m -> m.topic()).orElse(Topics.RAW.name()))
              .setPartition(meta.map(m -> m.partition()).orElse(null))
              .setOffset(meta.map(m -> m.offset()).orElse(null))
              .setKey(
                  record.key() == null
                      ? null
                      : ByteBuffer.wrap(
                          record.key().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
              .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
              .setError(String.valueOf(e.getMessage()))
              .setErrorClass(e.getClass().getName())
              .setAt(Instant.now())
              .build();
      context.forward(record.withValue(new Decoded.Bad(letter)));
    }
  }
}
