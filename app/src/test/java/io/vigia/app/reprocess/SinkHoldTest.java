package io.vigia.app.reprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.schemas.RawArticle;
import io.vigia.schemas.testing.SampleArticles;
import io.vigia.search.ArticleDocument;
import io.vigia.search.SearchQuery;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.index.FigureFilter;
import io.vigia.sink.index.IndexStats;
import io.vigia.sink.index.IndexUnavailableException;
import io.vigia.sink.index.SearchResult;
import io.vigia.sink.index.StorySummary;
import io.vigia.sink.index.WriteOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The hold that lets a test stop a reprocessing run's sink mid-way: writes below the limit go
 * through, the write that would reach it waits, and once refused it and every later write fail
 * without writing anything.
 */
class SinkHoldTest {

  @Test
  void shouldLetWritesBelowTheLimitThroughAndHoldTheOneThatWouldReachIt() throws Exception {
    Recording index = new Recording();
    SinkHold hold = new SinkHold(5);
    ArticleIndex sinkSees = hold.wrap(index);

    sinkSees.write(docs(2));
    sinkSees.write(docs(2));
    assertThat(index.written).hasSize(4);
    assertThat(hold.written()).isEqualTo(4);
    assertThat(hold.awaitHeld(Duration.ofMillis(50))).as("nothing held yet").isFalse();

    CompletableFuture<WriteOutcome> third = write(sinkSees, docs(1)); // would make 5
    assertThat(hold.awaitHeld(Duration.ofSeconds(10))).as("the fifth document is held").isTrue();
    Thread.sleep(200);
    assertThat(third).as("still waiting").isNotDone();
    assertThat(index.written).as("nothing of the held write reached the index").hasSize(4);

    hold.refuse();
    assertThatThrownBy(() -> third.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IndexUnavailableException.class);
    assertThatThrownBy(() -> sinkSees.write(docs(1)))
        .as("every later write is refused too")
        .isInstanceOf(IndexUnavailableException.class);
    assertThat(index.written).hasSize(4);
    assertThat(hold.written()).isEqualTo(4);
  }

  @Test
  void shouldHoldAFirstBatchThatAloneWouldReachTheLimit() throws Exception {
    Recording index = new Recording();
    SinkHold hold = new SinkHold(3);
    CompletableFuture<WriteOutcome> first = write(hold.wrap(index), docs(3));
    assertThat(hold.awaitHeld(Duration.ofSeconds(10))).isTrue();
    hold.refuse();
    assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IndexUnavailableException.class);
    assertThat(index.written).isEmpty();
  }

  @Test
  void shouldReadThroughToTheIndexAndLeaveClosingItToTheRun() throws Exception {
    Recording index = new Recording();
    ArticleIndex sinkSees = new SinkHold(100).wrap(index);
    sinkSees.write(docs(1));
    assertThat(sinkSees.count()).isEqualTo(1);
    assertThat(sinkSees.get(index.written.get(0).id())).isPresent();
    sinkSees.close();
    assertThat(index.closed).isFalse();
  }

  private static CompletableFuture<WriteOutcome> write(
      ArticleIndex index, List<ArticleDocument> docs) {
    CompletableFuture<WriteOutcome> f = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                f.complete(index.write(docs));
              } catch (Throwable e) {
                f.completeExceptionally(e);
              }
            });
    t.setDaemon(true);
    t.start();
    return f;
  }

  private static int next;

  private static List<ArticleDocument> docs(int n) {
    List<ArticleDocument> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      RawArticle a = SampleArticles.raw("https://example.org/" + next++, "título", "texto").build();
      out.add(ArticleDocument.from(SampleArticles.enriched(a), Instant.now()));
    }
    return out;
  }

  /** An index that only records what was written to it. */
  private static final class Recording implements ArticleIndex {
    final List<ArticleDocument> written = new ArrayList<>();
    boolean closed;

    @Override
    public synchronized WriteOutcome write(List<ArticleDocument> documents) {
      written.addAll(documents);
      return WriteOutcome.allWritten(documents.size());
    }

    @Override
    public synchronized Optional<ArticleDocument> get(String id) {
      return written.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    @Override
    public SearchResult search(SearchQuery query) {
      throw new UnsupportedOperationException();
    }

    @Override
    public IndexStats stats(SearchQuery filter, String target, int top) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<StorySummary> stories(SearchQuery filter, int size) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> storiesWithFigures(FigureFilter filter, int size) {
      throw new UnsupportedOperationException();
    }

    @Override
    public synchronized long count() {
      return written.size();
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
