package io.vigia.ingest.bench;

import io.vigia.common.url.CanonicalUrl;
import io.vigia.ingest.feed.FeedItem;
import io.vigia.ingest.feed.FeedPollState;
import io.vigia.ingest.feed.FeedReader;
import io.vigia.ingest.fetch.FetchResult;
import io.vigia.ingest.fetch.PageFetcher;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feed polling throughput against {@link FeedFarm}: polls FEEDS feeds ROUNDS times with the real
 * fetcher (conditional GET), feed parser, poll state and canonical-URL dedup, THREADS in flight,
 * and prints feeds polled per hour and the heap used. Run it through bench/feed-poll-bench.sh.
 * Usage: {@code FeedPollBenchmark PORT FEEDS ROUNDS THREADS}
 */
public final class FeedPollBenchmark {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int feeds = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    String authority = "127.0.0.1:" + port;
    PageFetcher fetcher =
        PageFetcher.builder(
                "Vigia-bench/1 (+https://example.org/contact)",
                10 << 20,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10))
            .exempt(Set.of(authority))
            .build();
    FeedReader reader = new FeedReader();
    List<FeedPollState> states = new ArrayList<>();
    for (int i = 0; i < feeds; i++) {
      states.add(new FeedPollState());
    }
    Set<String> seen = ConcurrentHashMap.newKeySet();
    AtomicLong notModified = new AtomicLong();
    AtomicLong fetched = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong newItems = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long peakHeap = 0;
    long start = 0;
    for (int round = -1; round < rounds; round++) { // round -1 warms up (first fetch of every feed)
      if (round == 0) {
        start = System.nanoTime();
        notModified.set(0);
        fetched.set(0);
        newItems.set(0);
      }
      List<Future<?>> futures = new ArrayList<>(feeds);
      for (int i = 0; i < feeds; i++) {
        final int n = i;
        futures.add(
            pool.submit(
                () -> {
                  FeedPollState st = states.get(n);
                  String url = "http://" + authority + "/feed/" + n;
                  FetchResult r = fetcher.fetch(url, st.validatorsFor());
                  Instant now = Instant.now();
                  st.afterFetch(r, now, Duration.ofMinutes(5));
                  if (r instanceof FetchResult.NotModified) {
                    st.afterItems(now, false, Duration.ofMinutes(5), Duration.ofHours(1));
                    notModified.incrementAndGet();
                  } else if (r instanceof FetchResult.Fetched f) {
                    fetched.incrementAndGet();
                    try {
                      var doc = reader.readDocument(f.finalUrl(), f.body(), f.contentType());
                      for (FeedItem item :
                          doc instanceof io.vigia.ingest.feed.FeedDocument.Items its
                              ? its.items()
                              : List.<FeedItem>of()) {
                        CanonicalUrl.normalise(item.link())
                            .ifPresent(
                                k -> {
                                  if (seen.add(k)) {
                                    newItems.incrementAndGet();
                                  }
                                });
                      }
                    } catch (FeedReader.FeedException e) {
                      failed.incrementAndGet();
                    }
                  } else {
                    failed.incrementAndGet();
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      peakHeap = Math.max(peakHeap, heapUsed());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long polls = (long) feeds * rounds;
    pool.shutdown();
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        "feeds=%d rounds=%d threads=%d cpus=%d%n",
        feeds, rounds, threads, rt.availableProcessors());
    System.out.printf(
        "polls=%d in %.1f s: %.0f polls/s = %.0f feeds polled per hour%n",
        polls, seconds, polls / seconds, polls / seconds * 3600);
    System.out.printf(
        "outcomes: 304=%d 200=%d failed=%d new items=%d (URLs remembered %d)%n",
        notModified.get(), fetched.get(), failed.get(), newItems.get(), seen.size());
    System.out.printf(
        "heap: max %d MB, peak used after a round %d MB, used after GC %d MB%n",
        rt.maxMemory() >> 20, peakHeap >> 20, heapUsed() >> 20);
  }

  private static long heapUsed() {
    long used = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        used += p.getUsage().getUsed();
      }
    }
    return used;
  }
}
