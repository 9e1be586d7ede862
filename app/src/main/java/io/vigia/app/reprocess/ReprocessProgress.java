package io.vigia.app.reprocess;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How far a reprocessing run is, how fast it goes and when it should be done: figures for the
 * terminal ({@code vigia reprocess}, {@code GET /api/reprocess}) and gauges for {@code /metrics}
 * ({@code vigia_reprocess_*}). The rate is over the last 30 seconds of samples, so a pause (a
 * rebalance, a restart) shows at once and the ETA follows the current speed.
 */
final class ReprocessProgress {
  private static final long WINDOW_NANOS = 30_000_000_000L;

  private record Sample(long nanos, long done) {}

  private final Deque<Sample> samples = new ArrayDeque<>();
  private volatile long total;
  private volatile long done;
  private volatile double rate;
  private volatile long indexed;
  private volatile int phase;

  /** Registers the gauges once per registry; they read whichever progress is {@code current}. */
  static void register(MeterRegistry registry, java.util.function.Supplier<ReprocessProgress> p) {
    Gauge.builder("vigia.reprocess.articles.total", () -> p.get().total)
        .description("Raw records the running reprocessing run has to read (end offsets at start)")
        .register(registry);
    Gauge.builder("vigia.reprocess.articles.done", () -> p.get().done)
        .description("Raw records it has read and committed")
        .register(registry);
    Gauge.builder("vigia.reprocess.rate", () -> p.get().rate)
        .description("Raw records per second over the last 30 s")
        .register(registry);
    Gauge.builder("vigia.reprocess.eta.seconds", () -> p.get().etaSeconds())
        .description("Seconds until it has caught up at the current rate (-1: unknown)")
        .register(registry);
    Gauge.builder("vigia.reprocess.indexed", () -> p.get().indexed)
        .description("Documents its sink wrote to the new index version")
        .register(registry);
    Gauge.builder("vigia.reprocess.phase", () -> p.get().phase)
        .description("0 none, 1 catching up, 2 switched (finishing), 3 done")
        .register(registry);
  }

  synchronized void update(long total, long done, long indexed, int phase, long nowNanos) {
    this.total = total;
    this.done = done;
    this.indexed = indexed;
    this.phase = phase;
    samples.addLast(new Sample(nowNanos, done));
    while (samples.size() > 2 && nowNanos - samples.peekFirst().nanos() > WINDOW_NANOS) {
      samples.removeFirst();
    }
    Sample first = samples.peekFirst();
    double seconds = (nowNanos - first.nanos()) / 1e9;
    rate = seconds > 0 ? Math.max(0, done - first.done()) / seconds : 0;
  }

  long total() {
    return total;
  }

  long done() {
    return done;
  }

  double rate() {
    return rate;
  }

  long indexed() {
    return indexed;
  }

  /** Seconds to go at the current rate; -1 while the rate is unknown. */
  long etaSeconds() {
    long left = Math.max(0, total - done);
    if (left == 0) {
      return 0;
    }
    return rate > 0 ? Math.round(left / rate) : -1;
  }
}
