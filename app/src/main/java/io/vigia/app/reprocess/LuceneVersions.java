package io.vigia.app.reprocess;

import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.lucene.LuceneArticleIndex;
import io.vigia.sink.lucene.LuceneIndexVersions;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Versions of the embedded index: run N writes the folder {@code BASE-rN} beside the live one and
 * the switch renames the pointer file over ({@link LuceneIndexVersions}). After the switch the new
 * folder is the live index, owned (and closed) by the pipeline.
 */
final class LuceneVersions implements IndexVersions {
  private final LuceneIndexVersions versions;
  private final Path baseDir;

  LuceneVersions(LuceneIndexVersions versions, Path baseDir) {
    this.versions = versions;
    this.baseDir = baseDir;
  }

  @Override
  public int currentVersion() {
    return versions.currentVersion();
  }

  @Override
  public int newestVersion() {
    return versions.newestVersion();
  }

  @Override
  public ArticleIndex openForRun(int run, Instant since) {
    if (versions.currentVersion() == run) {
      return versions; // killed after the switch: the new version is already the current one
    }
    LuceneArticleIndex fresh = versions.openVersion(run);
    if (since != null) {
      fresh.copyFrom(LuceneIndexVersions.dir(baseDir, versions.currentVersion()));
    }
    return fresh;
  }

  @Override
  public void switchTo(int run, ArticleIndex written) {
    if (written != versions) {
      versions.switchTo(run, written);
    }
  }

  @Override
  public void release(int run, ArticleIndex written) {
    if (written != versions && versions.currentVersion() != run) {
      written.close();
    }
  }

  @Override
  public String name(int run) {
    return LuceneIndexVersions.dir(baseDir, run).getFileName().toString();
  }
}
