package io.vigia.ingest;

import io.vigia.ingest.fetch.FetchResult;
import java.time.Duration;

/** What became of one feed item. */
sealed interface ItemOutcome {
  ItemOutcome PRODUCED = new Produced();
  ItemOutcome ALREADY_SEEN = new AlreadySeen();

  /** Sent to the broker (a refusal comes back later, through the item's retry list). */
  record Produced() implements ItemOutcome {}

  /** Fetched before, by this feed or another, here or by another instance. */
  record AlreadySeen() implements ItemOutcome {}

  /**
   * Not ingested: {@code retryable} when the reason may pass (then retried, not before {@code
   * retryAfter}).
   */
  record Failed(String reason, boolean retryable, Duration retryAfter) implements ItemOutcome {}

  static ItemOutcome failed(String reason, boolean retryable, Duration retryAfter) {
    return new Failed(reason, retryable, retryAfter);
  }

  static ItemOutcome failed(FetchResult.Failed f) {
    return new Failed(f.reason(), f.retryable(), f.retryAfter());
  }
}
