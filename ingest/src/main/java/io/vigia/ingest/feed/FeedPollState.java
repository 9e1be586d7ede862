package io.vigia.ingest.feed;

import io.vigia.ingest.fetch.FetchResult;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What ingest remembers about polling one feed: its validators for conditional GET (with an
 * unconditional fetch every {@link #UNCONDITIONAL_EVERY} polls, for servers whose validators never
 * change), its error streak and when it may be polled again (exponential backoff with jitter,
 * never earlier than a Retry-After the server sent). Thread-confined to the polling loop.
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

  /** Whether the feed may be polled at {@code now}. */
  public boolean due(Instant now) {
    return notBefore == null || !now.isBefore(notBefore);
  }

  /** The validators to send with the next poll (none every {@link #UNCONDITIONAL_EVERY} polls). */
  public FetchResult.Validators validatorsFor() {
    if (conditionalPolls >= UNCONDITIONAL_EVERY) {
      return FetchResult.Validators.NONE;
    }
    return validators;
  }

  /** Learns from the outcome of a poll that started at {@code now}. */
  public void afterFetch(FetchResult r, Instant now, Duration pollInterval) {
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

  public int errorStreak() {
    return errorStreak;
  }

  public Instant notBefore() {
    return notBefore;
  }
}
