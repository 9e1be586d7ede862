package io.vigia.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaCheckTest {
  @Test
  void shouldOwnEveryAvroSerdeOfEveryTopicNotOnePerSchema() {
    // A serde left out never learns the recorded writer schemas: its topic dead-letters records the
    // others decode.
    assertThat(SchemaCheck.owned().stream().<Object>map(SchemaCheck.Owned::serde).toList())
        .containsOnlyOnce(
            Topics.RAW.valueSerde(),
            Topics.ENRICHED.valueSerde(),
            Topics.IRRELEVANT.valueSerde(),
            Topics.DEAD_LETTER.valueSerde());
  }
}
