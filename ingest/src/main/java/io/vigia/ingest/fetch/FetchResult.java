package io.vigia.ingest.fetch;

import java.nio.charset.Charset;
import java.util.Optional;

/** How one fetch ended; every caller handles every case. */
public sealed interface FetchResult {

  /** A body came back (status 2xx). {@code finalUrl} is the URL after redirects. */
  record Fetched(String finalUrl, int status, byte[] body, String contentType, String etag, String lastModified)
      implements FetchResult {
    public Optional<Charset> charset() {
      if (contentType == null) {
        return Optional.empty();
      }
      for (String part : contentType.split(";")) {
        String p = part.trim();
        if (p.toLowerCase().startsWith("charset=")) {
          try {
            return Optional.of(Charset.forName(p.substring(8).replace("\"", "").trim()));
          } catch (RuntimeException e) {
            return Optional.empty();
          }
        }
      }
      return Optional.empty();
    }
  }

  /** The server said nothing changed since the validators we sent. */
  record NotModified(String finalUrl) implements FetchResult {}

  /** Validators sent with a conditional GET; either may be null. */
  record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);
  }

  /** It did not work; {@code reason} is what an operator reads in source health. */
  record Failed(String url, String reason, boolean retryable, java.time.Duration retryAfter) implements FetchResult {
    public Failed(String url, String reason, boolean retryable) {
      this(url, reason, retryable, null);
    }
  }
}
