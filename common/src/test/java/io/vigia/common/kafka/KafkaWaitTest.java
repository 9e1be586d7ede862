package io.vigia.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.common.health.StageHealth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaWaitTest {
  private final List<Duration> pauses = new ArrayList<>();

  @Test
  void shouldDoubleThePauseUpToTheCap() {
    KafkaWait.Backoff b = KafkaWait.Backoff.DEFAULT;
    List<Long> seconds = new ArrayList<>();
    Duration d = b.first();
    for (int i = 0; i < 8; i++) {
      seconds.add(d.toSeconds());
      d = b.after(d);
    }
    assertThat(seconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
  }

  @Test
  void shouldRejectABackoffWhoseCapIsBelowItsFirstPause() {
    assertThatThrownBy(() -> new KafkaWait.Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldReportStartingWithTheReasonWhileWaitingAndUpOnceTheClusterAnswers() throws Exception {
    List<StageHealth> seenWhilePausing = new ArrayList<>();
    KafkaWait[] self = new KafkaWait[1];
    KafkaWait wait =
        new KafkaWait(
            "127.0.0.1:9",
            KafkaWait.Backoff.DEFAULT,
            d -> {
              pauses.add(d);
              seenWhilePausing.add(self[0].health());
            });
    self[0] = wait;
    int[] calls = {0};
    wait.await(() -> ++calls[0] <= 3 ? Optional.of("no answer within 5s") : Optional.empty());

    assertThat(pauses)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(seenWhilePausing)
        .allSatisfy(
            h -> {
              assertThat(h.state()).isEqualTo(StageHealth.State.STARTING);
              assertThat(h.ready()).isFalse();
              assertThat(h.alive()).isTrue();
              assertThat(h.reason())
                  .isEqualTo("waiting for Kafka at 127.0.0.1:9: no answer within 5s");
            });
    assertThat(wait.health()).isEqualTo(StageHealth.up(KafkaWait.STAGE));
  }

  @Test
  void shouldNotPauseWhenTheClusterAnswersAtOnce() throws Exception {
    KafkaWait wait = new KafkaWait("h:1", KafkaWait.Backoff.DEFAULT, pauses::add);
    assertThat(wait.health().ready()).as("not ready before the first answer").isFalse();
    wait.await(Optional::empty);
    assertThat(pauses).isEmpty();
    assertThat(wait.health().ready()).isTrue();
  }

  @Test
  void shouldFailFastWhenTheProbeSaysTheSettingsAreWrong() {
    KafkaWait wait = new KafkaWait("h:1", KafkaWait.Backoff.DEFAULT, pauses::add);
    assertThatThrownBy(
            () ->
                wait.await(
                    () -> {
                      throw new IllegalStateException("refused this client: bad credentials");
                    }))
        .hasMessageContaining("bad credentials");
    assertThat(pauses).isEmpty();
  }
}
