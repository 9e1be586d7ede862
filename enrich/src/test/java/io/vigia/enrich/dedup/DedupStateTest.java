package io.vigia.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The articles the state keeps decoded between decisions never say other than its store. */
class DedupStateTest {
  private static final Fingerprint FP = Fixtures.observersReport();

  private final MemoryDedupStore store = new MemoryDedupStore();
  private final DedupState state = new DedupState(store, 64);

  @Test
  void shouldForgetAKeptArticleWhenItIsForgotten() {
    StoredArticle a = Fixtures.storedOriginal("a1", "a1", 1_000L);
    state.remember(a, FP.bands(DedupState.TEXT_BANDS));
    assertThat(state.article("a1")).isEqualTo(a);

    state.forget(a);

    assertThat(state.article("a1")).isNull();
    assertThat(new DedupState(store, 64).article("a1")).isNull();
  }

  @Test
  void shouldReadTheNewVersionOfAnArticleRememberedAgain() {
    state.remember(Fixtures.storedOriginal("a1", "a1", 1_000L), FP.bands(DedupState.TEXT_BANDS));
    assertThat(state.article("a1").storyId()).isEqualTo("a1");

    StoredArticle moved = Fixtures.storedOriginal("a1", "s9", 1_000L);
    state.remember(moved, FP.bands(DedupState.TEXT_BANDS));

    assertThat(state.article("a1")).isEqualTo(moved);
    assertThat(new DedupState(store, 64).article("a1")).isEqualTo(moved);
  }

  @Test
  void shouldForgetAKeptArticleThatEvictionRemoves() {
    state.startDecision(1_000L);
    state.remember(Fixtures.storedOriginal("a1", "a1", 1_000L), FP.bands(DedupState.TEXT_BANDS));
    assertThat(state.article("a1")).isNotNull();

    state.evictOlderThan(2_000L);

    assertThat(state.article("a1")).isNull();
  }

  @Test
  void shouldRememberThatAnArticleIsAbsentUntilItIsStored() {
    assertThat(state.article("a2")).isNull();
    StoredArticle a = Fixtures.storedOriginal("a2", "a2", 1_000L);
    state.remember(a, FP.bands(DedupState.TEXT_BANDS));
    assertThat(state.article("a2")).isEqualTo(a);
  }
}
