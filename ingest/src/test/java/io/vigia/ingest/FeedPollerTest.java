package io.vigia.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.ingest.feed.FeedItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedPollerTest {
  private static final Instant T0 = Instant.parse("2024-07-29T00:00:00Z");

  private static FeedItem item(int i, Instant published) {
    return new FeedItem("https://diario.example/a/" + i, null, "n" + i, published, null);
  }

  @Test
  void shouldReadTheNewestItemsOfALongSitemapListedOldestFirst() {
    List<FeedItem> oldestFirst = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      oldestFirst.add(item(i, T0.plusSeconds(60L * i)));
    }
    assertThat(FeedPoller.newest(oldestFirst, 3))
        .extracting(FeedItem::title)
        .containsExactly("n9", "n8", "n7");
  }

  @Test
  void shouldKeepTheFeedsOwnOrderWhenItemsHaveNoDates() {
    List<FeedItem> undated = List.of(item(0, null), item(1, null), item(2, null));
    assertThat(FeedPoller.newest(undated, 2))
        .extracting(FeedItem::title)
        .containsExactly("n0", "n1");
  }
}
