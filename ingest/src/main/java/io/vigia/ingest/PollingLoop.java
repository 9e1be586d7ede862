package io.vigia.ingest;

import io.vigia.common.disk.DiskSpaceGuard;
import io.vigia.common.profile.FeedSpec;
import io.vigia.ingest.cluster.FeedOwnership;
import io.vigia.ingest.feed.FeedPollState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling schedule: hands every feed this instance owns to the polling threads when it is due,
 * then sleeps until the next one is due (at most the shortest interval). A feed is never polled
 * twice at once. Waits while the disk is nearly full, and now and then forgets the fetched URLs
 * past their retention.
 */
final class PollingLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PollingLoop.class);

  /** How often URLs past {@code ingest.seen-retention} are forgotten. */
  private static final Duration SEEN_SWEEP = Duration.ofHours(1);

  private final Supplier<List<FeedSpec>> feeds;
  private final FeedOwnership ownership;
  private final FeedStates states;
  private final FeedPoller poller;
  private final FetchedUrlLog fetchedUrls;
  private final DiskSpaceGuard disk;
  private final Duration pollInterval;
  private final String groupId;
  private final ExecutorService pollers;
  private final Thread thread;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running;
  private volatile String pausedBecause;

  /** Why the loop stopped, once it has. */
  private volatile Throwable failure;

  PollingLoop(
      IngestSettings settings,
      Supplier<List<FeedSpec>> feeds,
      FeedOwnership ownership,
      FeedStates states,
      FeedPoller poller,
      FetchedUrlLog fetchedUrls,
      DiskSpaceGuard disk) {
    this.feeds = feeds;
    this.ownership = ownership;
    this.states = states;
    this.poller = poller;
    this.fetchedUrls = fetchedUrls;
    this.disk = disk;
    this.pollInterval = settings.pollInterval();
    this.groupId = settings.groupId();
    AtomicInteger n = new AtomicInteger();
    this.pollers =
        Executors.newFixedThreadPool(
            settings.fetchThreads(),
            r -> {
              Thread t = new Thread(r, "vigia-ingest-poll-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.thread = new Thread(this::loop, "vigia-ingest");
    thread.setDaemon(true);
  }

  PollingLoop start() {
    running = true;
    thread.start();
    return this;
  }

  /** Whether the loop still polls: started and not closed. */
  boolean running() {
    return running;
  }

  /** Why polling is paused (e.g. the disk is nearly full), or null while it works. */
  String pausedBecause() {
    return pausedBecause;
  }

  /** Why the loop stopped, or null while it runs. */
  Throwable failure() {
    return failure;
  }

  private void loop() {
    try {
      if (!ownership.awaitAssignment(Duration.ofSeconds(60))) {
        LOG.warn(
            "no feed partitions assigned after 60 s; is another ingest instance of group '{}' polling them all?",
            groupId);
      }
      Instant nextSweep = Instant.now().plus(SEEN_SWEEP);
      while (running) {
        Instant next = Instant.now().plus(pollInterval);
        if (Instant.now().isAfter(nextSweep)) {
          fetchedUrls.forgetExpired();
          nextSweep = Instant.now().plus(SEEN_SWEEP);
        }
        for (FeedSpec feed : feeds.get()) {
          if (!running) {
            break;
          }
          if (waitWhilePaused()) {
            return;
          }
          if (!ownership.owns(feed)) {
            states.handedOver(feed.url()); // its state comes back through the topic
            continue;
          }
          FeedPollState st = states.poll(feed.url());
          if (!st.due(Instant.now())) {
            if (st.notBefore() != null && st.notBefore().isBefore(next)) {
              next = st.notBefore();
            }
            continue;
          }
          if (states.startPolling(feed.url())) {
            pollers.execute(
                () -> {
                  try {
                    poller.poll(feed);
                  } finally {
                    states.donePolling(feed.url());
                  }
                });
          }
        }
        long sleep = Math.max(50, Duration.between(Instant.now(), next).toMillis());
        if (stopped.await(sleep, TimeUnit.MILLISECONDS)) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RejectedExecutionException e) {
      // closing
    } catch (RuntimeException | Error e) {
      failure = e;
      LOG.error("ingest loop stopped", e);
    }
  }

  /** Waits while the disk guard says to pause; true when closed meanwhile. */
  private boolean waitWhilePaused() throws InterruptedException {
    while (running && (pausedBecause = disk.pauseReason().orElse(null)) != null) {
      LOG.warn("ingest paused: {}", pausedBecause);
      if (stopped.await(5, TimeUnit.SECONDS)) {
        return true;
      }
    }
    return false;
  }

  /** Stops scheduling polls; the polls running now go on. */
  void stop() {
    running = false;
    stopped.countDown();
  }

  /** Stops scheduling, then waits for the polls running now (up to 30 s each). */
  @Override
  public void close() {
    stop();
    try {
      thread.join(30_000);
      pollers.shutdown();
      if (!pollers.awaitTermination(30, TimeUnit.SECONDS)) {
        pollers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
