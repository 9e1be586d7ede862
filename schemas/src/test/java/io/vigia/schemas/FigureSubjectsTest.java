package io.vigia.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FigureSubjectsTest {
  @Test
  void shouldNameAnOpaqueIdAndLeaveAReadableOneAlone() {
    assertThat(FigureSubjects.of("Q57413", "nicolas-maduro")).isEqualTo("Q57413/nicolas-maduro");
    assertThat(FigureSubjects.of("vigia:org/psuv", "partido-socialista"))
        .isEqualTo("vigia:org/psuv");
    assertThat(FigureSubjects.of("Q57413x", "x")).isEqualTo("Q57413x");
  }

  @Test
  void shouldFindASubjectByItsIdButNotByAPrefixOfIt() {
    assertThat(FigureSubjects.same("Q57413", "Q57413/nicolas-maduro")).isTrue();
    assertThat(FigureSubjects.same("Q57413/nicolas-maduro", "Q57413/nicolas-maduro")).isTrue();
    assertThat(FigureSubjects.same("vigia:org/psuv", "vigia:org/psuv")).isTrue();
    assertThat(FigureSubjects.same("Q5741", "Q57413/nicolas-maduro")).isFalse();
    assertThat(FigureSubjects.same("vigia:org", "vigia:org/psuv"))
        .as("a readable id's own slash is no name")
        .isFalse();
  }
}
