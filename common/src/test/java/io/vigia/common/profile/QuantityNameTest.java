package io.vigia.common.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantityNameTest {

  @Test
  void shouldAcceptTheVocabularysLowerCaseHyphenatedNames() {
    assertThat(QuantityName.isWellFormed("turnout")).isTrue();
    assertThat(QuantityName.isWellFormed("states-won-by-votes")).isTrue();
    assertThat(QuantityName.isWellFormed("seats-2025")).isTrue();
  }

  @Test
  void shouldRefuseOtherShapes() {
    assertThat(QuantityName.isWellFormed(null)).isFalse();
    assertThat(QuantityName.isWellFormed("")).isFalse();
    assertThat(QuantityName.isWellFormed("Turnout")).isFalse();
    assertThat(QuantityName.isWellFormed("vote_share")).isFalse();
    assertThat(QuantityName.isWellFormed("vote--share")).isFalse();
    assertThat(QuantityName.isWellFormed("-turnout")).isFalse();
    assertThat(QuantityName.isWellFormed("a".repeat(65))).isFalse();
  }
}
