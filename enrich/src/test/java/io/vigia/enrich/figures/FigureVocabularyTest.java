package io.vigia.enrich.figures;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FigureVocabularyTest {

  /** The API and the alert rule take only this shape, so a profile may not name one otherwise. */
  @Test
  void shouldRefuseAQuantityNameTheApiCouldNotBeAskedFor() throws Exception {
    var root = new ObjectMapper().readTree("{\"quantities\": [{\"name\": \"Vote Share\"}]}");
    assertThatThrownBy(() -> FigureVocabulary.from(root, "figures.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("figures.yaml quantities[0]: quantity 'Vote Share' must be");
  }
}
