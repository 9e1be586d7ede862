package io.vigia.app.reprocess;

import io.vigia.search.ArticleDocument;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.index.ForwardingArticleIndex;
import io.vigia.sink.index.IndexUnavailableException;
import io.vigia.sink.index.WriteOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * For tests of resuming only: stops a reprocessing run's sink mid-way whatever the machine's load,
 * so a test can halt the run while it is certainly catching up. The sink writes through {@link
 * #wrap}; a write that would bring the documents written to {@code limit} or more waits until
 * {@link #refuse}, then fails as an unavailable index would (nothing of it written, the sink's
 * offsets not committed), and so does every later write. While a write waits, the sink has not
 * written past the records of that batch, so the run cannot catch up and never switches the alias.
 *
 * <p>Nothing in configuration or the HTTP API makes one: only {@link Reprocessing#holdNextRunSink}
 * does, which only tests call.
 */
public final class SinkHold {
  private final long limit;
  private long written;
  private boolean held;
  private boolean refused;

  /**
   * @param limit the count of documents the sink must not reach: the write that would reach it
   *     waits
   */
  SinkHold(long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    this.limit = limit;
  }

  /**
   * Waits until a write is held (the run's sink stopped mid-way), at most {@code timeout}.
   *
   * @return whether a write is held
   */
  public synchronized boolean awaitHeld(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!held) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** Documents written through this hold so far. */
  public synchronized long written() {
    return written;
  }

  /** Fails the held write and every later one, as an index gone with a crash would. */
  synchronized void refuse() {
    refused = true;
    notifyAll();
  }

  /** Waits while {@code documents} would reach the limit; false when refused. */
  private synchronized boolean mayWrite(int documents) {
    while (!refused && written + documents >= limit) {
      held = true;
      notifyAll();
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !refused;
  }

  private synchronized void wrote(int documents) {
    written += documents;
  }

  /** {@code index} as the run's sink sees it: its writes go through this hold. */
  ArticleIndex wrap(ArticleIndex index) {
    return new Held(Objects.requireNonNull(index, "index"));
  }

  private final class Held extends ForwardingArticleIndex {
    Held(ArticleIndex index) {
      super(index);
    }

    @Override
    public WriteOutcome write(List<ArticleDocument> documents) throws IndexUnavailableException {
      if (!mayWrite(documents.size())) {
        throw new IndexUnavailableException("the run's sink was held and then halted", null);
      }
      WriteOutcome out = delegate().write(documents);
      wrote(documents.size());
      return out;
    }

    /** The run closes its index itself ({@link IndexVersions#release}); the sink never does. */
    @Override
    public void close() {}
  }
}
