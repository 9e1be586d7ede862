package io.vigia.enrich.figures;

import static org.assertj.core.api.Assertions.assertThat;
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

  @Test
  void shouldKeepConflictsWithinTheStoryUnlessTheProfileAsks() throws Exception {
    var json = new ObjectMapper();
    assertThat(FigureVocabulary.from(json.readTree("{}"), "f").conflictsAcrossStories()).isFalse();
    assertThat(FigureFixtures.VOCABULARY.conflictsAcrossStories())
        .as("the bundled profile: off")
        .isFalse();
    var on = json.readTree("{\"conflicts\": {\"across-stories\": true}}");
    assertThat(FigureVocabulary.from(on, "f").conflictsAcrossStories()).isTrue();
  }

  @Test
  void shouldRefuseAConflictsValueOtherThanTrueOrFalse() throws Exception {
    var root = new ObjectMapper().readTree("{\"conflicts\": {\"across-stories\": \"sometimes\"}}");
    assertThatThrownBy(() -> FigureVocabulary.from(root, "p/figures.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "p/figures.yaml conflicts: across-stories 'sometimes' is none of [true, false]");
  }

  @Test
  void shouldRefuseAnUnknownConflictsKey() throws Exception {
    var root = new ObjectMapper().readTree("{\"conflicts\": {\"across-elections\": true}}");
    assertThatThrownBy(() -> FigureVocabulary.from(root, "p/figures.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "p/figures.yaml conflicts: unknown key 'across-elections'; the only key is"
                + " across-stories");
  }
}
