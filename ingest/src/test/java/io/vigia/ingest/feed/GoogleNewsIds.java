package io.vigia.ingest.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Google News article links built the way Google builds the older ones, for fixtures. */
public final class GoogleNewsIds {
  private GoogleNewsIds() {}

  /**
   * {@code https://news.google.com/rss/articles/ID?oc=5}, ID = base64url of 08 13 22 LEN URL D2 01
   * 00.
   */
  public static String articleLink(String publisherUrl) {
    byte[] u = publisherUrl.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x08);
    out.write(0x13);
    out.write(0x22);
    int len = u.length;
    while (len >= 0x80) { // varint
      out.write((len & 0x7F) | 0x80);
      len >>>= 7;
    }
    out.write(len);
    out.writeBytes(u);
    out.writeBytes(new byte[] {(byte) 0xD2, 0x01, 0x00});
    return "https://news.google.com/rss/articles/"
        + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray())
        + "?oc=5";
  }
}
