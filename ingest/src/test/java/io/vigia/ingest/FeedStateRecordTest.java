package io.vigia.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.ingest.feed.FeedItem;
import io.vigia.ingest.feed.FeedItemMemory;
import io.vigia.ingest.feed.FeedPollState;
import io.vigia.ingest.feed.ItemRetries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedStateRecordTest {

  @Test
  void shouldReadBackWhatItWrote() {
    FeedStateRecord r =
        new FeedStateRecord(
            new FeedPollState.Snapshot(
                "\"v1\"",
                "Mon, 01 Jan 2026 00:00:00 GMT",
                3,
                2,
                Instant.parse("2026-01-01T01:00:00Z"),
                450_000),
            new FeedStateRecord.Status(
                "failing",
                "HTTP 503 (Retry-After 120s)",
                Instant.parse("2026-01-01T00:58:00Z"),
                40,
                12,
                Instant.parse("2026-01-01T00:30:00Z")));
    assertThat(FeedStateRecord.parse(r.toJson())).isEqualTo(r);
  }

  @Test
  void shouldReadBackTheItemsTheFeedListedAndTheItemsWaitingForARetry() {
    FeedItemMemory memory = new FeedItemMemory();
    memory.listed(List.of("https://diario.example/a/1", "https://diario.example/a/2"));
    FeedItem waiting =
        new FeedItem(
            "https://diario.example/a/3",
            "g-3",
            "Tres",
            Instant.parse("2026-01-01T00:00:00Z"),
            null,
            "es",
            null,
            "https://diario.example/img/3.jpg");
    FeedStateRecord r =
        new FeedStateRecord(
            new FeedPollState.Snapshot(null, null, 0, 0, null, 0),
            memory.snapshot(),
            List.of(
                new ItemRetries.Entry(
                    waiting,
                    "https://diario.example/a/3",
                    2,
                    Instant.parse("2026-01-01T02:00:00Z"),
                    "HTTP 503")),
            new FeedStateRecord.Status(
                "ok",
                "1 of 3 new items not ingested",
                null,
                3,
                1,
                null,
                "1 of 3 new items not ingested"));
    FeedStateRecord back = FeedStateRecord.parse(r.toJson());
    assertThat(back).isEqualTo(r);
    assertThat(new FeedItemMemory(back.items()).isNew("https://diario.example/a/2")).isFalse();
  }

  @Test
  void shouldRestoreTheErrorStreakNextPollAndIntervalWithTheHealth() {
    Instant notBefore = Instant.parse("2026-01-01T06:00:00Z");
    FeedStateRecord r =
        FeedStateRecord.parse(
            new FeedStateRecord(
                    new FeedPollState.Snapshot(null, null, 0, 4, notBefore, 900_000),
                    new FeedStateRecord.Status(
                        "failing", "HTTP 500", Instant.parse("2026-01-01T00:00:00Z"), 7, 2, null))
                .toJson());
    IngestService.SourceStatus s =
        r.status()
            .toStatus("https://diario.example/feed", "Diario", r.poll(), Duration.ofMinutes(5));
    assertThat(s.errorStreak()).isEqualTo(4);
    assertThat(s.nextPollNotBefore()).isEqualTo(notBefore);
    assertThat(s.pollInterval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(s.itemsSeen()).isEqualTo(7);
  }

  @Test
  void shouldReadARecordWithoutStatusOrOptionalFields() {
    FeedStateRecord r = FeedStateRecord.parse("{\"poll\":{\"errorStreak\":1}}");
    assertThat(r.poll().errorStreak()).isEqualTo(1);
    assertThat(r.poll().etag()).isNull();
    assertThat(r.status()).isNull();
    assertThat(r.items()).isNull();
    assertThat(r.retries()).isEmpty();
  }

  /**
   * A newer ingest may add fields, nested or not: an older one reads what it knows and keeps the
   * feed's state.
   */
  @Test
  void shouldReadARecordWrittenByANewerIngest() {
    FeedStateRecord r =
        FeedStateRecord.parse(
            """
        {"version":3,"owner":{"instance":"ingest-7","since":"2026-01-01T00:00:00Z"},
         "poll":{"etag":"W/v9","errorStreak":2,"intervalMillis":600000,"jitterMillis":1234,"notBefore":"2026-01-01T01:00:00Z",
                 "history":[{"at":"2026-01-01T00:50:00Z","status":200}]},
         "status":{"state":"ok","itemsSeen":40,"articlesProduced":12,"lastPoll":"2026-01-01T00:58:00Z","health":{"score":0.9}}}
        """);
    assertThat(r.poll().etag()).isEqualTo("W/v9");
    assertThat(r.poll().errorStreak()).isEqualTo(2);
    assertThat(r.poll().intervalMillis()).isEqualTo(600_000);
    assertThat(r.poll().notBefore()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
    assertThat(r.status().articlesProduced()).isEqualTo(12);
    assertThat(r.status().lastPoll()).isEqualTo(Instant.parse("2026-01-01T00:58:00Z"));
  }

  @Test
  void shouldRefuseWhatIsNotAFeedState() {
    assertThatThrownBy(() -> FeedStateRecord.parse("not json"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FeedStateRecord.parse("{\"x\":1}"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
