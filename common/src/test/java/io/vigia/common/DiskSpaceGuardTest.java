package io.vigia.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.common.disk.DiskSpaceGuard;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpaceGuardTest {
  @TempDir Path dir;

  @Test
  void shouldPauseWhenLessThanTheMinimumIsFree() {
    assertThat(new DiskSpaceGuard(dir, Long.MAX_VALUE).pauseReason())
        .get()
        .asString()
        .contains("disk nearly full")
        .contains("data-dir-min-free-mb");
  }

  @Test
  void shouldNotPauseWithRoomToSpare() {
    assertThat(new DiskSpaceGuard(dir, 1).pauseReason()).isEmpty();
    assertThat(new DiskSpaceGuard(dir.resolve("not/yet/created"), 1).pauseReason()).isEmpty();
    assertThat(DiskSpaceGuard.none().pauseReason()).isEmpty();
  }
}
