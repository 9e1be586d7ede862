package io.vigia.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.schemas.testing.SampleArticles;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  @Test
  void shouldRoundTripAnArticleWithoutARegistry() {
    RawArticle a =
        SampleArticles.raw("https://example.org/a", "Título", "Texto con acentos: elección.")
            .build();
    byte[] bytes = Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), a);
    assertThat(Topics.RAW.valueSerde().deserializer().deserialize(Topics.RAW.name(), bytes))
        .isEqualTo(a);
  }

  @Test
  void shouldRefuseBytesThatAreNotAvroWithAReason() {
    assertThatThrownBy(
            () ->
                Topics.RAW
                    .valueSerde()
                    .deserializer()
                    .deserialize("t", "not avro at all".getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not a readable RawArticle");
  }

  @Test
  void shouldRefuseARecordOfAnotherSchema() {
    EnrichedArticle e =
        SampleArticles.enriched(SampleArticles.raw("https://example.org/b", "t", "x").build());
    byte[] bytes = Topics.ENRICHED.valueSerde().serializer().serialize("t", e);
    assertThatThrownBy(() -> Topics.RAW.valueSerde().deserializer().deserialize("t", bytes))
        .isInstanceOf(SerializationException.class);
  }
}
