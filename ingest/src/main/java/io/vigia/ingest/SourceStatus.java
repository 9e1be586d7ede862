package io.vigia.ingest;

import io.vigia.schemas.FeedState;
import java.time.Duration;
import java.time.Instant;

/**
 * Health of one source, as shown by {@code GET /api/sources}: {@code itemsSeen} is how many
 * distinct items it has listed, {@code lastNewItemAt} when a poll last found an item this feed had
 * not listed before (null: never), {@code pollInterval} its current adaptive interval.
 */
public record SourceStatus(
    String url,
    String name,
    String state,
    String lastError,
    Instant lastPoll,
    int itemsSeen,
    int articlesProduced,
    int errorStreak,
    Instant nextPollNotBefore,
    Instant lastNewItemAt,
    Duration pollInterval) {

  public SourceStatus(
      String url,
      String name,
      String state,
      String lastError,
      Instant lastPoll,
      int itemsSeen,
      int articlesProduced,
      Instant lastNewItemAt) {
    this(
        url,
        name,
        state,
        lastError,
        lastPoll,
        itemsSeen,
        articlesProduced,
        0,
        null,
        lastNewItemAt,
        null);
  }

  /** A source not polled yet. */
  static SourceStatus pending(String url, String name) {
    return new SourceStatus(url, name, "pending", null, null, 0, 0, null);
  }

  /**
   * The source as its poller last persisted it: the health figures of {@code status}, the error
   * streak, next poll and interval of {@code poll} ({@code shortestInterval} when it has none yet).
   */
  static SourceStatus restored(
      String url,
      String name,
      FeedState.Status status,
      FeedState.Poll poll,
      Duration shortestInterval) {
    Duration interval =
        poll == null || poll.intervalMillis() <= 0
            ? shortestInterval
            : Duration.ofMillis(poll.intervalMillis());
    return new SourceStatus(
        url,
        name,
        status.state(),
        status.lastError(),
        status.lastPoll(),
        status.itemsSeen(),
        status.articlesProduced(),
        poll == null ? 0 : poll.errorStreak(),
        poll == null ? null : poll.notBefore(),
        status.lastNewItemAt(),
        interval);
  }

  /**
   * The figures that outlive a restart (the error streak, next poll and interval are the poll
   * state's), with {@code itemProblem}: the part of {@code lastError} about items that failed for
   * good.
   */
  FeedState.Status persisted(String itemProblem) {
    return new FeedState.Status(
        state, lastError, lastPoll, itemsSeen, articlesProduced, lastNewItemAt, itemProblem);
  }

  /**
   * How long the source has listed nothing new (since its first poll when it never has), or null
   * before any poll.
   */
  public Duration silentFor(Instant now) {
    Instant since = lastNewItemAt != null ? lastNewItemAt : lastPoll;
    return since == null ? null : Duration.between(since, now);
  }
}
