package io.vigia.enrich.dedup;

import static io.vigia.enrich.dedup.Fixtures.T0;
import static io.vigia.enrich.dedup.Fixtures.article;
import static io.vigia.enrich.dedup.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Eviction scans start where the last one ended (not at the index's oldest end, over every key
 * deleted before), and still forget exactly what a scan from the start would.
 */
class EvictionScanTest {
  private static final Fingerprint FP = Fixtures.observersReport();
  private static final String EN = text("timetable-en.txt");

  private final RecordingDedupStore store = new RecordingDedupStore();

  @Test
  void shouldStartTheNextDedupEvictionScanPastTheKeysItDeleted() {
    DedupState state = new DedupState(store, 32);
    state.remember(Fixtures.storedOriginal("a1", "a1", 1_000L));
    state.remember(Fixtures.storedOriginal("a2", "a2", 9_000L));

    state.evictOlderThan(2_000L);
    assertThat(state.article("a1")).isNull();
    state.evictOlderThan(3_000L);

    assertThat(state.article("a2")).isNotNull();
    String last = store.scansFrom.get(store.scansFrom.size() - 1);
    assertThat(last).isGreaterThan(DedupState.evictionKey(1_000L, "a|a1"));
    assertThat(last).isEqualTo(DedupState.evictionKey(2_000L, ""));
  }

  @Test
  void shouldNotScanWhileNoKeyCanBeDueAndStillForgetWhatIs() {
    DedupState state = new DedupState(store, 32);
    state.lowerEvictionFloor(10_000L);
    state.remember(Fixtures.storedOriginal("a1", "a1", 10_000L));

    state.evictOlderThan(2_000L); // one look at the oldest key (10,000): nothing due
    state.evictOlderThan(5_000L);
    state.evictOlderThan(10_000L);
    assertThat(store.scansFrom).hasSize(1);
    assertThat(state.article("a1")).isNotNull();

    state.evictOlderThan(10_001L);
    assertThat(state.article("a1")).isNull();
    // What a step beside dedup keeps for a late article (a figure table), written below the
    // cutoff and announced by the floor alone, is forgotten by the next decision, at the same
    // clock.
    state.lowerEvictionFloor(3_000L);
    store.put("g|late", new byte[] {1});
    store.put(DedupEngine.evictionKey(3_000L, "g|late"), new byte[0]);
    state.evictOlderThan(10_001L);
    assertThat(store.get("g|late") == null).as("the late table is forgotten").isTrue();
    assertThat(store.map.keys("e|", "e}", 10)).isEmpty();
  }

  @Test
  void shouldGoOnWhereAScanStoppedAtItsLimit() {
    DedupState state = new DedupState(store, 32);
    for (int i = 0; i < 300; i++) {
      state.remember(Fixtures.storedOriginal("a" + i, "a" + i, 1_000L + i));
    }

    state.evictOlderThan(5_000L);
    assertThat(state.article("a255")).isNull();
    assertThat(state.article("a256")).isNotNull();
    state.evictOlderThan(5_000L);

    for (int i = 0; i < 300; i++) {
      assertThat(state.article("a" + i)).as("a%d", i).isNull();
    }
    assertThat(store.map.keys("e|", "e}", 1_000)).isEmpty();
  }

  @Test
  void shouldForgetAnArticleThatArrivesMoreThanARetentionLateAndWhatIsKeptBesideIt() {
    DedupEngine engine = new DedupEngine(store, Fixtures.withRetention(Duration.ofDays(2)));
    Duration later = Duration.ofDays(10);
    engine.decide(article("new", "https://daily.example/n/1", "t", EN, T0.plus(later)));
    DedupDecision late = engine.decide(article("late", "https://wire.example/old", "t", EN, T0));
    // What a step beside dedup keeps for the late article's story (its figure table).
    String table = "g|" + late.storyId();
    store.put(table, new byte[] {1});
    store.put(DedupEngine.evictionKey(T0.toEpochMilli(), table), new byte[0]);

    DedupDecision next =
        engine.decide(
            article(
                "copy",
                "https://republisher.example/p/1",
                "t",
                Fixtures.syndicated(EN),
                T0.plus(later).plusSeconds(60)));

    assertThat(store.get("a|late") == null).as("the late article is forgotten").isTrue();
    assertThat(store.get(table) == null).as("its story's figure table is forgotten").isTrue();
    assertThat(next.duplicateOf()).isEqualTo("new");
  }

  @Test
  void shouldStartTheNextExactRepeatsEvictionScanPastTheKeysItDeleted() {
    ExactRepeats repeats = new ExactRepeats(store, Duration.ofSeconds(5));
    repeats.remember("a1", "h1", 1_000L);
    repeats.remember("a2", "h2", 9_000L); // evicts a1 (cutoff 4,000)
    repeats.remember("a3", "h3", 10_000L);

    assertThat(repeats.isRepeat("a1", "h1")).isFalse();
    assertThat(repeats.isRepeat("a2", "h2")).isTrue();
    repeats.remember("a4", "h4", 20_000L); // evicts a2 and a3 (cutoff 15,000)

    assertThat(repeats.isRepeat("a2", "h2")).isFalse();
    String last = store.scansFrom.get(store.scansFrom.size() - 1);
    assertThat(last).isGreaterThan("e|" + "0000000000000000".substring(3) + "3e8|a1");
  }

  @Test
  void shouldNotScanForExactRepeatsToForgetWhileNoneIsDue() {
    ExactRepeats repeats = new ExactRepeats(store, Duration.ofHours(1));
    long start = Duration.ofHours(2).toMillis();
    for (int i = 0; i < 500; i++) {
      repeats.remember("a" + i, "h" + i, start + i * 1_000L);
    }
    // One look at the oldest key when it first could evict, then none: nothing was ever due.
    assertThat(store.scansFrom).hasSize(1);

    repeats.remember("late", "h", start + Duration.ofHours(1).toMillis() + 100_500L);

    assertThat(store.scansFrom).hasSize(2);
    assertThat(repeats.isRepeat("a100", "h100")).isFalse();
    assertThat(repeats.isRepeat("a101", "h101")).isTrue();
  }

  @Test
  void shouldForgetEveryExactRepeatPastTheRetentionAcrossScansThatReachTheirLimit() {
    ExactRepeats repeats = new ExactRepeats(store, Duration.ofSeconds(1));
    for (int i = 0; i < 300; i++) {
      repeats.remember("a" + i, "h" + i, 1_000L + i);
    }
    repeats.remember("b1", "h", 100_000L); // 256 evicted
    repeats.remember("b2", "h", 100_001L); // the other 44

    for (int i = 0; i < 300; i++) {
      assertThat(store.get("a|a" + i) == null).as("a%d forgotten", i).isTrue();
    }
    assertThat(repeats.size()).isEqualTo(2);
  }
}
