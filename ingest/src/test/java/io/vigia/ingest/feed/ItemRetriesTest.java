package io.vigia.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemRetriesTest {
  private static final Instant T0 = Instant.parse("2024-07-29T10:00:00Z");
  private static final Duration BASE = Duration.ofMinutes(5);

  private static FeedItem item(int i) {
    return new FeedItem("https://diario.example/a/" + i, null, "n" + i, null, null);
  }

  @Test
  void shouldBackOffEachFailureAndGiveUpAfterTheLastAttempt() {
    ItemRetries r = new ItemRetries();
    Instant now = T0;
    Duration previous = Duration.ZERO;
    for (int attempt = 1; attempt < ItemRetries.MAX_ATTEMPTS; attempt++) {
      List<ItemRetries.Outcome> out = r.failed(item(1), "k1", "HTTP 503", null, now, BASE);
      assertThat(out).hasSize(1).first().isInstanceOf(ItemRetries.Outcome.Scheduled.class);
      Instant due = ((ItemRetries.Outcome.Scheduled) out.get(0)).due();
      Duration wait = Duration.between(now, due);
      assertThat(wait)
          .as("attempt %d", attempt)
          .isGreaterThan(previous.multipliedBy(13).dividedBy(10));
      assertThat(r.due(now)).isEmpty();
      assertThat(r.due(due)).extracting(ItemRetries.Entry::key).containsExactly("k1");
      previous = wait;
      now = due;
    }
    List<ItemRetries.Outcome> last = r.failed(item(1), "k1", "HTTP 503", null, now, BASE);
    assertThat(last).singleElement().isInstanceOf(ItemRetries.Outcome.GaveUp.class);
    assertThat(r.size()).isZero();
  }

  @Test
  void shouldNotRetryBeforeARetryAfterLongerThanItsBackoff() {
    ItemRetries r = new ItemRetries();
    var out =
        (ItemRetries.Outcome.Scheduled)
            r.failed(item(1), "k1", "HTTP 429", Duration.ofHours(2), T0, BASE).get(0);
    assertThat(out.due()).isEqualTo(T0.plus(Duration.ofHours(2)));
  }

  @Test
  void shouldGiveUpTheOldestWhenFullAndForgetWhatIsDone() {
    ItemRetries r = new ItemRetries();
    for (int i = 0; i < ItemRetries.MAX_ITEMS; i++) {
      r.failed(item(i), "k" + i, "timeout", null, T0, BASE);
    }
    List<ItemRetries.Outcome> out = r.failed(item(99), "k99", "timeout", null, T0, BASE);
    assertThat(out).hasSize(2);
    assertThat(((ItemRetries.Outcome.GaveUp) out.get(1)).entry().key()).isEqualTo("k0");
    assertThat(r.size()).isEqualTo(ItemRetries.MAX_ITEMS);
    r.done("k99");
    assertThat(r.contains("k99")).isFalse();
    assertThat(new ItemRetries(r.snapshot()).entries()).isEqualTo(r.entries());
  }

  @Test
  void shouldComeBackFromItsSnapshotWithoutTheFeedsText() {
    FeedItem listed =
        new FeedItem(
            "https://diario.example/a/3",
            "g-3",
            "Tres",
            Instant.parse("2026-01-01T00:00:00Z"),
            "a summary",
            "es",
            "<p>the feed's text</p>",
            "https://diario.example/img/3.jpg");
    ItemRetries r = new ItemRetries();
    r.failed(listed, "https://diario.example/a/3", "HTTP 503", null, T0, BASE);
    ItemRetries.Entry back = new ItemRetries(r.snapshot()).entries().get(0);
    assertThat(back.item())
        .isEqualTo(
            new FeedItem(
                "https://diario.example/a/3",
                "g-3",
                "Tres",
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                "es",
                null,
                "https://diario.example/img/3.jpg"));
    assertThat(back.key()).isEqualTo("https://diario.example/a/3");
    assertThat(back.attempts()).isEqualTo(1);
    assertThat(back.due()).isEqualTo(r.entries().get(0).due());
    assertThat(back.reason()).isEqualTo("HTTP 503");
  }
}
