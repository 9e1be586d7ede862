package io.vigia.sink.lucene;

import io.vigia.search.ArticleDocument;
import io.vigia.search.SearchQuery;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.index.IndexStats;
import io.vigia.sink.index.IndexUnavailableException;
import io.vigia.sink.index.SearchResult;
import io.vigia.sink.index.StorySummary;
import io.vigia.sink.index.WriteOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search alias of the embedded backend: the Lucene index the search API reads and the live sink
 * writes is one of several versions on disk, named by a pointer file, and a reprocessing run builds
 * a new version beside it and switches the pointer when it has caught up.
 *
 * <p>Layout, for {@code sink.lucene.dir} = {@code data/index}: version 0 is {@code data/index}
 * itself (what every Vigía before versions wrote), version N is {@code data/index-rN}, and {@code
 * data/index.alias} holds the name of the current one (no file: version 0). The pointer is replaced
 * atomically (written beside, then renamed over), so a crash leaves either the old or the new
 * version current, never a half-written name. In the process, the switch takes a write lock that
 * every read and write holds shared, so no search or write sees two versions at once; the version
 * switched from is closed and kept on disk (delete it when satisfied).
 *
 * <p>A decorator that overlays analysts' corrections wraps this index like any other {@link
 * ArticleIndex}, so it applies to whichever version is current.
 */
public final class LuceneIndexVersions implements ArticleIndex {
  private static final Pattern VERSIONED = Pattern.compile("-r(\\d+)$");

  private final Path base;
  private final Path pointer;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile ArticleIndex current;
  private volatile int currentVersion;

  private LuceneIndexVersions(Path base, int version, ArticleIndex current) {
    this.base = base;
    this.pointer = base.resolveSibling(base.getFileName() + ".alias");
    this.currentVersion = version;
    this.current = current;
  }

  /** Opens the version the pointer names under {@code base} ({@code sink.lucene.dir}). */
  public static LuceneIndexVersions open(Path base) {
    int version = readPointer(base);
    return new LuceneIndexVersions(base, version, new LuceneArticleIndex(dir(base, version)));
  }

  /** The folder of a version: the base folder itself for 0, {@code BASE-rN} for N. */
  public static Path dir(Path base, int version) {
    return version == 0 ? base : base.resolveSibling(base.getFileName() + "-r" + version);
  }

  private static int readPointer(Path base) {
    Path p = base.resolveSibling(base.getFileName() + ".alias");
    if (!Files.exists(p)) {
      return 0;
    }
    try {
      String name = Files.readString(p, StandardCharsets.UTF_8).trim();
      if (name.equals(base.getFileName().toString())) {
        return 0;
      }
      Matcher m = VERSIONED.matcher(name);
      if (!m.find() || !name.equals(base.getFileName() + "-r" + m.group(1))) {
        throw new IllegalStateException(
            p
                + " names '"
                + name
                + "', not a version of "
                + base.getFileName()
                + "; fix: write the name of an index folder beside it (e.g. "
                + base.getFileName()
                + "-r1) or delete the file to use "
                + base.getFileName());
      }
      return Integer.parseInt(m.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  public int currentVersion() {
    return currentVersion;
  }

  /** The highest version on disk or current, so a new run never reuses a folder. */
  public int newestVersion() {
    int newest = currentVersion;
    try (var files = Files.list(base.toAbsolutePath().getParent())) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        Matcher m = VERSIONED.matcher(name);
        if (m.find() && name.equals(base.getFileName() + "-r" + m.group(1))) {
          newest = Math.max(newest, Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return newest;
  }

  /**
   * Opens (creating it when missing) version {@code version} for a reprocessing run to write; it is
   * not searched until {@link #switchTo}.
   */
  public LuceneArticleIndex openVersion(int version) {
    if (version == currentVersion) {
      throw new IllegalArgumentException("version " + version + " is the current one");
    }
    return new LuceneArticleIndex(dir(base, version));
  }

  /**
   * Makes {@code next} (opened by {@link #openVersion}) the current version: the pointer file is
   * replaced atomically, then searches and live writes go to it. The previous version is closed and
   * kept on disk.
   */
  public void switchTo(int version, ArticleIndex next) {
    lock.writeLock().lock();
    try {
      Path tmp = pointer.resolveSibling(pointer.getFileName() + ".tmp");
      Files.writeString(tmp, dir(base, version).getFileName().toString(), StandardCharsets.UTF_8);
      try (var ch =
          java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      ArticleIndex previous = current;
      current = next;
      currentVersion = version;
      previous.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot switch the index alias: " + e.getMessage(), e);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private <T> T read(Function<ArticleIndex, T> call) {
    lock.readLock().lock();
    try {
      return call.apply(current);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public WriteOutcome write(List<ArticleDocument> documents) throws IndexUnavailableException {
    lock.readLock().lock();
    try {
      return current.write(documents);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<ArticleDocument> get(String id) {
    return read(i -> i.get(id));
  }

  @Override
  public SearchResult search(SearchQuery query) {
    return read(i -> i.search(query));
  }

  @Override
  public IndexStats stats(SearchQuery filter, String target, int top) {
    return read(i -> i.stats(filter, target, top));
  }

  @Override
  public List<StorySummary> stories(SearchQuery filter, int size) {
    return read(i -> i.stories(filter, size));
  }

  @Override
  public List<String> storiesWithFigures(io.vigia.sink.index.FigureFilter filter, int size) {
    return read(i -> i.storiesWithFigures(filter, size));
  }

  @Override
  public long count() {
    return read(ArticleIndex::count);
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      current.close();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
