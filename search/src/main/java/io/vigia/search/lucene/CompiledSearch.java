package io.vigia.search.lucene;

import io.vigia.search.SearchQuery;
import org.apache.lucene.search.Query;

/**
 * A search compiled once into the query {@link ArticleMatch} checks articles against (a saved
 * search checked on every article). What it compiles to stays inside this module, so its users
 * never see Lucene's query types.
 */
public final class CompiledSearch {
  private final Query query;

  private CompiledSearch(Query query) {
    this.query = query;
  }

  public static CompiledSearch of(SearchQuery q) {
    return new CompiledSearch(ArticleQueries.query(q));
  }

  Query query() {
    return query;
  }
}
