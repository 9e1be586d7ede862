package io.vigia.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Reads answers' bodies: inflated (gzip, deflate) under the same size cap as plain ones, so a
 * compression bomb is refused; the small body of an answer that is not used is read and dropped so
 * its connection can serve the next request.
 */
final class BodyReader {
  /**
   * Largest body of a 3xx/4xx/5xx answer read (and dropped) to keep its connection; a larger one
   * drops the connection.
   */
  private static final int SMALL_BODY = 16 * 1024;

  private final long maxBytes;

  BodyReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * The body, inflated according to {@code encoding} (gzip, x-gzip, deflate, or identity), or null
   * when it (or what it inflates to) is larger than the cap.
   */
  byte[] readCapped(InputStream raw, String encoding) throws IOException {
    int limit = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1);
    if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
      try (InputStream in = new GZIPInputStream(raw, 8192)) {
        return capped(in.readNBytes(limit));
      }
    }
    if (encoding.equals("deflate")) {
      // HTTP's deflate is zlib-wrapped, but servers also send raw deflate: the first two bytes
      // tell.
      PushbackInputStream peek = new PushbackInputStream(raw, 2);
      int b0 = peek.read();
      int b1 = b0 < 0 ? -1 : peek.read();
      if (b1 >= 0) {
        peek.unread(b1);
      }
      if (b0 >= 0) {
        peek.unread(b0);
      }
      boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
      Inflater inflater = new Inflater(!zlib);
      try (InputStream in = new InflaterInputStream(peek, inflater, 8192)) {
        return capped(in.readNBytes(limit));
      } finally {
        inflater.end();
      }
    }
    return capped(raw.readNBytes(limit));
  }

  private byte[] capped(byte[] read) {
    return read.length > maxBytes ? null : read;
  }

  /**
   * Reads and drops the body of an answer we do not use when it is absent or small and of known
   * length; true if it was.
   */
  static boolean drainedSmallBody(CloseableHttpResponse resp) throws IOException {
    HttpEntity entity = resp.getEntity();
    if (entity == null) {
      return true;
    }
    long length = entity.getContentLength();
    if (length < 0 || length > SMALL_BODY) {
      return false;
    }
    try (InputStream in = entity.getContent()) {
      in.readNBytes((int) length + 1);
    }
    return true;
  }
}
