package io.vigia.enrich.dedup;

import static io.vigia.enrich.dedup.Fixtures.T0;
import static io.vigia.enrich.dedup.Fixtures.article;
import static io.vigia.enrich.dedup.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The articles the state keeps decoded between decisions never say other than its store. */
class DedupStateTest {
  private static final Fingerprint FP = Fixtures.observersReport();

  private final MemoryDedupStore store = new MemoryDedupStore();
  private final DedupState state = new DedupState(store, 64);

  @Test
  void shouldForgetAKeptArticleWhenItIsForgotten() {
    StoredArticle a = Fixtures.storedOriginal("a1", "a1", 1_000L);
    state.remember(a);
    assertThat(state.article("a1")).isEqualTo(a);

    state.forget(a);

    assertThat(state.article("a1")).isNull();
    assertThat(new DedupState(store, 64).article("a1")).isNull();
  }

  @Test
  void shouldReadTheNewVersionOfAnArticleRememberedAgain() {
    state.remember(Fixtures.storedOriginal("a1", "a1", 1_000L));
    assertThat(state.article("a1").storyId()).isEqualTo("a1");

    StoredArticle moved = Fixtures.storedOriginal("a1", "s9", 1_000L);
    state.remember(moved);

    assertThat(state.article("a1")).isEqualTo(moved);
    assertThat(new DedupState(store, 64).article("a1")).isEqualTo(moved);
  }

  @Test
  void shouldForgetAKeptArticleThatEvictionRemoves() {
    state.startDecision(1_000L);
    state.remember(Fixtures.storedOriginal("a1", "a1", 1_000L));
    assertThat(state.article("a1")).isNotNull();

    state.evictOlderThan(2_000L);

    assertThat(state.article("a1")).isNull();
  }

  @Test
  void shouldRememberThatAnArticleIsAbsentUntilItIsStored() {
    assertThat(state.article("a2")).isNull();
    StoredArticle a = Fixtures.storedOriginal("a2", "a2", 1_000L);
    state.remember(a);
    assertThat(state.article("a2")).isEqualTo(a);
  }

  @Test
  void shouldIndexTheStoredArticlesAgainWhenAStateIsMadeOverTheStore() {
    DedupEngine engine = new DedupEngine(store, DedupSettings.defaults());
    List<String> texts =
        List.of(
            text("timetable-en.txt"),
            text("timetable-es.txt"),
            text("timetable-reaction-en.txt"),
            text("unrelated-en.txt"),
            Fixtures.syndicated(text("timetable-en.txt")));
    for (int i = 0; i < texts.size(); i++) {
      engine.decide(
          article(
              "a" + i,
              "https://outlet" + i + ".example/n/" + i,
              "t",
              texts.get(i),
              T0.plus(Duration.ofHours(i))));
    }
    DedupState live = new DedupState(new MemoryDedupStore(), 64);
    DedupState made = new DedupState(store, 64);
    // `live` is empty; `made` read the five stored articles back.
    assertThat(live.indexed()).isZero();
    assertThat(made.indexed()).isEqualTo(5);
    assertThat(made.memberships()).isGreaterThanOrEqualTo(5L * DedupState.TEXT_BANDS);
    Fingerprint probe = Fingerprint.of("t", text("timetable-en.txt"), List.of());
    assertThat(made.textCandidates(probe.bands(DedupState.TEXT_BANDS)))
        .contains("a0", "a4")
        .doesNotContain("a3");
    assertThat(made.storyBuckets(probe).stream().flatMap(List::stream)).contains("a0");
    assertThat(made.counts().articles()).as("the copy a4 is not counted").isEqualTo(4);
  }

  @Test
  void shouldDeleteWhatTheLayoutBeforeKeptInTheStoreForBucketsAndCounts() {
    StoredArticle a = Fixtures.storedOriginal("a1", "a1", 1_000L);
    state.remember(a);
    List<String> ownKeys = store.keys("", "~", 1_000);
    for (int i = 0; i < 10_050; i++) { // more than one chunk of deletes
      store.put("b|" + (i % 32) + "|" + Integer.toHexString(i), new byte[] {1});
    }
    store.put("f|3|ab", new byte[] {1});
    store.put("n|cafe", new byte[] {0, 0, 0, 2});
    store.put("m|articles", new byte[] {0, 0, 0, 2});

    DedupState made = new DedupState(store, 64);

    assertThat(store.keys("", "~", 100_000)).isEqualTo(ownKeys);
    assertThat(ownKeys).contains("a|a1");
    assertThat(made.article("a1")).isEqualTo(a);
  }
}
