package io.vigia.ingest.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.classic.methods.HttpGet;

/**
 * Cuts one request at its deadlines: the request is cancelled under the thread that waits on it
 * (for the headers or in the middle of a body), and the reason of the first cut is kept to report.
 */
final class RequestCutter {
  /**
   * One thread for every fetcher's deadlines; a deadline cancelled (the usual case) leaves the
   * queue at once, not minutes later.
   */
  private static final ScheduledExecutorService CUTTER = cutter();

  private static ScheduledExecutorService cutter() {
    ScheduledThreadPoolExecutor e =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "vigia-fetch-deadline");
              t.setDaemon(true);
              return t;
            });
    e.setRemoveOnCancelPolicy(true);
    return e;
  }

  private final HttpGet get;
  private final AtomicReference<String> cutBecause = new AtomicReference<>();
  private final List<ScheduledFuture<?>> cuts = new ArrayList<>();

  RequestCutter(HttpGet get) {
    this.get = get;
  }

  /** Cancels the request at {@code atNanos} ({@link System#nanoTime()}), for {@code why}. */
  void cutAt(long atNanos, String why) {
    cuts.add(
        CUTTER.schedule(
            () -> {
              if (cutBecause.compareAndSet(null, why)) {
                get.cancel();
              }
            },
            Math.max(0, atNanos - System.nanoTime()),
            TimeUnit.NANOSECONDS));
  }

  /** Why the request was cut, or null when it was not. */
  String cutBecause() {
    return cutBecause.get();
  }

  /** The request is over: no cut any more. */
  void cancel() {
    cuts.forEach(c -> c.cancel(false));
  }
}
