package io.vigia.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void shouldBackOffExponentiallyUpToTheMaximum() {
    RetryPolicy p = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(10));
    assertThat(p.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.delayAfter(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.delayAfter(5)).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.delayAfter(64)).isEqualTo(Duration.ofSeconds(10));
  }
}
