package io.vigia.enrich.dedup;

import io.vigia.schemas.DedupStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

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
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(id);
      out.writeUTF(root);
      out.writeUTF(storyId);
      out.writeUTF(source);
      out.writeLong(time);
      writeNullable(out, canonicalUrl);
      writeNullable(out, guidKey);
      writeNullable(out, contentHash);
      out.writeByte(status.ordinal());
      writeNullable(out, duplicateOf);
      out.writeInt(fingerprint.shingles());
      for (int h : fingerprint.minHash()) {
        out.writeInt(h);
      }
      out.writeInt(fingerprint.features().length);
      for (long f : fingerprint.features()) {
        out.writeLong(f);
      }
      out.writeByte(fingerprint.anchors().length);
      for (int a : fingerprint.anchors()) {
        out.writeInt(a);
      }
      out.writeShort(fingerprint.headline().length);
      for (long f : fingerprint.headline()) {
        out.writeLong(f);
      }
      out.writeFloat((float) namesNorm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static StoredArticle decode(byte[] b) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
      byte v = in.readByte();
      if (v != 1 && v != VERSION) {
        throw new IllegalStateException("dedup state written by a newer version (" + v + ")");
      }
      String id = in.readUTF();
      String root = in.readUTF();
      String story = in.readUTF();
      String source = in.readUTF();
      long time = in.readLong();
      String url = readNullable(in);
      String guid = readNullable(in);
      String hash = readNullable(in);
      DedupStatus status = DedupStatus.values()[in.readByte()];
      String dupOf = readNullable(in);
      int shingles = in.readInt();
      int[] minHash = new int[Fingerprint.HASHES];
      for (int i = 0; i < minHash.length; i++) {
        minHash[i] = in.readInt();
      }
      long[] features = new long[in.readInt()];
      for (int i = 0; i < features.length; i++) {
        features[i] = in.readLong();
      }
      int[] anchors = new int[in.readUnsignedByte()];
      for (int i = 0; i < anchors.length; i++) {
        anchors[i] = in.readInt();
      }
      long[] headline = new long[v == 1 ? 0 : in.readUnsignedShort()];
      for (int i = 0; i < headline.length; i++) {
        headline[i] = in.readLong();
      }
      double namesNorm = v == 1 ? -1 : in.readFloat();
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
