package io.vigia.ingest.fetch;

import java.nio.charset.Charset;
import java.util.Optional;

/** How one fetch ended; every caller handles every case. */
public sealed interface FetchResult {

  /** A body came back (status 2xx). {@code finalUrl} is the URL after redirects. */
  record Fetched(
      String finalUrl,
      int status,
      byte[] body,
      String contentType,
      String etag,
      String lastModified)
      implements FetchResult {
    /**
     * The charset of the Content-Type, as browsers read the label (WHATWG): ISO-8859-1 and US-ASCII
     * mean windows-1252, whose curly quotes and dashes Spanish pages labelled Latin-1 use.
     */
    public Optional<Charset> charset() {
      if (contentType == null) {
        return Optional.empty();
      }
      for (String part : contentType.split(";")) {
        String p = part.trim();
        if (p.toLowerCase().startsWith("charset=")) {
          try {
            Charset c = Charset.forName(p.substring(8).replace("\"", "").trim());
            boolean latin1 =
                c.equals(java.nio.charset.StandardCharsets.ISO_8859_1)
                    || c.equals(java.nio.charset.StandardCharsets.US_ASCII);
            return Optional.of(latin1 ? Charset.forName("windows-1252") : c);
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
  record Failed(String url, String reason, boolean retryable, java.time.Duration retryAfter)
      implements FetchResult {
    public Failed(String url, String reason, boolean retryable) {
      this(url, reason, retryable, null);
    }
  }
}
