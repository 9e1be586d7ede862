package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.common.config.KafkaSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sink's read-only /api/sources from vigia.ingest.feed-state records. */
class FeedStateViewTest {
  private static final String STATE =
      "{\"poll\":{\"etag\":null,\"lastModified\":null,\"conditionalPolls\":0,\"errorStreak\":2,"
          + "\"notBefore\":\"2026-01-01T00:05:00Z\",\"intervalMillis\":60000},\"status\":{\"state\":\"failing\",\"lastError\":\"HTTP 503\","
          + "\"lastPoll\":\"2026-01-01T00:00:00Z\",\"itemsSeen\":7,\"articlesProduced\":5,\"lastNewItemAt\":null}}";

  @Test
  void shouldShowTheLatestStateOfEachFeedNamedByTheConfigurationAndSkipWhatIsNotOne() {
    FeedStateView view =
        new FeedStateView(
            new KafkaSettings("127.0.0.1:1", 1, (short) 1),
            Map.of("https://caribe.example/feed", "Caribe Diario"));
    view.apply("https://caribe.example/feed", STATE.replace("HTTP 503", "old"));
    view.apply("https://caribe.example/feed", STATE);
    view.apply("https://orinoco.example/feed", STATE.replace("failing", "ok"));
    view.apply("https://gone.example/feed", STATE);
    view.apply("https://gone.example/feed", null);
    view.apply("https://poison.example/feed", "[1]");
    view.apply("https://poison2.example/feed", "not json");
    view.apply(null, STATE);
    assertThat(view.sources()).hasSize(2);
    Map<String, Object> caribe = view.sources().get(0);
    assertThat(caribe)
        .containsEntry("name", "Caribe Diario")
        .containsEntry("state", "failing")
        .containsEntry("lastError", "HTTP 503")
        .containsEntry("articlesProduced", 5)
        .containsEntry("errorStreak", 2)
        .containsEntry("pollIntervalSeconds", 60L)
        .containsEntry("lastPoll", "2026-01-01T00:00:00Z");
    assertThat(view.sources().get(1))
        .containsEntry("name", "https://orinoco.example/feed")
        .containsEntry("state", "ok");
  }

  @Test
  void shouldShowARecordWrittenBeforeHealthWasPersistedAsUnknown() {
    FeedStateView view =
        new FeedStateView(new KafkaSettings("127.0.0.1:1", 1, (short) 1), Map.of());
    view.apply("https://llano.example/feed", "{\"poll\":{\"errorStreak\":1}}");
    assertThat(view.sources()).hasSize(1);
    assertThat(view.sources().get(0))
        .containsEntry("state", "unknown")
        .containsEntry("errorStreak", 1)
        .containsEntry("lastPoll", null)
        .containsEntry("itemsSeen", 0)
        .doesNotContainKey("pollIntervalSeconds");
  }
}
