package io.vigia.common.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthReportTest {
  @Test
  void shouldBeOkAndReadyWhileEveryStageIsUp() {
    HealthReport r =
        new HealthReport().add(() -> StageHealth.up("ingest")).add(() -> StageHealth.up("sink"));
    HealthReport.Answer live = r.liveness(() -> Map.of("indexed", 3));
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.body())
        .containsEntry("status", "ok")
        .containsEntry("indexed", 3)
        .doesNotContainKey("paused");
    assertThat(r.readiness().status()).isEqualTo(200);
  }

  @Test
  void shouldSayWhyAStageIsPausedAndStayAliveAndReady() {
    HealthReport r =
        new HealthReport()
            .add(() -> StageHealth.up("ingest"))
            .add(() -> StageHealth.paused("sink", "disk nearly full"));
    HealthReport.Answer live = r.liveness(Map::of);
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.body())
        .containsEntry("status", "paused")
        .containsEntry("paused", "disk nearly full");
    assertThat(r.readiness().status()).isEqualTo(200);
  }

  @Test
  void shouldFailLivenessOnceAStageIsDownWithItsReason() {
    HealthReport r =
        new HealthReport()
            .add(() -> StageHealth.up("ingest"))
            .add(
                () ->
                    StageHealth.down(
                        "sink",
                        "the writing loop stopped",
                        new IllegalStateException("commit failed")));
    HealthReport.Answer live = r.liveness(Map::of);
    assertThat(live.status()).isEqualTo(503);
    assertThat(live.body()).containsEntry("status", "down");
    assertThat(live.body().get("stages").toString())
        .contains("sink")
        .contains("commit failed")
        .contains("restart");
    assertThat(r.readiness().status()).isEqualTo(503);
  }

  @Test
  void shouldNotBeReadyWhileAStageIsStarting() {
    HealthReport r =
        new HealthReport().add(() -> StageHealth.starting("enrich", "joining the group"));
    assertThat(r.liveness(Map::of).status()).isEqualTo(200);
    assertThat(r.liveness(Map::of).body()).containsEntry("status", "starting");
    assertThat(r.readiness().status()).isEqualTo(503);
  }

  @Test
  void shouldCountAStageWhoseHealthCannotBeReadAsDown() {
    HealthReport r =
        new HealthReport()
            .add(
                () -> {
                  throw new IllegalStateException("broken");
                });
    assertThat(r.liveness(Map::of).status()).isEqualTo(503);
  }

  @Test
  void shouldRefuseAStateThatIsNotUpWithoutAReason() {
    assertThatThrownBy(() -> StageHealth.paused("sink", " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
