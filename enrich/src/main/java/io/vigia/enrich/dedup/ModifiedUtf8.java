package io.vigia.enrich.dedup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Strings in the layout of {@link DataOutputStream#writeUTF} (an unsigned 16-bit length, then
 * modified UTF-8), read from and written to a {@link ByteBuffer}: the dedup state's records keep
 * the byte layout they always had, without a synchronised stream call per byte (dedup reads
 * hundreds of stored records per article, so their decoding is on its hot path). ASCII text, all of
 * an id, a URL or a hash, is the same in modified UTF-8; anything else goes through {@code
 * DataInputStream}/{@code DataOutputStream} as before.
 */
final class ModifiedUtf8 {
  private ModifiedUtf8() {}

  /** The string written at the buffer's position by {@code writeUTF}; moves past it. */
  static String read(ByteBuffer in) {
    int length = Short.toUnsignedInt(in.getShort());
    int at = in.position();
    if (length > in.remaining()) {
      throw new UncheckedIOException(new EOFException("string past the record's end"));
    }
    byte[] a = in.array();
    int from = in.arrayOffset() + at;
    in.position(at + length);
    for (int i = from; i < from + length; i++) {
      if (a[i] <= 0) { // not ASCII (modified UTF-8 never writes a 0 byte)
        try {
          return new DataInputStream(new ByteArrayInputStream(a, from - 2, length + 2)).readUTF();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return new String(a, from, length, StandardCharsets.ISO_8859_1);
  }

  /** The bytes {@code writeUTF} writes for {@code s}, its length first. */
  static byte[] encode(String s) {
    int n = s.length();
    if (n <= 0xFFFF) {
      byte[] out = new byte[n + 2];
      out[0] = (byte) (n >>> 8);
      out[1] = (byte) n;
      boolean ascii = true;
      for (int i = 0; i < n && ascii; i++) {
        char c = s.charAt(i);
        ascii = c >= 1 && c <= 0x7F;
        out[i + 2] = (byte) c;
      }
      if (ascii) {
        return out;
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(n + 8);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
