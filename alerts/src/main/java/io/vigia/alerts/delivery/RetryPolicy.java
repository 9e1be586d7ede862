package io.vigia.alerts.delivery;

import java.time.Duration;

/**
 * Exponential backoff: attempt n waits {@code initial * 2^(n-1)}, at most {@code max}; then a dead
 * letter.
 */
public record RetryPolicy(int maxAttempts, Duration initial, Duration max) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** The wait after failed attempt {@code attempt} (1-based). */
  public Duration delayAfter(int attempt) {
    long ms = initial.toMillis() << Math.min(attempt - 1, 30);
    return Duration.ofMillis(Math.min(ms < 0 ? Long.MAX_VALUE : ms, max.toMillis()));
  }
}
