package io.vigia.enrich.dedup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Encodes the small lists of strings the dedup state keeps (bucket members, story sources). */
final class StringLists {
  private StringLists() {}

  static byte[] encode(long number, List<String> items) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + items.size() * 34);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(number);
      out.writeInt(items.size());
      for (String s : items) {
        out.writeUTF(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static long number(byte[] b) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
      return in.readLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> items(byte[] b) {
    if (b == null) {
      return new ArrayList<>();
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
      in.readLong();
      int n = in.readInt();
      List<String> out = new ArrayList<>(n + 1);
      for (int i = 0; i < n; i++) {
        out.add(in.readUTF());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
