package io.vigia.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FeedItemMemoryTest {
  private static List<String> items(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "https://diario.example/a/" + i).toList();
  }

  @Test
  void shouldCountEachItemOnceHoweverOftenTheFeedListsIt() {
    FeedItemMemory m = new FeedItemMemory();
    for (int poll = 0; poll < 10; poll++) {
      m.listed(items(0, 20)); // a 20-item feed polled 10 times
    }
    assertThat(m.distinctSeen()).isEqualTo(20);
    m.listed(items(1, 21));
    assertThat(m.distinctSeen()).isEqualTo(21);
    assertThat(m.isNew("https://diario.example/a/20")).isFalse();
    assertThat(m.isNew("https://diario.example/a/21")).isTrue();
  }

  @Test
  void shouldKeepWhatTheFeedListsNowAndForgetTheOldestBeyondTheCapacity() {
    FeedItemMemory m = new FeedItemMemory();
    m.listed(items(0, 300));
    m.listed(items(300, 600)); // capacity 2 × 300: everything so far fits
    assertThat(m.size()).isEqualTo(600);
    m.listed(items(600, 900));
    assertThat(m.size()).isEqualTo(600);
    assertThat(m.isNew("https://diario.example/a/0")).as("oldest forgotten").isTrue();
    assertThat(m.isNew("https://diario.example/a/899")).isFalse();
    assertThat(m.isNew("https://diario.example/a/300"))
        .as("the previous listing is still known")
        .isFalse();
  }

  @Test
  void shouldRememberAnItemListedAgainAsRecent() {
    FeedItemMemory m = new FeedItemMemory();
    m.listed(items(0, 100));
    List<String> again = new ArrayList<>(items(100, 150));
    again.add("https://diario.example/a/0"); // an old item back on the front page
    m.listed(again);
    m.listed(items(150, 200));
    assertThat(m.isNew("https://diario.example/a/0")).isFalse();
    assertThat(m.keysInOrder().get(m.size() - 51))
        .isEqualTo(FeedItemMemory.hash("https://diario.example/a/0"));
  }

  @Test
  void shouldComeBackFromItsSnapshot() {
    FeedItemMemory m = new FeedItemMemory();
    m.listed(items(0, 30));
    m.listed(items(10, 40));
    FeedItemMemory back = new FeedItemMemory(m.snapshot());
    assertThat(back.keysInOrder()).isEqualTo(m.keysInOrder());
    assertThat(back.distinctSeen()).isEqualTo(40);
    assertThat(back.isNew("https://diario.example/a/39")).isFalse();
    assertThat(new FeedItemMemory(new io.vigia.schemas.FeedState.Items(null, 0)).size()).isZero();
  }
}
