package io.vigia.ingest.sources;

import io.vigia.ingest.SourceStatus;
import java.time.Instant;
import java.util.List;

/**
 * One source as {@code GET /api/sources} shows it: ingest's view plus enrich's verdicts. {@code
 * silentSeconds} is how long it has listed nothing new; {@code pollIntervalSeconds} its current
 * adaptive polling interval.
 */
public record SourceHealth(
    String url,
    String name,
    String state,
    String lastError,
    Instant lastPoll,
    int itemsSeen,
    int articlesProduced,
    int errorStreak,
    Instant nextPollNotBefore,
    long relevant,
    long irrelevant,
    Instant lastNewItemAt,
    Long silentSeconds,
    Long pollIntervalSeconds) {

  public static List<SourceHealth> of(List<SourceStatus> sources, RelevanceTally tally) {
    return sources.stream()
        .map(
            s -> {
              RelevanceTally.Counts c = tally.of(s.url());
              return new SourceHealth(
                  s.url(),
                  s.name(),
                  s.state(),
                  s.lastError(),
                  s.lastPoll(),
                  s.itemsSeen(),
                  s.articlesProduced(),
                  s.errorStreak(),
                  s.nextPollNotBefore(),
                  c.relevant(),
                  c.irrelevant(),
                  s.lastNewItemAt(),
                  s.silentFor(Instant.now()) == null
                      ? null
                      : s.silentFor(Instant.now()).toSeconds(),
                  s.pollInterval() == null ? null : s.pollInterval().toSeconds());
            })
        .toList();
  }
}
