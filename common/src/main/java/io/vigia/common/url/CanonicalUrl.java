package io.vigia.common.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Normalises article URLs so that the same article reached through different links (tracking
 * parameters, fragments, default ports, host case) has one canonical form and one id.
 */
public final class CanonicalUrl {
  private CanonicalUrl() {}

  /**
   * Query parameters that only track where a click came from; never part of an article's identity.
   */
  private static final Set<String> TRACKING =
      Set.of(
          "fbclid",
          "gclid",
          "dclid",
          "msclkid",
          "mc_cid",
          "mc_eid",
          "igshid",
          "yclid",
          "_ga",
          "ref",
          "ref_src",
          "cmpid",
          "ocid",
          "ito",
          "at_medium",
          "at_campaign",
          "at_custom1",
          "at_custom2",
          "at_custom3",
          "at_custom4",
          "outputtype",
          "amp",
          "rss",
          "feed",
          "from",
          "src",
          "smid",
          "partner",
          "spm",
          "ncid",
          "taid",
          "sr_share",
          "s_cid");

  /** The normalised form of {@code url}, or empty when it is not an absolute http(s) URL. */
  public static Optional<String> normalise(String url) {
    if (url == null) {
      return Optional.empty();
    }
    try {
      URI u = new URI(url.trim().replace(" ", "%20"));
      String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
      if (!"http".equals(scheme) && !"https".equals(scheme) || u.getHost() == null) {
        return Optional.empty();
      }
      String host = u.getHost().toLowerCase(Locale.ROOT);
      int port = u.getPort();
      if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
        port = -1;
      }
      String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      path = path.replaceAll("/{2,}", "/");
      if (path.length() > 1 && path.endsWith("/index.html")) {
        path = path.substring(0, path.length() - "index.html".length());
      }
      String query = cleanQuery(u.getRawQuery());
      StringBuilder sb = new StringBuilder(scheme).append("://").append(host);
      if (port != -1) {
        sb.append(':').append(port);
      }
      sb.append(path);
      if (!query.isEmpty()) {
        sb.append('?').append(query);
      }
      return Optional.of(sb.toString());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String cleanQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String name =
          (pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair)
              .toLowerCase(Locale.ROOT);
      if (name.startsWith("utm_") || name.startsWith("at_") || TRACKING.contains(name)) {
        continue;
      }
      kept.add(pair);
    }
    kept.sort(null);
    return String.join("&", kept);
  }

  /** The article id for a canonical URL: 32 hex characters of its SHA-256. */
  public static String idOf(String canonicalUrl) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
