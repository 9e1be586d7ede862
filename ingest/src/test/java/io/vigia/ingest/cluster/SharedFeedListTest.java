package io.vigia.ingest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.common.profile.FeedSpec;
import org.junit.jupiter.api.Test;

class SharedFeedListTest {

  @Test
  void shouldReadBackARecordItWrote() {
    FeedSpec f = new FeedSpec("https://diario.example/feed.xml", "Diario", "es");
    String key = SharedFeedList.key(f.url(), "ingest-1");
    assertThat(SharedFeedList.parse(key, SharedFeedList.value(f, "ingest-1")))
        .isEqualTo(new SharedFeedList.Entry(f.url(), "Diario", "es", "ingest-1"));
  }

  @Test
  void shouldReadARecordFromBeforePublishersAsOneWithoutPublisher() {
    assertThat(SharedFeedList.parse("https://diario.example/feed.xml", "Diario"))
        .isEqualTo(
            new SharedFeedList.Entry("https://diario.example/feed.xml", "Diario", null, null));
  }

  @Test
  void shouldRefuseARecordThatIsNotAFeed() {
    assertThatThrownBy(() -> SharedFeedList.parse("ftp://x.example/ a", "{}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SharedFeedList.parse("https://x.example/ a", "not json"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
