package io.vigia.enrich.dedup;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes the small lists of strings the dedup state keeps (bucket members, story sources): a long,
 * a count, then each string as {@code DataOutputStream.writeUTF} writes it ({@link ModifiedUtf8}).
 */
final class StringLists {
  private StringLists() {}

  static byte[] encode(long number, List<String> items) {
    byte[][] strings = new byte[items.size()][];
    int size = 8 + 4;
    for (int i = 0; i < strings.length; i++) {
      strings[i] = ModifiedUtf8.encode(items.get(i));
      size += strings[i].length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putLong(number);
    out.putInt(strings.length);
    for (byte[] s : strings) {
      out.put(s);
    }
    return out.array();
  }

  static long number(byte[] b) {
    try {
      return ByteBuffer.wrap(b).getLong();
    } catch (BufferUnderflowException e) {
      throw cutShort();
    }
  }

  static List<String> items(byte[] b) {
    if (b == null) {
      return new ArrayList<>();
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(b);
      in.getLong();
      int n = in.getInt();
      List<String> out = new ArrayList<>(n + 1);
      for (int i = 0; i < n; i++) {
        out.add(ModifiedUtf8.read(in));
      }
      return out;
    } catch (BufferUnderflowException e) {
      throw cutShort();
    }
  }

  private static UncheckedIOException cutShort() {
    return new UncheckedIOException(new EOFException("dedup state list cut short"));
  }
}
