package io.vigia.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.ingest.feed.FeedPollState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedStateRecordTest {

  @Test
  void shouldReadBackWhatItWrote() {
    FeedStateRecord r = new FeedStateRecord(
        new FeedPollState.Snapshot("\"v1\"", "Mon, 01 Jan 2026 00:00:00 GMT", 3, 2, Instant.parse("2026-01-01T01:00:00Z"), 450_000),
        new FeedStateRecord.Status("failing", "HTTP 503 (Retry-After 120s)", Instant.parse("2026-01-01T00:58:00Z"), 40, 12,
            Instant.parse("2026-01-01T00:30:00Z")));
    assertThat(FeedStateRecord.parse(r.toJson())).isEqualTo(r);
  }

  @Test
  void shouldReadARecordWithoutStatusOrOptionalFields() {
    FeedStateRecord r = FeedStateRecord.parse("{\"poll\":{\"errorStreak\":1}}");
    assertThat(r.poll().errorStreak()).isEqualTo(1);
    assertThat(r.poll().etag()).isNull();
    assertThat(r.status()).isNull();
  }

  @Test
  void shouldRefuseWhatIsNotAFeedState() {
    assertThatThrownBy(() -> FeedStateRecord.parse("not json")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FeedStateRecord.parse("{\"x\":1}")).isInstanceOf(IllegalArgumentException.class);
  }
}
