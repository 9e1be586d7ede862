package io.vigia.sink.lucene;

import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.index.ArticleIndexContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The search contract on the embedded Lucene backend. */
class LuceneArticleIndexContractTest extends ArticleIndexContract {
  @TempDir Path dir;

  @Override
  protected ArticleIndex newIndex() {
    return new LuceneArticleIndex(dir.resolve("index"));
  }

  @Override
  protected void makeSearchable(ArticleIndex index) {
    // every write is searchable when it returns
  }
}
