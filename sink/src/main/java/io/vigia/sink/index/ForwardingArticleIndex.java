package io.vigia.sink.index;

import io.vigia.search.ArticleDocument;
import io.vigia.search.SearchQuery;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An index that hands every call to another: the base of the decorators that change one or two
 * calls (the corrections' overlay on writes, a test's hold on a run's sink), so each of them says
 * only what it changes, and a call added to {@link ArticleIndex} reaches every backend through them
 * without being written again in each.
 */
public abstract class ForwardingArticleIndex implements ArticleIndex {
  private final ArticleIndex delegate;

  protected ForwardingArticleIndex(ArticleIndex delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The index the calls go to. */
  protected final ArticleIndex delegate() {
    return delegate;
  }

  @Override
  public WriteOutcome write(List<ArticleDocument> documents) throws IndexUnavailableException {
    return delegate.write(documents);
  }

  @Override
  public Optional<ArticleDocument> get(String id) {
    return delegate.get(id);
  }

  @Override
  public SearchResult search(SearchQuery query) {
    return delegate.search(query);
  }

  @Override
  public IndexStats stats(SearchQuery filter, String target, int top) {
    return delegate.stats(filter, target, top);
  }

  @Override
  public List<StorySummary> stories(SearchQuery filter, int size) {
    return delegate.stories(filter, size);
  }

  @Override
  public List<String> storiesWithFigures(FigureFilter filter, int size) {
    return delegate.storiesWithFigures(filter, size);
  }

  @Override
  public long count() {
    return delegate.count();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
