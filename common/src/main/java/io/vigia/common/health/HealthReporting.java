package io.vigia.common.health;

/** A stage that can say how it is doing; {@link HealthReport} gathers them. */
@FunctionalInterface
public interface HealthReporting {
  StageHealth health();
}
