package io.vigia.app.reprocess;

import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.opensearch.OpenSearchIndexVersions;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versions of the cluster backend: run N writes the index {@code <alias>-vM-rN} through its own
 * client while the live sink writes through the alias, and the switch moves the alias in one atomic
 * {@code _aliases} request ({@link OpenSearchIndexVersions}). The run's client is its own, so it is
 * always closed at the end; the live sink never held it.
 */
final class OpenSearchVersions implements IndexVersions {
  private static final Logger LOG = LoggerFactory.getLogger(OpenSearchVersions.class);

  private final OpenSearchIndexVersions versions;

  /** The last version read from the cluster: what status shows while the cluster is away. */
  private volatile int lastKnownCurrent;

  OpenSearchVersions(OpenSearchIndexVersions versions) {
    this.versions = versions;
  }

  @Override
  public int currentVersion() {
    try {
      lastKnownCurrent = versions.currentRun();
    } catch (RuntimeException e) {
      LOG.debug("cannot read the alias {}: {}", versions.alias(), e.getMessage());
    }
    return lastKnownCurrent;
  }

  @Override
  public int newestVersion() {
    return versions.newestRun();
  }

  @Override
  public ArticleIndex openForRun(int run, Instant since) {
    ArticleIndex index = versions.openRun(run);
    if (since != null && versions.currentRun() != run) {
      try {
        long copied = versions.copyCurrentInto(run);
        LOG.info("reprocessing run {}: {} documents copied from the current version", run, copied);
      } catch (RuntimeException e) {
        index.close();
        throw e;
      }
    }
    return index;
  }

  @Override
  public void switchTo(int run, ArticleIndex written) {
    versions.switchTo(run);
    lastKnownCurrent = run;
  }

  @Override
  public void release(int run, ArticleIndex written) {
    written.close();
  }

  @Override
  public String name(int run) {
    return versions.indexOfRun(run);
  }
}
