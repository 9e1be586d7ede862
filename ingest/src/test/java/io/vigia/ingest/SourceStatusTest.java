package io.vigia.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.schemas.FeedState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceStatusTest {

  @Test
  void shouldRestoreTheErrorStreakNextPollAndIntervalWithTheHealth() {
    Instant notBefore = Instant.parse("2026-01-01T06:00:00Z");
    FeedState r =
        FeedState.parse(
            new FeedState(
                    new FeedState.Poll(null, null, 0, 4, notBefore, 900_000),
                    new FeedState.Status(
                        "failing",
                        "HTTP 500",
                        Instant.parse("2026-01-01T00:00:00Z"),
                        7,
                        2,
                        null,
                        null))
                .toJson());
    SourceStatus s =
        SourceStatus.restored(
            "https://diario.example/feed", "Diario", r.status(), r.poll(), Duration.ofMinutes(5));
    assertThat(s.state()).isEqualTo("failing");
    assertThat(s.lastError()).isEqualTo("HTTP 500");
    assertThat(s.errorStreak()).isEqualTo(4);
    assertThat(s.nextPollNotBefore()).isEqualTo(notBefore);
    assertThat(s.pollInterval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(s.itemsSeen()).isEqualTo(7);
    assertThat(s.articlesProduced()).isEqualTo(2);
  }

  @Test
  void shouldTakeTheShortestIntervalWhenThePollStateHasNoneYet() {
    SourceStatus s =
        SourceStatus.restored(
            "https://diario.example/feed",
            "Diario",
            new FeedState.Status("ok", null, null, 0, 0, null, null),
            new FeedState.Poll(null, null, 0, 0, null, 0),
            Duration.ofMinutes(5));
    assertThat(s.pollInterval()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void shouldPersistTheHealthFiguresWithTheItemProblem() {
    Instant polled = Instant.parse("2026-01-01T00:58:00Z");
    Instant fresh = Instant.parse("2026-01-01T00:30:00Z");
    SourceStatus s =
        new SourceStatus(
            "https://diario.example/feed",
            "Diario",
            "ok",
            "1 of 3 new items not ingested",
            polled,
            3,
            1,
            0,
            null,
            fresh,
            Duration.ofMinutes(5));
    assertThat(s.persisted("1 of 3 new items not ingested"))
        .isEqualTo(
            new FeedState.Status(
                "ok",
                "1 of 3 new items not ingested",
                polled,
                3,
                1,
                fresh,
                "1 of 3 new items not ingested"));
  }
}
