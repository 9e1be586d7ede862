package io.vigia.app.reprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReprocessProgressTest {
  private static final long S = 1_000_000_000L;

  @Test
  void shouldMeasureTheRateOverTheLastSamplesAndEstimateTheTimeLeft() {
    ReprocessProgress p = new ReprocessProgress();
    p.update(10_000, 0, 0, 1, 0);
    assertThat(p.etaSeconds()).as("no rate yet").isEqualTo(-1);
    p.update(10_000, 1_000, 900, 1, 2 * S);
    assertThat(p.rate()).isEqualTo(500.0);
    assertThat(p.etaSeconds()).isEqualTo(18); // 9,000 left at 500/s
    p.update(10_000, 10_000, 9_990, 1, 20 * S);
    assertThat(p.etaSeconds()).isZero();
  }

  @Test
  void shouldForgetSamplesOlderThanThirtySecondsSoAPauseShowsAtOnce() {
    ReprocessProgress p = new ReprocessProgress();
    p.update(10_000, 0, 0, 1, 0);
    p.update(10_000, 3_000, 0, 1, 10 * S);
    p.update(10_000, 3_000, 0, 1, 45 * S);
    p.update(10_000, 3_000, 0, 1, 50 * S);
    assertThat(p.rate()).isZero();
    assertThat(p.etaSeconds()).isEqualTo(-1);
  }

  @Test
  void shouldRememberARunAcrossRestarts(@TempDir Path data) {
    ReprocessRun r =
        new ReprocessRun(
            3,
            "/profiles/v2",
            Instant.parse("2024-07-01T00:00:00Z"),
            Map.of(0, 120L, 1, 80L),
            Map.of(0, 20L, 1, 0L),
            ReprocessRun.Phase.CATCHING_UP,
            Instant.parse("2026-12-06T00:00:00Z"),
            null,
            null);
    r.write(data);
    ReprocessRun back = ReprocessRun.read(data).orElseThrow();
    assertThat(back).isEqualTo(r);
    assertThat(back.total()).isEqualTo(180);
    ReprocessRun switched = back.switched(Instant.now(), Map.of(0, 130L, 1, 80L));
    assertThat(switched.phase()).isEqualTo(ReprocessRun.Phase.SWITCHED);
    assertThat(switched.total()).isEqualTo(190);
  }
}
