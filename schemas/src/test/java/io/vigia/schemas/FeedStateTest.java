package io.vigia.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON of {@code vigia.ingest.feed-state}: what ingest writes, every reader reads. */
class FeedStateTest {
  private static final String ITEM_PROBLEM =
      "1 of 3 new items not ingested (first: https://diario.example/a/4: not an article: too"
          + " little body text)";

  /** The full record of the fixture written before this type existed. */
  private static final FeedState FULL =
      new FeedState(
          new FeedState.Poll(
              "\"v1\"",
              "Thu, 01 Jan 2026 00:00:00 GMT",
              3,
              2,
              Instant.parse("2026-01-01T01:00:00Z"),
              450_000),
          new FeedState.Items("fzIUQuIAd1Pi6ol7spHq6A==", 2),
          List.of(
              new FeedState.Retry(
                  "https://diario.example/a/3",
                  "https://diario.example/a/3",
                  "g-3",
                  "Tres",
                  Instant.parse("2026-01-01T00:00:00Z"),
                  "es",
                  "https://diario.example/img/3.jpg",
                  2,
                  Instant.parse("2026-01-01T02:00:00Z"),
                  "HTTP 503")),
          new FeedState.Status(
              "ok",
              ITEM_PROBLEM,
              Instant.parse("2026-01-01T00:58:00Z"),
              3,
              1,
              Instant.parse("2026-01-01T00:30:00Z"),
              ITEM_PROBLEM));

  private static String fixture(String name) throws IOException {
    try (InputStream in = FeedStateTest.class.getResourceAsStream("feed-state/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  @Test
  void shouldReadBackWhatItWrote() {
    assertThat(FeedState.parse(FULL.toJson())).isEqualTo(FULL);
  }

  /**
   * Deployments keep the records ingest wrote before the format had a type of its own: they read as
   * they were, and the same state is written byte for byte as then.
   */
  @Test
  void shouldReadAndWriteTheRecordsStoredBeforeTheFormatHadItsType() throws IOException {
    String full = fixture("written-before-the-schema-type-full.json");
    assertThat(FeedState.parse(full)).isEqualTo(FULL);
    assertThat(FULL.toJson()).isEqualTo(full);

    String bare = fixture("written-before-the-schema-type-bare.json");
    FeedState state = FeedState.parse(bare);
    assertThat(state.poll()).isEqualTo(new FeedState.Poll(null, null, 0, 1, null, 0));
    assertThat(state.items()).isNull();
    assertThat(state.retries()).isEmpty();
    assertThat(state.status())
        .isEqualTo(
            new FeedState.Status(
                "failing", "HTTP 500", Instant.parse("2026-01-01T00:00:00Z"), 0, 0, null, null));
    assertThat(state.toJson()).isEqualTo(bare);
  }

  @Test
  void shouldReadARecordWithoutStatusOrOptionalFields() {
    FeedState r = FeedState.parse("{\"poll\":{\"errorStreak\":1}}");
    assertThat(r.poll().errorStreak()).isEqualTo(1);
    assertThat(r.poll().etag()).isNull();
    assertThat(r.status()).isNull();
    assertThat(r.items()).isNull();
    assertThat(r.retries()).isEmpty();
  }

  @Test
  void shouldDropARetryWithoutLinkAndTakeOneWithoutDueTimeAsDueAtOnce() {
    FeedState r =
        FeedState.parse(
            """
            {"poll":{},"retries":[{"key":"k1"},{"key":"k2","link":"https://diario.example/a/2"}]}
            """);
    assertThat(r.retries()).hasSize(1);
    assertThat(r.retries().get(0).key()).isEqualTo("k2");
    assertThat(r.retries().get(0).due()).isEqualTo(Instant.EPOCH);
    assertThat(r.retries().get(0).attempts()).isEqualTo(1);
  }

  /**
   * A newer ingest may add fields, nested or not: an older one reads what it knows and keeps the
   * feed's state.
   */
  @Test
  void shouldReadARecordWrittenByANewerIngest() {
    FeedState r =
        FeedState.parse(
            """
            {"version":3,"owner":{"instance":"ingest-7","since":"2026-01-01T00:00:00Z"},
             "poll":{"etag":"W/v9","errorStreak":2,"intervalMillis":600000,"jitterMillis":1234,
                     "notBefore":"2026-01-01T01:00:00Z","history":[{"at":"2026-01-01T00:50:00Z"}]},
             "status":{"state":"ok","itemsSeen":40,"articlesProduced":12,
                       "lastPoll":"2026-01-01T00:58:00Z","health":{"score":0.9}}}
            """);
    assertThat(r.poll().etag()).isEqualTo("W/v9");
    assertThat(r.poll().errorStreak()).isEqualTo(2);
    assertThat(r.poll().intervalMillis()).isEqualTo(600_000);
    assertThat(r.poll().notBefore()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
    assertThat(r.status().articlesProduced()).isEqualTo(12);
    assertThat(r.status().lastPoll()).isEqualTo(Instant.parse("2026-01-01T00:58:00Z"));
  }

  @Test
  void shouldReadAnUnreadableTimeAsNone() {
    FeedState r = FeedState.parse("{\"poll\":{\"notBefore\":\"soon\"}}");
    assertThat(r.poll().notBefore()).isNull();
  }

  @Test
  void shouldRefuseWhatIsNotAFeedState() {
    for (String notOne : List.of("not json", "{\"x\":1}", "[1]", "{\"poll\":3}", "")) {
      assertThatThrownBy(() -> FeedState.parse(notOne))
          .as(notOne)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("not a feed state");
    }
  }
}
