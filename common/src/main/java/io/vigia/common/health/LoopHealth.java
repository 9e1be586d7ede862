package io.vigia.common.health;

import java.util.Objects;
import java.util.Optional;

/**
 * The health of a stage whose work is one loop on its own thread (ingest's polling, the sink's
 * writing): starting until the loop starts, then up, paused while it waits for something outside it
 * (disk space, the search engine) and up again when that comes back, down for good once a failure
 * stopped the loop. The loop reports its transitions; {@link #health()} answers {@code /healthz}
 * and {@code /readyz} from any thread.
 */
public final class LoopHealth implements HealthReporting {
  private final String stage;
  private final String loop;
  private volatile boolean started;
  private volatile String pausedBecause;
  private volatile Throwable failure;

  /**
   * @param stage the stage's name in the health report ({@code sink})
   * @param loop what stops when it fails, in an operator's words ({@code the writing loop})
   */
  public LoopHealth(String stage, String loop) {
    this.stage = Objects.requireNonNull(stage, "stage");
    this.loop = Objects.requireNonNull(loop, "loop");
  }

  /** The loop runs. */
  public void started() {
    started = true;
  }

  /** The loop waits for something outside the stage; {@code reason} says what, to an operator. */
  public void paused(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a paused " + stage + " must say why");
    }
    pausedBecause = reason;
  }

  /** What the loop waited for is back. */
  public void resumed() {
    pausedBecause = null;
  }

  /** The loop stopped because of {@code failure} and will not come back without a restart. */
  public void failed(Throwable failure) {
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  /** Why the loop is paused, while it is. */
  public Optional<String> pausedBecause() {
    return Optional.ofNullable(pausedBecause);
  }

  /** What stopped the loop, once something has. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** Down once a failure stopped the loop; otherwise starting, paused or up. */
  @Override
  public StageHealth health() {
    Throwable f = failure;
    if (f != null) {
      return StageHealth.down(stage, loop + " stopped", f);
    }
    if (!started) {
      return StageHealth.starting(stage, "not started");
    }
    String paused = pausedBecause;
    return paused != null ? StageHealth.paused(stage, paused) : StageHealth.up(stage);
  }
}
