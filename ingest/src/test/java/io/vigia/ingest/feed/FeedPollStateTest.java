package io.vigia.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigia.ingest.fetch.FetchResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedPollStateTest {
  private static final Duration INTERVAL = Duration.ofMinutes(5);
  private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void shouldSendTheValidatorsItWasGiven() {
    FeedPollState s = new FeedPollState();
    s.afterFetch(
        new FetchResult.Fetched(
            "u", 200, new byte[0], null, "\"e\"", "Mon, 01 Jan 2026 00:00:00 GMT"),
        t0,
        INTERVAL);
    assertEquals("\"e\"", s.validatorsFor().etag());
    assertEquals("Mon, 01 Jan 2026 00:00:00 GMT", s.validatorsFor().lastModified());
  }

  @Test
  void shouldFetchUnconditionallyWhenValidatorsNeverChange() {
    FeedPollState s = new FeedPollState();
    s.afterFetch(
        new FetchResult.Fetched("u", 200, new byte[0], null, "\"stuck\"", null), t0, INTERVAL);
    for (int i = 0; i < FeedPollState.UNCONDITIONAL_EVERY; i++) {
      assertEquals("\"stuck\"", s.validatorsFor().etag());
      s.afterFetch(new FetchResult.NotModified("u"), t0, INTERVAL);
    }
    assertNull(s.validatorsFor().etag());
    s.afterFetch(
        new FetchResult.Fetched("u", 200, new byte[0], null, "\"stuck\"", null), t0, INTERVAL);
    assertEquals("\"stuck\"", s.validatorsFor().etag());
  }

  @Test
  void shouldWaitAtLeastRetryAfter() {
    FeedPollState s = new FeedPollState();
    s.afterFetch(new FetchResult.Failed("u", "HTTP 429", true, Duration.ofHours(2)), t0, INTERVAL);
    assertFalse(s.due(t0.plus(Duration.ofMinutes(119))));
    assertTrue(s.due(t0.plus(Duration.ofHours(2))));
  }

  @Test
  void shouldBackOffExponentiallyWithJitterAndRecoverOnSuccess() {
    FeedPollState s = new FeedPollState();
    for (int i = 0; i < 3; i++) {
      s.afterFetch(new FetchResult.Failed("u", "HTTP 500", true), t0, INTERVAL);
    }
    Duration wait = Duration.between(t0, s.notBefore());
    assertTrue(
        wait.compareTo(Duration.ofMinutes(16)) >= 0 && wait.compareTo(Duration.ofMinutes(24)) <= 0,
        wait.toString());
    assertEquals(3, s.errorStreak());
    s.afterFetch(new FetchResult.NotModified("u"), t0, INTERVAL);
    assertEquals(0, s.errorStreak());
    assertTrue(s.due(t0));
  }

  @Test
  void shouldNeverBackOffLongerThanTheCap() {
    for (int streak = 1; streak < 64; streak++) {
      assertTrue(
          FeedPollState.backoff(INTERVAL, streak)
                  .compareTo(FeedPollState.MAX_BACKOFF.multipliedBy(12).dividedBy(10))
              <= 0);
    }
  }

  @Test
  void shouldPollAQuietFeedLessOftenAndABusyOneAtTheShortestInterval() {
    Duration shortest = Duration.ofMinutes(5);
    Duration longest = Duration.ofHours(1);
    FeedPollState s = new FeedPollState();
    Instant now = t0;
    for (int i = 0; i < 30; i++) { // silent for hours
      s.afterItems(now, false, shortest, longest);
      assertTrue(s.interval(shortest).compareTo(longest) <= 0);
      now = s.notBefore();
    }
    assertEquals(longest, s.interval(shortest));
    assertFalse(s.due(now.minusSeconds(1).minus(longest)));
    s.afterItems(now, true, shortest, longest); // it publishes again: polled twice as often at once
    assertEquals(Duration.ofMinutes(30), s.interval(shortest));
    s.afterItems(now, true, shortest, longest);
    s.afterItems(now, true, shortest, longest);
    s.afterItems(now, true, shortest, longest);
    assertEquals(shortest, s.interval(shortest));
    assertEquals(now.plus(shortest), s.notBefore());
    s.afterItems(now, false, shortest, longest);
    assertEquals(Duration.ofMinutes(5).plusSeconds(75), s.interval(shortest));
  }

  @Test
  void shouldComeBackFromItsSnapshotAsItWas() {
    FeedPollState s = new FeedPollState();
    s.afterFetch(
        new FetchResult.Fetched(
            "u", 200, new byte[0], null, "\"e\"", "Mon, 01 Jan 2026 00:00:00 GMT"),
        t0,
        INTERVAL);
    s.afterItems(t0, false, INTERVAL, Duration.ofHours(1));
    s.afterFetch(new FetchResult.NotModified("u"), t0, INTERVAL);
    FeedPollState back = new FeedPollState(s.snapshot());
    assertEquals(s.snapshot(), back.snapshot());
    assertEquals("\"e\"", back.validatorsFor().etag());
    assertEquals(Duration.ofMinutes(5).plusSeconds(75), back.interval(INTERVAL));
  }
}
