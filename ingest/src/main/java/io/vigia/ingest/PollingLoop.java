package io.vigia.ingest;

import io.vigia.common.disk.DiskSpaceGuard;
import io.vigia.common.health.LoopHealth;
import io.vigia.common.profile.FeedSpec;
import io.vigia.ingest.cluster.FeedOwnership;
import io.vigia.ingest.feed.FeedPollState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * past their retention. Reports its start, pauses and failure to the stage's {@link LoopHealth}.
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
  private final LoopHealth health;
  private volatile boolean running;

  PollingLoop(
      IngestSettings settings,
      Supplier<List<FeedSpec>> feeds,
      FeedOwnership ownership,
      FeedStates states,
      FeedPoller poller,
      FetchedUrlLog fetchedUrls,
      DiskSpaceGuard disk,
      LoopHealth health) {
    this.feeds = feeds;
    this.ownership = ownership;
    this.states = states;
    this.poller = poller;
    this.fetchedUrls = fetchedUrls;
    this.disk = disk;
    this.health = health;
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
    health.started();
    thread.start();
    return this;
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
      health.failed(e);
      LOG.error("ingest loop stopped", e);
    }
  }

  /** Waits while the disk guard says to pause; true when closed meanwhile. */
  private boolean waitWhilePaused() throws InterruptedException {
    Optional<String> pause;
    while (running && (pause = disk.pauseReason()).isPresent()) {
      health.paused(pause.get());
      LOG.warn("ingest paused: {}", pause.get());
      if (stopped.await(5, TimeUnit.SECONDS)) {
        return true;
      }
    }
    if (running) {
      health.resumed();
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
