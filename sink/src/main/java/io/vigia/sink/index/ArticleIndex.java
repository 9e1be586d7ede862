package io.vigia.sink.index;

import io.vigia.search.ArticleDocument;
import io.vigia.search.SearchQuery;
import java.util.List;
import java.util.Optional;

/**
 * Search storage behind one small interface; the sink and the search API never look past it.
 * Backends: embedded Lucene (default) and OpenSearch.
 */
public interface ArticleIndex extends AutoCloseable {

  /**
   * Writes documents, replacing any with the same id, and returns once they are durable: after this
   * returns the sink commits its Kafka offsets.
   */
  WriteOutcome write(List<ArticleDocument> documents) throws IndexUnavailableException;

  Optional<ArticleDocument> get(String id);

  SearchResult search(SearchQuery query);

  /**
   * Articles per day per stance toward {@code target}, top entities and sources, over the matches
   * of {@code filter}.
   */
  IndexStats stats(SearchQuery filter, String target, int top);

  /** Stories among the matches of {@code filter}, most covered first. */
  List<StorySummary> stories(SearchQuery filter, int size);

  /**
   * Stories (ids) with an article not marked off topic that states a figure {@code filter} selects,
   * the story whose latest such article is newest first, at most {@code size}: what the figures
   * listing then reads story by story.
   */
  List<String> storiesWithFigures(FigureFilter filter, int size);

  /** Number of documents, for health and tests. */
  long count();

  @Override
  void close();
}
