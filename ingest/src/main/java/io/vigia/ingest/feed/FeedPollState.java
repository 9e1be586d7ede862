package io.vigia.ingest.feed;

import io.vigia.ingest.fetch.FetchResult;
import io.vigia.schemas.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What ingest remembers about polling one feed: its validators for conditional GET (with an
 * unconditional fetch every {@link #UNCONDITIONAL_EVERY} polls, for servers whose validators never
 * change), its error streak and when it may be polled again (exponential backoff with jitter, never
 * earlier than a Retry-After the server sent), and its adaptive interval: halved (down to the
 * shortest) after a poll that found new items, ×1.25 (up to the longest) after one that found none,
 * the multiplicative schedule Nutch's AdaptiveFetchSchedule uses. A feed that publishes every few
 * minutes is polled every few minutes; one silent for days drifts to the longest interval, and its
 * first new item brings it back quickly. Methods are synchronized: the polling loop reads when a
 * feed is due while a fetching thread updates it.
 */
public final class FeedPollState {
  /** Every this many conditional polls, one is sent without validators. */
  public static final int UNCONDITIONAL_EVERY = 12;

  /** Longest a failing feed waits between attempts. */
  public static final Duration MAX_BACKOFF = Duration.ofHours(6);

  private FetchResult.Validators validators = FetchResult.Validators.NONE;
  private int conditionalPolls;
  private int errorStreak;
  private Instant notBefore;
  private Duration interval;

  public FeedPollState() {}

  /** A state restored from its {@link #snapshot()}. */
  public FeedPollState(FeedState.Poll s) {
    this.validators = new FetchResult.Validators(s.etag(), s.lastModified());
    this.conditionalPolls = s.conditionalPolls();
    this.errorStreak = s.errorStreak();
    this.notBefore = s.notBefore();
    this.interval = s.intervalMillis() <= 0 ? null : Duration.ofMillis(s.intervalMillis());
  }

  /** What survives a restart (kept in the feed's record of the compacted feed-state topic). */
  public synchronized FeedState.Poll snapshot() {
    return new FeedState.Poll(
        validators.etag(),
        validators.lastModified(),
        conditionalPolls,
        errorStreak,
        notBefore,
        interval == null ? 0 : interval.toMillis());
  }

  /** Whether the feed may be polled at {@code now}. */
  public synchronized boolean due(Instant now) {
    return notBefore == null || !now.isBefore(notBefore);
  }

  /** The validators to send with the next poll (none every {@link #UNCONDITIONAL_EVERY} polls). */
  public synchronized FetchResult.Validators validatorsFor() {
    if (conditionalPolls >= UNCONDITIONAL_EVERY) {
      return FetchResult.Validators.NONE;
    }
    return validators;
  }

  /** Learns from the outcome of a poll that started at {@code now}. */
  public synchronized void afterFetch(FetchResult r, Instant now, Duration pollInterval) {
    if (r instanceof FetchResult.Failed f) {
      errorStreak++;
      Duration backoff = backoff(pollInterval, errorStreak);
      if (f.retryAfter() != null && f.retryAfter().compareTo(backoff) > 0) {
        backoff = f.retryAfter();
      }
      notBefore = now.plus(backoff);
      return;
    }
    errorStreak = 0;
    notBefore = null;
    if (r instanceof FetchResult.Fetched f) {
      conditionalPolls = 0;
      validators = new FetchResult.Validators(f.etag(), f.lastModified());
    } else {
      conditionalPolls++;
    }
  }

  /**
   * Forgets the validators of the document just fetched, so that the next poll asks for it in full:
   * a sitemap index names sitemaps whose content changes while the index stays the same (a fixed
   * "news-sitemap.xml" rewritten every few minutes), so its 304 says nothing about them, and only a
   * read index leads to its sitemaps, each polled with validators of its own.
   */
  public synchronized void forgetValidators() {
    validators = FetchResult.Validators.NONE;
  }

  /**
   * Schedules the next poll after one that succeeded at {@code now} (a 304 finds nothing new),
   * within {@code [shortest, longest]}.
   */
  public synchronized void afterItems(
      Instant now, boolean foundNew, Duration shortest, Duration longest) {
    Duration current = interval == null ? shortest : interval;
    Duration next = foundNew ? current.dividedBy(2) : Duration.ofMillis(current.toMillis() * 5 / 4);
    if (next.compareTo(shortest) < 0) {
      next = shortest;
    }
    if (next.compareTo(longest) > 0) {
      next = longest;
    }
    interval = next;
    notBefore = now.plus(next);
  }

  /** The interval the next successful poll is scheduled with (the shortest until one succeeded). */
  public synchronized Duration interval(Duration shortest) {
    return interval == null ? shortest : interval;
  }

  /** {@code interval * 2^(streak-1)}, capped at {@link #MAX_BACKOFF}, with ±20 % jitter. */
  static Duration backoff(Duration interval, int streak) {
    long base = interval.toMillis();
    long ms = base;
    for (int i = 1; i < streak && ms < MAX_BACKOFF.toMillis(); i++) {
      ms *= 2;
    }
    ms = Math.min(ms, MAX_BACKOFF.toMillis());
    double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis((long) (ms * jitter));
  }

  public synchronized int errorStreak() {
    return errorStreak;
  }

  public synchronized Instant notBefore() {
    return notBefore;
  }
}
