package io.vigia.sink.index;

import io.vigia.common.config.ConfigException;
import io.vigia.sink.SinkSettings;
import io.vigia.sink.lucene.LuceneArticleIndex;

/** Opens the backend the configuration names. */
public final class ArticleIndexes {
  private ArticleIndexes() {}

  public static ArticleIndex open(SinkSettings settings) {
    return switch (settings.backend()) {
      case LUCENE -> new LuceneArticleIndex(settings.luceneDir());
      case OPENSEARCH -> throw new ConfigException("sink.backend 'opensearch' is not available in this build yet; use 'lucene'.");
    };
  }
}
