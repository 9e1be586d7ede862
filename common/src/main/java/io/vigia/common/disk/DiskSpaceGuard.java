package io.vigia.common.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Watches the free space under the data folder. Stages that write (ingest producing to the embedded
 * broker, the sink writing the index) pause while it is below the minimum and resume by themselves
 * once space is back, so a full disk pauses the pipeline clearly instead of crashing the broker or
 * corrupting the index.
 */
public final class DiskSpaceGuard {
  private final Path dir;
  private final long minFreeBytes;

  public DiskSpaceGuard(Path dir, long minFreeBytes) {
    this.dir = dir;
    this.minFreeBytes = minFreeBytes;
  }

  /** A guard that never pauses (no data folder of ours to watch, e.g. a remote index). */
  public static DiskSpaceGuard none() {
    return new DiskSpaceGuard(null, 0);
  }

  /** Why writing should pause now, or empty when there is room. */
  public Optional<String> pauseReason() {
    if (dir == null || minFreeBytes <= 0) {
      return Optional.empty();
    }
    try {
      Path existing = dir;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing == null) {
        return Optional.empty();
      }
      long free = Files.getFileStore(existing).getUsableSpace();
      if (free < minFreeBytes) {
        return Optional.of(
            "disk nearly full: "
                + free / (1024 * 1024)
                + " MB free under "
                + dir.toAbsolutePath()
                + ", need "
                + minFreeBytes / (1024 * 1024)
                + " MB (data-dir-min-free-mb); free some space and Vigía resumes by itself");
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot read free space under " + dir + ": " + e.getMessage());
    }
  }
}
