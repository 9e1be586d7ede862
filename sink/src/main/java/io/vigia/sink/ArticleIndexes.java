package io.vigia.sink;

import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.lucene.LuceneIndexVersions;
import io.vigia.sink.opensearch.OpenSearchArticleIndex;

/** Opens the backend the configuration names. */
public final class ArticleIndexes {
  private ArticleIndexes() {}

  /**
   * The index the configuration names; for Lucene, the current version behind the alias ({@link
   * LuceneIndexVersions}).
   */
  public static ArticleIndex open(SinkSettings settings) {
    return switch (settings.backend()) {
      case LUCENE -> LuceneIndexVersions.open(settings.luceneDir());
      case OPENSEARCH -> new OpenSearchArticleIndex(settings.openSearch());
    };
  }
}
