package io.vigia.enrich.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigia.enrich.dedup.DedupDecision;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the enrich topology counts ({@code vigia_enrich_*}, listed in docs/metrics.md): records in,
 * articles out by destination, exact repeats dropped by the first step, every dedup decision by
 * status and reason, and stories started or joined.
 *
 * <p>The counters count processing, not committed output: under exactly-once a transaction that
 * aborts (a crash, a task moved mid-commit) has its records processed, and counted, again. Over
 * time the rates are right; a restart's replay shows up as a small bump.
 */
public final class EnrichMeters {
  private final MeterRegistry registry;
  private final Counter in;
  private final Counter repeatsDropped;
  private final Counter enriched;
  private final Counter irrelevant;
  private final Counter deadLetters;
  private final Counter storiesNew;
  private final Counter storiesJoined;
  private final Timer analysis;
  private final Timer dedup;
  private final AtomicLong dedupHeld = new AtomicLong();

  public EnrichMeters(MeterRegistry registry) {
    this.registry = registry;
    this.in =
        Counter.builder("vigia.enrich.articles.in")
            .description("Raw records read, readable or not")
            .register(registry);
    this.repeatsDropped =
        Counter.builder("vigia.enrich.repeats.dropped")
            .description(
                "Exact replays (same article id, same content hash) dropped by the first step, before analysis")
            .register(registry);
    this.enriched = out("enriched", "Relevant articles written to vigia.articles.enriched");
    this.irrelevant = out("irrelevant", "Off-topic articles written to vigia.articles.irrelevant");
    this.deadLetters = out("dead-letter", "Unreadable records written to vigia.deadletter");
    this.storiesNew = stories("new", "Articles that started a story of their own");
    this.storiesJoined = stories("joined", "Articles that joined an earlier article's story");
    this.analysis = step("analyse", "Entities, relevance and stance of one article");
    this.dedup = step("dedup", "The full dedup's decision about one relevant article");
    // A registry keeps the first gauge of a name and ignores later ones, so a service started
    // again in the same process (after a crash, in tests) would go on reporting the old one's
    // value: the newest meters take the gauge over. Counters need no such care (they add up).
    Gauge old = registry.find("vigia.enrich.dedup.articles.held").gauge();
    if (old != null) {
      registry.remove(old);
    }
    Gauge.builder("vigia.enrich.dedup.articles.held", dedupHeld, AtomicLong::get)
        .description(
            "Articles the dedup state of this instance holds (one retention of on-topic articles);"
                + " its in-memory buckets, counts and signatures take about 3 KB of heap each")
        .register(registry);
  }

  private Timer step(String step, String description) {
    return Timer.builder("vigia.enrich.step")
        .tag("step", step)
        .description(description + " (where the time goes)")
        .register(registry);
  }

  /** Times one analysis. */
  <T> T timeAnalysis(java.util.function.Supplier<T> work) {
    return time(analysis, work);
  }

  /** Times one dedup decision. */
  void timeDedup(Runnable work) {
    long t0 = System.nanoTime();
    try {
      work.run();
    } finally {
      dedup.record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  private static <T> T time(Timer t, java.util.function.Supplier<T> work) {
    long t0 = System.nanoTime();
    try {
      return work.get();
    } finally {
      t.record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  private Counter out(String destination, String description) {
    return Counter.builder("vigia.enrich.articles.out")
        .tag("destination", destination)
        .description(description)
        .register(registry);
  }

  private Counter stories(String story, String description) {
    return Counter.builder("vigia.enrich.stories")
        .tag("story", story)
        .description(description)
        .register(registry);
  }

  /** How many articles this instance's dedup state holds now. */
  void dedupHeld(long articles) {
    dedupHeld.set(articles);
  }

  void read() {
    in.increment();
  }

  void repeatDropped() {
    repeatsDropped.increment();
  }

  void enriched() {
    enriched.increment();
  }

  void irrelevant() {
    irrelevant.increment();
  }

  void deadLettered() {
    deadLetters.increment();
  }

  /** One decision of the full dedup about {@code articleId}. */
  void decided(String articleId, DedupDecision d) {
    String status = d.replay() ? "replay" : d.status().name().toLowerCase(Locale.ROOT);
    String reason = d.reason() == null ? "none" : d.reason();
    Counter.builder("vigia.enrich.dedup.decisions")
        .tags("status", status, "reason", reason)
        .description(
            "Decisions of the full dedup, by status (original, duplicate, update, replay) and what matched")
        .register(registry)
        .increment();
    if (d.replay()) {
      return;
    }
    (articleId.equals(d.storyId()) ? storiesNew : storiesJoined).increment();
  }
}
