package io.vigia.sink;

import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.lucene.LuceneArticleIndex;
import io.vigia.sink.opensearch.OpenSearchArticleIndex;

/** Opens the backend the configuration names. */
public final class ArticleIndexes {
  private ArticleIndexes() {}

  public static ArticleIndex open(SinkSettings settings) {
    return switch (settings.backend()) {
      case LUCENE -> new LuceneArticleIndex(settings.luceneDir());
      case OPENSEARCH -> new OpenSearchArticleIndex(settings.openSearch());
    };
  }
}
