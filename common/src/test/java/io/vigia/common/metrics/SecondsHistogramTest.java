package io.vigia.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecondsHistogramTest {
  private final PrometheusMeterRegistry registry = Metrics.newRegistry();

  @Test
  void shouldPublishBucketsThatAddUpAcrossInstancesAndRecentPercentiles() {
    SecondsHistogram h =
        SecondsHistogram.register(
            registry, "vigia.freshness.test", "test", SecondsHistogram.FRESHNESS_BUCKETS);
    h.record(Duration.ofMillis(300));
    h.record(Duration.ofHours(30));
    Instant now = Instant.now();
    h.recordBetween(now, now.minusSeconds(5)); // clocks of two machines disagree: 0, not negative
    String text = registry.scrape();
    assertThat(text)
        .contains("# TYPE vigia_freshness_test_seconds histogram")
        .contains("vigia_freshness_test_seconds_bucket{le=\"0.05\"} 1")
        .contains("vigia_freshness_test_seconds_bucket{le=\"0.5\"} 2")
        .contains("vigia_freshness_test_seconds_bucket{le=\"86400.0\"} 2")
        .contains("vigia_freshness_test_seconds_bucket{le=\"172800.0\"} 3")
        .contains("vigia_freshness_test_seconds_bucket{le=\"+Inf\"} 3")
        .contains("vigia_freshness_test_seconds_count 3")
        .contains("vigia_freshness_test_recent_seconds{quantile=\"0.99\"}");
    assertThat(h.count()).isEqualTo(3);
  }

  @Test
  void shouldCoverSecondsToDaysInIncreasingBuckets() {
    for (double[] buckets :
        new double[][] {SecondsHistogram.FRESHNESS_BUCKETS, SecondsHistogram.LATENCY_BUCKETS}) {
      for (int i = 1; i < buckets.length; i++) {
        assertThat(buckets[i]).isGreaterThan(buckets[i - 1]);
      }
    }
    assertThat(SecondsHistogram.FRESHNESS_BUCKETS[SecondsHistogram.FRESHNESS_BUCKETS.length - 1])
        .isGreaterThanOrEqualTo(30 * 86_400);
  }

  @Test
  void shouldPublishTheJvmAndTheProcess() {
    assertThat(registry.scrape())
        .contains("jvm_memory_used_bytes")
        .contains("jvm_gc_")
        .contains("jvm_threads_live_threads")
        .contains("process_cpu_usage")
        .contains("process_uptime_seconds")
        .contains("system_cpu_count");
  }
}
