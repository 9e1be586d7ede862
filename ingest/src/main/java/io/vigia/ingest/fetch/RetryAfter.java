package io.vigia.ingest.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses an HTTP Retry-After header: delay-seconds or an HTTP-date; capped at one day. */
public final class RetryAfter {
  private static final Duration MAX = Duration.ofDays(1);

  private RetryAfter() {}

  /** The wait the server asked for, or null when the header is absent or unreadable. */
  public static Duration parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.trim();
    Duration d;
    if (h.chars().allMatch(Character::isDigit)) {
      try {
        d = Duration.ofSeconds(Long.parseLong(h));
      } catch (NumberFormatException e) {
        d = MAX;
      }
    } else {
      try {
        d =
            Duration.between(
                now, ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    if (d.isNegative()) {
      return Duration.ZERO;
    }
    return d.compareTo(MAX) > 0 ? MAX : d;
  }
}
