package io.vigia.enrich.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.schemas.Correction;
import io.vigia.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class StoredCorrectionsTest {
  private static ConsumerRecord<String, byte[]> record(String key, Correction c) {
    byte[] value =
        c == null
            ? null
            : Topics.CORRECTIONS.valueSerde().serializer().serialize(Topics.CORRECTIONS.name(), c);
    return new ConsumerRecord<>(Topics.CORRECTIONS.name(), 0, 0, key, value);
  }

  @Test
  void shouldReadACorrectionOnlyUnderItsOwnKey() {
    Correction c = CorrectionFixtures.stance("a1", "maduro-government", "against");

    assertThat(StoredCorrections.correction(record("a1 stance:maduro-government", c))).isEqualTo(c);
    assertThat(StoredCorrections.correction(record("a2 stance:maduro-government", c)))
        .as("a key naming another article")
        .isNull();
    assertThat(StoredCorrections.correction(record("a1", c))).as("a key without a field").isNull();
    assertThat(StoredCorrections.correction(record("a1 relevant", null)))
        .as("a tombstone")
        .isNull();
    assertThat(
            StoredCorrections.correction(
                new ConsumerRecord<>(
                    Topics.CORRECTIONS.name(), 0, 0, "a1 relevant", new byte[] {1, 2, 3})))
        .as("bytes that are no correction")
        .isNull();
  }
}
