package io.vigia.enrich.dedup;

import io.vigia.schemas.DedupStatus;
import java.io.EOFException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * What dedup remembers of an article it decided: its fingerprint instead of its text, its exact
 * keys (to forget them at eviction) and its decision.
 *
 * @param root the first-seen article this one copies, or its own id
 * @param namesNorm the length of its vector of story features weighted by how rare each was in the
 *     state when it was stored ({@link Fingerprint#weightedNorm}); -1 for an article stored before
 *     features were counted (state version 1), which is neither counted nor compared by weight
 */
record StoredArticle(
    String id,
    String root,
    String storyId,
    String source,
    long time,
    String canonicalUrl,
    String guidKey,
    String contentHash,
    DedupStatus status,
    String duplicateOf,
    Fingerprint fingerprint,
    double namesNorm) {

  /** Version 2 added the headline features and {@link #namesNorm}; version 1 is still read. */
  private static final byte VERSION = 2;

  /**
   * Whether its features are in the state's feature counts: every article that is not a copy
   * (copies would make a syndicated story's names look common), once it was stored with counts.
   */
  boolean counted() {
    return namesNorm >= 0 && root.equals(id);
  }

  byte[] encode() {
    byte[][] strings = {
      ModifiedUtf8.encode(id),
      ModifiedUtf8.encode(root),
      ModifiedUtf8.encode(storyId),
      ModifiedUtf8.encode(source),
      canonicalUrl == null ? null : ModifiedUtf8.encode(canonicalUrl),
      guidKey == null ? null : ModifiedUtf8.encode(guidKey),
      contentHash == null ? null : ModifiedUtf8.encode(contentHash),
      duplicateOf == null ? null : ModifiedUtf8.encode(duplicateOf)
    };
    int size = 1 + 8 + 4 + 1 + 4 + 1 + 2 + 4; // the fixed-size fields
    for (int i = 0; i < strings.length; i++) {
      int flag = i < 4 ? 0 : 1; // the nullable ones have a presence byte
      size += flag + (strings[i] == null ? 0 : strings[i].length);
    }
    size += 4 * fingerprint.minHash().length + 8 * fingerprint.features().length;
    size += 4 * fingerprint.anchors().length + 8 * fingerprint.headline().length;
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(VERSION);
    out.put(strings[0]).put(strings[1]).put(strings[2]).put(strings[3]);
    out.putLong(time);
    putNullable(out, strings[4]);
    putNullable(out, strings[5]);
    putNullable(out, strings[6]);
    out.put((byte) status.ordinal());
    putNullable(out, strings[7]);
    out.putInt(fingerprint.shingles());
    for (int h : fingerprint.minHash()) {
      out.putInt(h);
    }
    out.putInt(fingerprint.features().length);
    for (long f : fingerprint.features()) {
      out.putLong(f);
    }
    out.put((byte) fingerprint.anchors().length);
    for (int a : fingerprint.anchors()) {
      out.putInt(a);
    }
    out.putShort((short) fingerprint.headline().length);
    for (long f : fingerprint.headline()) {
      out.putLong(f);
    }
    out.putFloat((float) namesNorm);
    if (out.hasRemaining()) {
      throw new IllegalStateException("dedup record size miscounted");
    }
    return out.array();
  }

  /**
   * Reads what {@link #encode} wrote (or version 1 wrote), with a {@link ByteBuffer}: dedup decodes
   * every candidate it compares, hundreds an article.
   */
  static StoredArticle decode(byte[] b) {
    try {
      ByteBuffer in = ByteBuffer.wrap(b);
      byte v = in.get();
      if (v != 1 && v != VERSION) {
        throw new IllegalStateException("dedup state written by a newer version (" + v + ")");
      }
      String id = ModifiedUtf8.read(in);
      String root = ModifiedUtf8.read(in);
      String story = ModifiedUtf8.read(in);
      String source = ModifiedUtf8.read(in);
      long time = in.getLong();
      String url = readNullable(in);
      String guid = readNullable(in);
      String hash = readNullable(in);
      DedupStatus status = DedupStatus.values()[in.get()];
      String dupOf = readNullable(in);
      int shingles = in.getInt();
      int[] minHash = new int[Fingerprint.HASHES];
      for (int i = 0; i < minHash.length; i++) {
        minHash[i] = in.getInt();
      }
      long[] features = new long[in.getInt()];
      for (int i = 0; i < features.length; i++) {
        features[i] = in.getLong();
      }
      int[] anchors = new int[Byte.toUnsignedInt(in.get())];
      for (int i = 0; i < anchors.length; i++) {
        anchors[i] = in.getInt();
      }
      long[] headline = new long[v == 1 ? 0 : Short.toUnsignedInt(in.getShort())];
      for (int i = 0; i < headline.length; i++) {
        headline[i] = in.getLong();
      }
      double namesNorm = v == 1 ? -1 : in.getFloat();
      return new StoredArticle(
          id,
          root,
          story,
          source,
          time,
          url,
          guid,
          hash,
          status,
          dupOf,
          new Fingerprint(minHash, shingles, features, anchors, headline),
          namesNorm);
    } catch (BufferUnderflowException e) {
      throw new UncheckedIOException(new EOFException("dedup state record cut short"));
    }
  }

  private static void putNullable(ByteBuffer out, byte[] s) {
    out.put((byte) (s != null ? 1 : 0));
    if (s != null) {
      out.put(s);
    }
  }

  private static String readNullable(ByteBuffer in) {
    return in.get() != 0 ? ModifiedUtf8.read(in) : null;
  }
}
