package io.vigia.sink.index;

import java.util.List;

/**
 * What dashboards chart for a search: articles per day per stance label toward one target, the most
 * mentioned entities and the busiest sources.
 */
public record IndexStats(
    long total, String target, List<Day> perDay, List<Count> topEntities, List<Count> topSources) {

  /** One day (UTC) with its article count per stance label. */
  public record Day(String day, long favor, long against, long neutral, long total) {}

  /**
   * A value and how many matching articles carry it; {@code name}/{@code type} are set for
   * entities.
   */
  public record Count(String id, String name, String type, long count) {}
}
