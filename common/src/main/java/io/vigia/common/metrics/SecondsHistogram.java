package io.vigia.common.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/**
 * A duration in seconds, published twice:
 *
 * <ul>
 *   <li>{@code NAME_seconds} — a Prometheus histogram with fixed buckets ({@code _bucket{le=...}},
 *       {@code _count}, {@code _sum}), cumulative since the process started. Buckets add up across
 *       instances, so {@code histogram_quantile(0.99, sum by (le) (rate(NAME_seconds_bucket[5m])))}
 *       is the percentile of the whole deployment;
 *   <li>{@code NAME_recent_seconds{quantile="0.5"|"0.9"|"0.99"}} — this process's percentiles over
 *       a sliding window of the last {@link #WINDOW} (five one-minute buffers), for a look at one
 *       instance without Prometheus. They read 0 once nothing was recorded for a whole window, and
 *       percentiles of several instances cannot be averaged: use the histogram for that.
 * </ul>
 */
public final class SecondsHistogram {
  /** How far back the {@code _recent} percentiles look. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  /**
   * Freshness buckets, 50 ms to 30 days: stages hand over in well under a second, while an article
   * found in a feed can have been published days before (a backfill, a sitemap, a slow outlet).
   */
  public static final double[] FRESHNESS_BUCKETS = {
    0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600,
    7200, 21_600, 43_200, 86_400, 172_800, 345_600, 604_800, 1_209_600, 2_592_000
  };

  /** Latency buckets for one write, 1 ms to 2 minutes (an index that is slow or retrying). */
  public static final double[] LATENCY_BUCKETS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120
  };

  // Timers, not distribution summaries: a summary's buckets count a value rounded up to a whole
  // number, so 0.3 s would land in the 1 s bucket; a timer keeps nanoseconds.
  private final Timer histogram;
  private final Timer recent;

  private SecondsHistogram(Timer histogram, Timer recent) {
    this.histogram = histogram;
    this.recent = recent;
  }

  /**
   * Registers (or finds) the pair of meters named {@code name} (dotted, e.g. {@code
   * vigia.freshness.fetched.to.searchable}).
   */
  public static SecondsHistogram register(
      MeterRegistry registry, String name, String description, double[] buckets) {
    Duration[] slos = new Duration[buckets.length];
    for (int i = 0; i < buckets.length; i++) {
      slos[i] = Duration.ofNanos(Math.round(buckets[i] * 1e9));
    }
    Timer histogram =
        Timer.builder(name)
            .description(description)
            .serviceLevelObjectives(slos)
            .register(registry);
    Timer recent =
        Timer.builder(name + ".recent")
            .description(
                description + "; percentiles over the last " + WINDOW.toMinutes() + " minutes")
            .publishPercentiles(0.5, 0.9, 0.99)
            .percentilePrecision(2) // at the default (1 digit) a median of 9.0 s read 8.6 s
            .distributionStatisticExpiry(WINDOW)
            .distributionStatisticBufferLength((int) WINDOW.toMinutes())
            .register(registry);
    return new SecondsHistogram(histogram, recent);
  }

  public void record(Duration d) {
    Duration positive = d.isNegative() ? Duration.ZERO : d;
    histogram.record(positive);
    recent.record(positive);
  }

  /**
   * The time from {@code from} to {@code to}; a negative span (clocks of two machines) counts as 0.
   */
  public void recordBetween(Instant from, Instant to) {
    record(Duration.between(from, to));
  }

  /** Samples recorded since start. */
  public long count() {
    return histogram.count();
  }
}
