package io.vigia.ingest.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Google News search feeds link every item to {@code news.google.com/rss/articles/ID}, not to the
 * publisher. Fetching those links one by one would ask Google, not the outlet, and would hide that
 * the same story came in through the outlet's own feed. Older IDs carry the publisher's URL inside:
 * base64url of a small protobuf ({@code 08 13 22 LEN URL ...}); {@link #publisherUrl} reads it. IDs
 * that do not carry it are left to the fetcher, which follows Google's redirect and keys the
 * article by the page it lands on.
 */
public final class GoogleNewsLink {
  private GoogleNewsLink() {}

  /** Whether {@code link} points into Google News rather than at a publisher. */
  public static boolean isGoogleNews(String link) {
    try {
      String host = URI.create(link).getHost();
      return host != null && (host.equals("news.google.com") || host.endsWith(".news.google.com"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The publisher's URL encoded in a Google News article link, when it carries one. */
  public static Optional<String> publisherUrl(String link) {
    if (!isGoogleNews(link)) {
      return Optional.empty();
    }
    String path = URI.create(link).getRawPath();
    if (path == null || !path.contains("/articles/")) {
      return Optional.empty();
    }
    String id = path.substring(path.lastIndexOf('/') + 1);
    byte[] raw;
    try {
      raw =
          Base64.getUrlDecoder()
              .decode(
                  id.replace("=", "")
                      + "==".substring(0, (4 - id.replace("=", "").length() % 4) % 4));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    // Field 4 (tag 0x22, length-delimited) holds the URL; skip a leading varint field 1 (08 xx).
    int i = 0;
    while (i < raw.length && (raw[i] & 0xFF) != 0x22) {
      i++;
    }
    if (i >= raw.length - 1) {
      return Optional.empty();
    }
    int len = 0;
    int shift = 0;
    int p = i + 1;
    while (p < raw.length && shift < 21) {
      int b = raw[p++] & 0xFF;
      len |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
      shift += 7;
    }
    if (len <= 0 || p + len > raw.length) {
      return Optional.empty();
    }
    String url = new String(raw, p, len, StandardCharsets.UTF_8);
    return url.startsWith("http://") || url.startsWith("https://")
        ? Optional.of(url)
        : Optional.empty();
  }
}
