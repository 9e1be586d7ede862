package io.vigia.enrich.bench;

import io.vigia.common.text.TextNormalizer;
import io.vigia.enrich.dedup.DedupDecision;
import io.vigia.enrich.dedup.DedupEngine;
import io.vigia.enrich.dedup.DedupInput;
import io.vigia.enrich.dedup.DedupRocksDbConfig;
import io.vigia.enrich.dedup.DedupSettings;
import io.vigia.enrich.dedup.KeyValueDedupStore;
import io.vigia.schemas.DedupStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Articles per second through the dedup engine, over the same RocksDB store the topology uses, and
 * the cost per article as the stored corpus grows. Synthetic articles (Zipf-distributed words,
 * names and figures, ~280 words), one every two seconds of article time; one in ten is a syndicated
 * copy of a recent one. At each checkpoint the next {@code window} articles are timed.
 *
 * <pre>
 * mvn -B -q -pl enrich -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.vigia.enrich.bench.DedupBenchmark -Dexec.args="10000 100000 1000000"
 * </pre>
 */
public final class DedupBenchmark {
  private static final int WINDOW = 5_000;
  private static final long SPACING_MS = 2_000;
  private static final long START = 1_700_000_000_000L;

  private final SplittableRandom random = new SplittableRandom(42);
  private final String[] words = vocabulary(20_000, false);
  private final String[] names = vocabulary(3_000, true);
  private final List<String> recent = new ArrayList<>();
  private int n;
  private int copies;
  private int found;

  public static void main(String[] args) throws IOException {
    long[] checkpoints =
        args.length == 0
            ? new long[] {10_000, 100_000, 1_000_000}
            : Arrays.stream(args).mapToLong(Long::parseLong).toArray();
    Path dir = Files.createTempDirectory("dedup-bench");
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-bench");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
    // The same RocksDB settings as the enrich service.
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, DedupRocksDbConfig.class);
    MockProcessorContext<Object, Object> context =
        new MockProcessorContext<>(p, new TaskId(0, 0), dir.toFile());
    KeyValueStore<String, byte[]> store =
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore("dedup-state"), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    DedupEngine engine = new DedupEngine(new KeyValueDedupStore(store), DedupSettings.defaults());
    DedupBenchmark bench = new DedupBenchmark();
    // CPU time of this thread as well as wall time: on a shared machine the wall time also counts
    // the time other processes had the core.
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    System.out.printf(
        "%-12s %-12s %-14s %-16s %-14s %s%n",
        "stored", "articles/s", "us/article", "cpu us/article", "copies found", "heap MB");
    long totalStart = System.nanoTime();
    for (long checkpoint : checkpoints) {
      while (bench.n < checkpoint) {
        bench.next(engine);
      }
      bench.copies = 0;
      bench.found = 0;
      long t0 = System.nanoTime();
      long cpu0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < WINDOW; i++) {
        bench.next(engine);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
      System.out.printf(
          "%-12d %-12.0f %-14.1f %-16.1f %-14s %d%n",
          checkpoint,
          WINDOW / seconds,
          seconds * 1e6 / WINDOW,
          cpuSeconds * 1e6 / WINDOW,
          bench.found + "/" + bench.copies,
          heapAfterGcMb());
    }
    System.out.printf(
        "total %d articles in %.0f s%n", bench.n, (System.nanoTime() - totalStart) / 1e9);
    store.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  /**
   * The heap in use after a full collection: dedup's in-memory buckets and counts grow with the
   * articles it holds (one retention's worth), so the benchmark says how much.
   */
  private static long heapAfterGcMb() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
  }

  private void next(DedupEngine engine) {
    String text;
    boolean copy = recent.size() > 100 && random.nextInt(10) == 0;
    String of = null;
    if (copy) {
      of = "a" + (n - 1 - random.nextInt(Math.min(1000, recent.size())));
      String original = recent.get(recent.size() - (n - Integer.parseInt(of.substring(1))));
      String[] paragraphs = original.split("\n\n");
      StringBuilder b = new StringBuilder("Republished from a partner site.\n\n");
      for (int i = 0; i < paragraphs.length; i++) {
        if (i != 2) {
          b.append(paragraphs[i]).append("\n\n");
        }
      }
      text = b.toString();
    } else {
      text = article();
    }
    recent.add(text);
    if (recent.size() > 1000) {
      recent.remove(0);
    }
    String id = "a" + n;
    DedupDecision d =
        engine.decide(
            new DedupInput(
                id,
                "https://site" + random.nextInt(50) + ".example/" + id,
                null,
                TextNormalizer.contentHash(text),
                "site" + random.nextInt(50) + ".example",
                START + n * SPACING_MS,
                "Title " + id,
                text,
                List.of()));
    if (copy) {
      copies++;
      if (d.status() != DedupStatus.ORIGINAL) {
        found++;
      }
    }
    n++;
  }

  private String article() {
    StringBuilder b = new StringBuilder(2200);
    for (int p = 0; p < 6; p++) {
      for (int w = 0; w < 46; w++) {
        int r = random.nextInt(100);
        if (w > 0 && r < 8) {
          b.append(names[zipf(names.length)]);
        } else if (w > 0 && r < 11) {
          b.append(random.nextInt(2000));
        } else {
          b.append(words[zipf(words.length)]);
        }
        b.append(w % 15 == 14 ? ". " : " ");
      }
      b.append("\n\n");
    }
    return b.toString();
  }

  /** A rank from 0 to size-1, skewed like word frequencies. */
  private int zipf(int size) {
    return (int) Math.min(size - 1, Math.floor(Math.pow(size, random.nextDouble())) - 1);
  }

  private static String[] vocabulary(int size, boolean capital) {
    SplittableRandom r = new SplittableRandom(capital ? 7 : 3);
    String[] out = new String[size];
    for (int i = 0; i < size; i++) {
      StringBuilder w = new StringBuilder();
      int len = 3 + r.nextInt(7);
      for (int c = 0; c < len; c++) {
        w.append((char) ('a' + r.nextInt(26)));
      }
      if (capital) {
        w.setCharAt(0, Character.toUpperCase(w.charAt(0)));
      }
      out[i] = w.toString();
    }
    return out;
  }
}
