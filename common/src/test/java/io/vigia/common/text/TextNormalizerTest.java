package io.vigia.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void shouldFoldCaseAccentsQuotesAndSpaces() {
    assertThat(TextNormalizer.fold("  El “Consejo”   Nacional\nElectoral "))
        .isEqualTo("el \"consejo\" nacional electoral");
    assertThat(TextNormalizer.fold("elección")).isEqualTo("eleccion");
  }

  @Test
  void shouldHashTextsThatDifferOnlyInPresentationTheSame() {
    assertThat(TextNormalizer.contentHash("Maduro dijo “sí”."))
        .isEqualTo(TextNormalizer.contentHash("maduro  dijo \"si\"."))
        .isNotEqualTo(TextNormalizer.contentHash("Maduro dijo no."));
  }
}
