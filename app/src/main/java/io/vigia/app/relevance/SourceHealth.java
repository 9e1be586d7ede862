package io.vigia.app.relevance;

import io.vigia.ingest.IngestService.SourceStatus;
import java.time.Instant;
import java.util.List;

/** One source as {@code GET /api/sources} shows it: ingest's view plus enrich's verdicts. */
public record SourceHealth(String url, String name, String state, String lastError, Instant lastPoll, int itemsSeen,
    int articlesProduced, int errorStreak, Instant nextPollNotBefore, long relevant, long irrelevant) {

  public static List<SourceHealth> of(List<SourceStatus> sources, RelevanceTally tally) {
    return sources.stream().map(s -> {
      RelevanceTally.Counts c = tally.of(s.url());
      return new SourceHealth(s.url(), s.name(), s.state(), s.lastError(), s.lastPoll(), s.itemsSeen(), s.articlesProduced(),
          s.errorStreak(), s.nextPollNotBefore(), c.relevant(), c.irrelevant());
    }).toList();
  }
}
