package io.vigia.enrich.dedup;

import static io.vigia.enrich.dedup.Fixtures.T0;
import static io.vigia.enrich.dedup.Fixtures.article;
import static io.vigia.enrich.dedup.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * What a decision asks of the store: each key read once, and no write that leaves the store as it
 * was (a value rewritten to itself, a key deleted and written back). Every store operation of the
 * one dedup task is a lookup in the Kafka Streams record cache, and a miss a read in RocksDB.
 */
class StoreTrafficTest {
  private static final String EN = text("timetable-en.txt");
  private static final String OTHER = text("other-background-en.txt");

  private final RecordingDedupStore store = new RecordingDedupStore();
  private final DedupEngine engine = new DedupEngine(store, DedupSettings.defaults());

  private DedupDecision decide(DedupInput in) {
    store.nextDecision();
    return engine.decide(in);
  }

  /** Decides, then checks that the decision read no key twice. */
  private DedupDecision decideReadingOnce(DedupInput in) {
    DedupDecision d = decide(in);
    store.reads.forEach((key, n) -> assertThat(n).as("reads of %s by %s", key, in.id()).isOne());
    return d;
  }

  @Test
  void shouldReadEachKeyOnceInADecision() {
    decideReadingOnce(article("a1", "https://wire.example/a1", "Observers report", EN, T0));
    decideReadingOnce(
        article("b1", "https://other.example/b1", "Other news", OTHER, T0.plusSeconds(60)));
    // A copy under the same address: its exact keys are read for the match, then to store its own.
    DedupDecision copy =
        decide(
            article("a2", "https://wire.example/a1", "Observers report", EN, T0.plusSeconds(90)));

    assertThat(copy.duplicateOf()).isEqualTo("a1");
  }

  @Test
  void shouldKeepNoBucketsOrFeatureCountsInTheStore() {
    decide(article("a1", "https://wire.example/a1", "Observers report", EN, T0));
    decide(article("b1", "https://other.example/b1", "Other news", OTHER, T0.plusSeconds(60)));
    decide(
        article(
            "a2", "https://republisher.example/a2", "Observers report", EN, T0.plusSeconds(90)));

    // Only the articles, their exact keys and eviction keys, the stories' sources and the clock:
    // the buckets and counts are in memory, read back from the articles when a state is made.
    assertThat(store.map.keys("", "~", 1_000))
        .allMatch(k -> k.matches("(a|x|e|t|m)\\|.*"))
        .noneMatch(k -> k.equals("m|articles"));
    assertThat(store.reads.keySet()).allMatch(k -> k.matches("(a|x|t|m)\\|.*"));
  }

  @Test
  void shouldReadOnlyTheArticleACopyIsOfNotEveryCandidateOfTheNearCopyCheck() {
    String[] paragraphs = EN.split("\n\n");
    for (int k = 0; k < paragraphs.length; k++) { // versions that share some of its LSH bands
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < paragraphs.length; i++) {
        b.append(i == k ? OTHER.split("\n\n")[0] : paragraphs[i]).append("\n\n");
      }
      decide(article("v" + k, "https://outlet" + k + ".example/v", "t", b.toString(), T0));
    }
    // A task that starts again: nothing decoded in memory, every article read from the store.
    DedupState made = new DedupState(store, DedupSettings.defaults().bucketSize());
    Fingerprint copy = Fingerprint.of("t", EN, List.of());
    assertThat(new java.util.HashSet<>(made.textCandidates(copy.bands(DedupState.TEXT_BANDS))))
        .as("the near-copy check has several candidates")
        .hasSizeGreaterThan(3);
    DedupEngine restarted = new DedupEngine(store, DedupSettings.defaults());

    store.nextDecision();
    DedupDecision d =
        restarted.decide(
            article(
                "c1",
                "https://copy.example/c1",
                "t",
                EN + "\n\nRepublished with permission.",
                T0.plusSeconds(60)));

    assertThat(d.reason()).as("found by the near-copy check").isIn("near-duplicate", "contained");
    assertThat(store.reads.keySet().stream().filter(k -> k.startsWith("a|") && !k.equals("a|c1")))
        .as("the copy's original and its root, no other candidate")
        .hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void shouldNotRewriteWhatAnArticleOfTheSameStoryAtTheSameTimeLeavesAsItWas() {
    decide(article("a1", "https://wire.example/a1", "Observers report", EN, T0));
    // The same outlet's copy at the same time: the story's sources and their time do not change.
    DedupDecision copy =
        decide(article("a2", "https://wire.example/a1", "Observers report", EN, T0));

    assertThat(copy.duplicateOf()).isEqualTo("a1");
    assertThat(store.idle).isEmpty();
  }

  @Test
  void shouldDeleteFromAKafkaStreamsStoreWithoutReadingTheKey() {
    List<String> calls = new ArrayList<>();
    Map<String, byte[]> values = new HashMap<>();
    @SuppressWarnings("unchecked")
    KeyValueStore<String, byte[]> kv =
        (KeyValueStore<String, byte[]>)
            Proxy.newProxyInstance(
                KeyValueStore.class.getClassLoader(),
                new Class<?>[] {KeyValueStore.class},
                (proxy, method, args) -> {
                  calls.add(method.getName());
                  return switch (method.getName()) {
                    case "get" -> values.get((String) args[0]);
                    case "put" ->
                        args[1] == null
                            ? values.remove((String) args[0])
                            : values.put((String) args[0], (byte[]) args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                  };
                });
    KeyValueDedupStore dedupStore = new KeyValueDedupStore(kv);
    dedupStore.put("e|1|a|x", new byte[0]);
    calls.clear();

    dedupStore.delete("e|1|a|x");

    assertThat(calls).containsExactly("put");
    assertThat(values).isEmpty();
  }

  @Test
  void shouldForgetAKeyPutAsNullInAKafkaStreamsStore() {
    KeyValueStore<String, byte[]> kv =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("traffic"), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    kv.init(new MockProcessorContext<>().getStateStoreContext(), kv);
    KeyValueDedupStore dedupStore = new KeyValueDedupStore(kv);
    dedupStore.put("a|x", new byte[] {1});
    dedupStore.put("a|y", new byte[] {2});

    dedupStore.delete("a|x");

    assertThat(dedupStore.get("a|x")).isNull();
    assertThat(dedupStore.keys("a|", "a}", 10)).containsExactly("a|y");
    kv.close();
  }
}
