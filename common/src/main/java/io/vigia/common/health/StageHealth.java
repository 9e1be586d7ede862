package io.vigia.common.health;

import java.util.Objects;

/**
 * What one stage (or one of its workers) says about itself, for {@code /healthz} and {@code
 * /readyz}. {@code reason} says why it is not {@link State#UP}, in words an operator can act on; it
 * is null while the stage is up.
 */
public record StageHealth(String stage, State state, String reason) {
  public enum State {
    /** Started, not yet doing its work (joining its group, restoring state, opening its index). */
    STARTING,
    /** Doing its work. */
    UP,
    /**
     * Alive and waiting for something outside it to come back (disk space, the search engine);
     * resumes alone.
     */
    PAUSED,
    /** Its worker stopped and will not come back without a restart. */
    DOWN
  }

  public StageHealth {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(state, "state");
    if (state != State.UP && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("a stage that is " + state + " must say why");
    }
  }

  public static StageHealth up(String stage) {
    return new StageHealth(stage, State.UP, null);
  }

  public static StageHealth starting(String stage, String reason) {
    return new StageHealth(stage, State.STARTING, reason);
  }

  public static StageHealth paused(String stage, String reason) {
    return new StageHealth(stage, State.PAUSED, reason);
  }

  public static StageHealth down(String stage, String reason) {
    return new StageHealth(stage, State.DOWN, reason);
  }

  /** A stage that stopped because of {@code failure}: down, with the failure as the reason. */
  public static StageHealth down(String stage, String what, Throwable failure) {
    String message =
        failure.getMessage() == null
            ? failure.getClass().getSimpleName()
            : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    return down(stage, what + " (" + message + "); restart the service");
  }

  /** Alive: anything but down (a liveness probe restarts a process only when this is false). */
  public boolean alive() {
    return state != State.DOWN;
  }

  /** Ready: up, or paused on something outside it (it still answers, and resumes alone). */
  public boolean ready() {
    return state == State.UP || state == State.PAUSED;
  }
}
