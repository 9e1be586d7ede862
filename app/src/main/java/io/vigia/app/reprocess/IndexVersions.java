package io.vigia.app.reprocess;

import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.lucene.LuceneIndexVersions;
import io.vigia.sink.opensearch.OpenSearchIndexVersions;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The search alias a reprocessing run builds the next version behind and then switches, one
 * implementation per backend: embedded Lucene (a folder per version and a pointer file) and
 * OpenSearch (an index per version and the cluster's alias). Versions are numbered by run: run N
 * writes version N; the sink's first index is version 0.
 */
public interface IndexVersions {

  /** The run whose version the alias names now (0: the first version, no run yet). */
  int currentVersion();

  /** The highest version that exists, so a new run never reuses one. */
  int newestVersion();

  /**
   * The index run {@code run} writes its new judgements to, opened (created when missing, kept with
   * what it holds when a crashed run resumes). With {@code since}, it first gets a copy of the
   * current version's documents (the run re-judges only articles since then).
   */
  ArticleIndex openForRun(int run, Instant since);

  /**
   * Points the alias at run {@code run}'s version ({@code written}, from {@link #openForRun})
   * atomically: every search and live write after it uses the new version. Nothing when it does
   * already (a run killed after the switch).
   */
  void switchTo(int run, ArticleIndex written);

  /**
   * Closes what {@link #openForRun} opened, unless it is now the live index the pipeline closes.
   */
  void release(int run, ArticleIndex written);

  /** How status and logs name run {@code run}'s version (a folder, an index). */
  String name(int run);

  /**
   * The embedded backend's versions ({@code DATA/index-rN}, switched by {@code DATA/index.alias}).
   */
  static IndexVersions lucene(LuceneIndexVersions versions, Path baseDir) {
    return new LuceneVersions(versions, baseDir);
  }

  /**
   * The cluster backend's versions ({@code <alias>-vM-rN}, switched by one {@code _aliases} call).
   */
  static IndexVersions openSearch(OpenSearchIndexVersions versions) {
    return new OpenSearchVersions(versions);
  }
}
