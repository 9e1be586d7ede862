package io.vigia.enrich.figures;

import io.vigia.enrich.dedup.DedupEngine;
import io.vigia.enrich.dedup.DedupStore;
import io.vigia.schemas.Figure;
import io.vigia.schemas.FigureConflict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every story's figures, as the claims of its articles, in dedup's own state store (so it is
 * changelogged, restored and moved with dedup's task), and the conflicts among them as known when
 * each article is judged.
 *
 * <p>Bounded like the rest of dedup's state: a story's table is one entry ({@code g|<story>}) that
 * is forgotten with the story's other state once no article has joined the story for {@code
 * enrich.dedup.retention} of article time (dedup's eviction index drops it), and it keeps at most
 * {@link #MAX_CLAIMS} claims, the most recent, so a story that runs for weeks does not grow without
 * end.
 */
public final class StoryFigureTable {
  /** Claims kept per story at most: some 25 articles of a busy story with 8 figures each. */
  public static final int MAX_CLAIMS = 200;

  /**
   * The table's binary format: 2 stores each claim's election; tables of format 1 (written before)
   * are read as claims of no known election and rewritten as 2 when their story next changes.
   */
  static final int FORMAT = 2;

  private final DedupStore store;

  public StoryFigureTable(DedupStore store) {
    this.store = Objects.requireNonNull(store);
  }

  /**
   * Adds an article's figures to its story (replacing what an earlier version of the same article
   * stated) and returns the story's conflicts, this article included.
   */
  public List<FigureConflict> record(
      String storyId, String articleId, String source, long time, List<Figure> figures) {
    String key = "g|" + storyId;
    byte[] old = store.get(key);
    long last = time;
    long lastBefore = Long.MIN_VALUE; // no table yet
    List<StoredClaim> claims = new ArrayList<>();
    if (old != null) {
      Table t = decode(old);
      last = Math.max(time, t.last);
      lastBefore = t.last;
      t.claims.stream().filter(c -> !c.articleId().equals(articleId)).forEach(claims::add);
      if (figures.isEmpty() && claims.size() == t.claims.size()) {
        return FigureConflicts.of(claims); // nothing new: the table stays as it is
      }
      if (last != lastBefore) {
        // Else the eviction key stays as it is: deleting and writing it back changes nothing.
        store.delete(DedupEngine.evictionKey(t.last, key));
      }
    } else if (figures.isEmpty()) {
      return List.of();
    }
    for (Figure f : figures) {
      claims.add(StoredClaim.of(f, articleId, source, time));
    }
    if (claims.size() > MAX_CLAIMS) {
      claims.sort(java.util.Comparator.comparingLong(StoredClaim::time));
      claims = new ArrayList<>(claims.subList(claims.size() - MAX_CLAIMS, claims.size()));
    }
    store.put(key, encode(last, claims));
    if (last != lastBefore) {
      store.put(DedupEngine.evictionKey(last, key), new byte[0]);
    }
    return FigureConflicts.of(claims);
  }

  /** The story's claims, for tests and tools. */
  List<StoredClaim> claims(String storyId) {
    byte[] b = store.get("g|" + storyId);
    return b == null ? List.of() : decode(b).claims;
  }

  /** A table as stored: the latest article time among its claims, and the claims. */
  record Table(long last, List<StoredClaim> claims) {}

  /** Also the format of {@link ElectionFigureTable}'s entries. */
  static byte[] encode(long last, List<StoredClaim> claims) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + claims.size() * 96);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT);
      out.writeLong(last);
      out.writeInt(claims.size());
      for (StoredClaim c : claims) {
        c.write(out);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Table decode(byte[] b) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
      int format = in.readByte();
      if (format < 1 || format > FORMAT) {
        throw new IllegalStateException(
            "unknown story figure table format "
                + format
                + " (this build reads 1 to "
                + FORMAT
                + "): was the state written by a newer enrich?");
      }
      long last = in.readLong();
      int n = in.readInt();
      List<StoredClaim> claims = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        claims.add(StoredClaim.read(in, format));
      }
      return new Table(last, claims);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
