package io.vigia.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.schemas.DedupStatus;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredArticleTest {
  private static final Fingerprint FP = Fixtures.observersReport();

  @Test
  void shouldReadBackWhatItWrites() {
    StoredArticle a =
        new StoredArticle(
            "a1",
            "a1",
            "a1",
            "wire.example",
            1_700_000_000_000L,
            "https://wire.example/a",
            null,
            "h1",
            DedupStatus.ORIGINAL,
            null,
            FP,
            12.5);
    StoredArticle back = StoredArticle.decode(a.encode());
    assertThat(back).isEqualTo(a);
    assertThat(back.fingerprint().headline()).isNotEmpty().containsExactly(FP.headline());
    assertThat(back.counted()).isTrue();
  }

  @Test
  void shouldWriteTheLayoutItAlwaysWrote() throws IOException {
    // Non-ASCII text goes through modified UTF-8, as DataOutputStream.writeUTF wrote it.
    StoredArticle a =
        new StoredArticle(
            "a1",
            "a0",
            "historia-año",
            "diario.example",
            1_700_000_000_000L,
            null,
            "diario.example|guid-ñ",
            "h1",
            DedupStatus.DUPLICATE,
            "a0",
            FP,
            12.5);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(2);
      out.writeUTF("a1");
      out.writeUTF("a0");
      out.writeUTF("historia-año");
      out.writeUTF("diario.example");
      out.writeLong(1_700_000_000_000L);
      out.writeBoolean(false);
      out.writeBoolean(true);
      out.writeUTF("diario.example|guid-ñ");
      out.writeBoolean(true);
      out.writeUTF("h1");
      out.writeByte(DedupStatus.DUPLICATE.ordinal());
      out.writeBoolean(true);
      out.writeUTF("a0");
      writeFingerprintOfVersion1(out);
      out.writeShort(FP.headline().length);
      for (long f : FP.headline()) {
        out.writeLong(f);
      }
      out.writeFloat(12.5f);
    }
    assertThat(a.encode()).isEqualTo(bytes.toByteArray());
    assertThat(StoredArticle.decode(bytes.toByteArray())).isEqualTo(a);
  }

  @Test
  void shouldReadBackListsInTheirLayout() throws IOException {
    List<String> items = List.of("a1", "fuente-ñ", "");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(42);
      out.writeInt(3);
      for (String s : items) {
        out.writeUTF(s);
      }
    }
    assertThat(StringLists.encode(42, items)).isEqualTo(bytes.toByteArray());
    assertThat(StringLists.items(bytes.toByteArray())).isEqualTo(items);
    assertThat(StringLists.number(bytes.toByteArray())).isEqualTo(42);
  }

  @Test
  void shouldNotCountACopy() {
    StoredArticle copy =
        new StoredArticle(
            "b1",
            "a1",
            "a1",
            "mirror.example",
            1L,
            null,
            null,
            "h2",
            DedupStatus.DUPLICATE,
            "a1",
            FP,
            12.5);
    assertThat(copy.counted()).isFalse();
  }

  @Test
  void shouldReadAnArticleStoredByTheFirstVersionAsNeitherCountedNorWeighted() throws IOException {
    // The layout of state version 1: no headline features, no weighted norm.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeUTF("a1");
      out.writeUTF("a1");
      out.writeUTF("a1");
      out.writeUTF("wire.example");
      out.writeLong(1_700_000_000_000L);
      out.writeBoolean(true);
      out.writeUTF("https://wire.example/a");
      out.writeBoolean(false);
      out.writeBoolean(true);
      out.writeUTF("h1");
      out.writeByte(DedupStatus.ORIGINAL.ordinal());
      out.writeBoolean(false);
      writeFingerprintOfVersion1(out);
    }
    StoredArticle a = StoredArticle.decode(bytes.toByteArray());
    assertThat(a.id()).isEqualTo("a1");
    assertThat(a.fingerprint().features()).containsExactly(FP.features());
    assertThat(a.fingerprint().headline()).isEmpty();
    // Its features were never counted, so forgetting it must not uncount them.
    assertThat(a.counted()).isFalse();
    assertThat(a.namesNorm()).isNegative();
  }

  /**
   * The fingerprint's part of the layout that both state versions share, as the old writer wrote
   * it.
   */
  private static void writeFingerprintOfVersion1(DataOutputStream out) throws IOException {
    out.writeInt(FP.shingles());
    for (int h : FP.minHash()) {
      out.writeInt(h);
    }
    out.writeInt(FP.features().length);
    for (long f : FP.features()) {
      out.writeLong(f);
    }
    out.writeByte(FP.anchors().length);
    for (int x : FP.anchors()) {
      out.writeInt(x);
    }
  }
}
