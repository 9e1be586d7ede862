package io.vigia.search.lucene;

import io.vigia.schemas.EnrichedArticle;
import io.vigia.search.ArticleDocument;
import io.vigia.search.SearchQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * One enriched article indexed alone, in memory, exactly as the embedded search index writes it
 * (the same fields and analysers), so a subscription's query matches it exactly when the same
 * search would return it (alerts). Built once per article for every subscription checked against
 * it.
 */
public final class ArticleMatch {
  private final MemoryIndex index = new MemoryIndex();
  private IndexSearcher searcher;

  private ArticleMatch(ArticleDocument d) {
    for (IndexableField f : ArticleFields.document(d)) {
      // Only what queries read: terms and points (doc values serve sorting and facets only).
      if (f.fieldType().indexOptions() != IndexOptions.NONE
          || f.fieldType().pointDimensionCount() > 0) {
        index.addField(f, ArticleFields.analyzer());
      }
    }
    index.freeze();
  }

  public static ArticleMatch of(EnrichedArticle e) {
    return new ArticleMatch(ArticleDocument.from(e, Instant.EPOCH));
  }

  public static ArticleMatch of(ArticleDocument d) {
    return new ArticleMatch(d);
  }

  /** Whether {@code q} (a {@link ArticleQueries#query} of a search) matches the article. */
  public boolean matches(Query q) {
    if (searcher == null) {
      // One searcher for every rule checked against this article, counting rather than scoring.
      searcher = index.createSearcher();
      searcher.setQueryCache(null);
    }
    try {
      return searcher.count(q) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an in-memory index does no I/O
    }
  }

  /** Whether the compiled search would return the article, paging aside. */
  public boolean matches(CompiledSearch s) {
    return matches(s.query());
  }

  /** Whether the search would return the article, paging aside. */
  public boolean matches(SearchQuery q) {
    return matches(ArticleQueries.query(q));
  }
}
