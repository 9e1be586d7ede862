package io.vigia.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The data folder of one running pipeline, locked for as long as it runs: two processes writing the
 * same broker log and index would corrupt both.
 */
final class DataDir implements AutoCloseable {
  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDir(Path path, FileChannel channel, FileLock lock) {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
  }

  static DataDir open(Path path) {
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new ErrorHandler.UserError(
          "Cannot use data folder "
              + path.toAbsolutePath()
              + " ("
              + e.getMessage()
              + "). Choose a writable folder with --data DIR.",
          e);
    }
    if (!Files.isDirectory(path) || !Files.isWritable(path)) {
      throw new ErrorHandler.UserError(
          "Data folder "
              + path.toAbsolutePath()
              + " is not a writable folder. Choose another with --data DIR.");
    }
    try {
      FileChannel ch =
          FileChannel.open(
              path.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw new ErrorHandler.UserError(
            "Data folder "
                + path.toAbsolutePath()
                + " is in use by another running Vigía. "
                + "Stop it first, or use another folder with --data DIR.");
      }
      return new DataDir(path, ch, lock);
    } catch (IOException e) {
      throw new ErrorHandler.UserError(
          "Cannot lock data folder " + path.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  Path path() {
    return path;
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the lock goes with the process anyway
    }
  }
}
