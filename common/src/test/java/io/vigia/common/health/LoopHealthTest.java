package io.vigia.common.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoopHealthTest {
  private final LoopHealth health = new LoopHealth("sink", "the writing loop");

  @Test
  void shouldBeStartingUntilTheLoopRuns() {
    assertThat(health.health()).isEqualTo(StageHealth.starting("sink", "not started"));
    health.started();
    assertThat(health.health()).isEqualTo(StageHealth.up("sink"));
  }

  @Test
  void shouldBePausedWithTheReasonUntilResumed() {
    health.started();
    health.paused("disk nearly full");
    assertThat(health.health()).isEqualTo(StageHealth.paused("sink", "disk nearly full"));
    assertThat(health.pausedBecause()).contains("disk nearly full");
    health.resumed();
    assertThat(health.health()).isEqualTo(StageHealth.up("sink"));
    assertThat(health.pausedBecause()).isEmpty();
  }

  @Test
  void shouldBeDownForGoodOnceAFailureStoppedTheLoopWhateverElseItSaid() {
    health.started();
    health.paused("disk nearly full");
    health.failed(new IllegalStateException("index closed"));
    StageHealth h = health.health();
    assertThat(h.state()).isEqualTo(StageHealth.State.DOWN);
    assertThat(h.reason())
        .isEqualTo(
            "the writing loop stopped (IllegalStateException: index closed); restart the service");
    health.resumed();
    assertThat(health.health().alive()).isFalse();
    assertThat(health.failure()).isPresent();
  }

  @Test
  void shouldRefuseAPauseWithoutAReason() {
    assertThatThrownBy(() -> health.paused(" ")).hasMessageContaining("must say why");
  }
}
