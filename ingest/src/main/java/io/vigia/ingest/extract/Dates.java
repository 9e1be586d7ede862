package io.vigia.ingest.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as pages write them: ISO-8601 in its many shapes (with or without offset, seconds,
 * fractions, a space for the T), RFC 1123, visible dates in Spanish and English ("29 de julio de
 * 2024", "July 29, 2024", "29 Jul 2024") and dates in URLs ("/2024/07/29/"). A date without a time
 * is taken at midnight UTC; a time without an offset as UTC.
 */
final class Dates {
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("enero", 1),
          Map.entry("febrero", 2),
          Map.entry("marzo", 3),
          Map.entry("abril", 4),
          Map.entry("mayo", 5),
          Map.entry("junio", 6),
          Map.entry("julio", 7),
          Map.entry("agosto", 8),
          Map.entry("septiembre", 9),
          Map.entry("setiembre", 9),
          Map.entry("octubre", 10),
          Map.entry("noviembre", 11),
          Map.entry("diciembre", 12),
          Map.entry("ene", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("abr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("ago", 8),
          Map.entry("sep", 9),
          Map.entry("sept", 9),
          Map.entry("set", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dic", 12),
          Map.entry("january", 1),
          Map.entry("february", 2),
          Map.entry("march", 3),
          Map.entry("april", 4),
          Map.entry("june", 6),
          Map.entry("july", 7),
          Map.entry("august", 8),
          Map.entry("september", 9),
          Map.entry("october", 10),
          Map.entry("november", 11),
          Map.entry("december", 12),
          Map.entry("jan", 1),
          Map.entry("apr", 4),
          Map.entry("aug", 8),
          Map.entry("dec", 12));

  private static final String MONTH =
      "(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
          + "|january|february|march|april|may|june|july|august|september|october|november|december"
          + "|ene|feb|mar|abr|jun|jul|ago|sept|sep|set|oct|nov|dic|jan|apr|aug|dec)\\.?";

  /** 29 de julio de 2024 / 29 julio 2024 / 29 Jul 2024 / 29-jul-2024. */
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "(?iu)\\b(\\d{1,2})(?:º|°|st|nd|rd|th)?(?:\\s+de\\s+|\\s*[-/]\\s*|\\s+)"
              + MONTH
              + "(?:\\s+de(?:l)?|,)?\\s*[-/]?\\s*(\\d{4})\\b");

  /** July 29, 2024 / Jul. 29 2024. */
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("(?iu)\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");

  private static final Pattern NUMERIC =
      Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b|\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
  private static final Pattern URL_DATE =
      Pattern.compile(
          "/(20\\d{2}|19\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?:/|-|$)|/(20\\d{2})(\\d{2})(\\d{2})/");

  /** A time of day right after a written date: "- 10:10 p. m.", ", 22:10 hrs", " 22.10 h". */
  private static final Pattern TIME_AFTER =
      Pattern.compile(
          "(?iu)^[^\\d]{0,12}?(\\d{1,2})[:.h](\\d{2})(?::\\d{2})?\\s*(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?)?");

  /** The end of a machine date that states its offset: Z, +hh:mm, -hhmm, GMT, UTC-4. */
  private static final Pattern STATED_OFFSET =
      Pattern.compile(
          "(?is).*\\d:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?\\s*(?:z|[+-]\\d{2}:?\\d{2}|(?:gmt|utc)(?:\\s*[+-]\\d{1,2}(?::?\\d{2})?)?)");

  /** Epoch seconds or milliseconds. */
  private static final Pattern EPOCH = Pattern.compile("\\d{10,13}");

  /** The shapes {@link #parseMachine} rewrites to ISO-8601 (compiled once, not on every call). */
  private static final Pattern SPACE_FOR_T = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");

  private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
  private static final Pattern UTC_NAMED = Pattern.compile("(?i) ?(utc|gmt)$");

  private Dates() {}

  /**
   * Whether a machine-readable date ({@link #parseMachine}) states its UTC offset; a time without
   * one, a bare date and an epoch number do not (the page's local offset is then unknown).
   */
  static boolean statesOffset(String s) {
    return s != null && STATED_OFFSET.matcher(s.trim()).matches();
  }

  /**
   * A date written out with its time of day ("28 de julio de 2024 - 10:10 p. m.", "28/07/2024
   * 22:10"), read as the local time the page shows; null when no time follows the date.
   */
  static LocalDateTime parseVisibleLocal(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String t = text.length() > 400 ? text.substring(0, 400) : text;
    for (Pattern p : new Pattern[] {DAY_MONTH_YEAR, MONTH_DAY_YEAR, NUMERIC}) {
      Matcher m = p.matcher(t);
      if (!m.find()) {
        continue;
      }
      OffsetDateTime day = parseVisible(m.group());
      Matcher time = TIME_AFTER.matcher(t.substring(m.end()));
      if (day == null || !time.find()) {
        return null;
      }
      int hour = Integer.parseInt(time.group(1));
      int minute = Integer.parseInt(time.group(2));
      String half = time.group(3) == null ? "" : time.group(3).toLowerCase(Locale.ROOT);
      if (half.startsWith("p") && hour < 12) {
        hour += 12;
      } else if (half.startsWith("a") && hour == 12) {
        hour = 0;
      }
      if (hour > 23 || minute > 59) {
        return null;
      }
      return day.toLocalDate().atTime(hour, minute);
    }
    return null;
  }

  /**
   * The offset at which {@code instant} reads as {@code shown} (the local time the page writes
   * beside a UTC timestamp), when that is a real one: within a day, a whole number of quarter
   * hours, between -12:00 and +14:00. Null otherwise.
   */
  static ZoneOffset offsetShowing(OffsetDateTime instant, LocalDateTime shown) {
    long minutes =
        java.time.Duration.between(
                instant.atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime(), shown)
            .toMinutes();
    if (minutes < -12 * 60 || minutes > 14 * 60 || minutes % 15 != 0) {
      return null;
    }
    return ZoneOffset.ofTotalSeconds((int) minutes * 60);
  }

  /** A machine-readable date (meta content, datetime attribute, JSON-LD), or null. */
  static OffsetDateTime parseMachine(String s) {
    if (s == null) {
      return null;
    }
    String v = s.trim();
    if (v.isEmpty() || v.length() > 64) {
      return null;
    }
    if (EPOCH.matcher(v).matches()) {
      long n = Long.parseLong(v);
      return OffsetDateTime.ofInstant(
          java.time.Instant.ofEpochMilli(v.length() == 13 ? n : n * 1000), ZoneOffset.UTC);
    }
    String iso = SPACE_FOR_T.matcher(v).replaceFirst("$1T$2");
    iso = OFFSET_WITHOUT_COLON.matcher(iso).replaceFirst("$1:$2");
    iso = UTC_NAMED.matcher(iso).replaceFirst("Z");
    try {
      return OffsetDateTime.parse(iso);
    } catch (DateTimeParseException e) {
      // next shape
    }
    try {
      return ZonedDateTime.parse(iso).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      // next shape
    }
    try {
      return LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // next shape
    }
    try {
      return LocalDate.parse(iso.length() >= 10 ? iso.substring(0, 10) : iso)
          .atStartOfDay()
          .atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // next shape
    }
    try {
      return OffsetDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
    } catch (DateTimeParseException e) {
      // not machine-readable
    }
    return parseVisible(v);
  }

  /** The first date written out in {@code text} (Spanish or English), or null. */
  static OffsetDateTime parseVisible(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String t = text.length() > 400 ? text.substring(0, 400) : text;
    Matcher m = DAY_MONTH_YEAR.matcher(t);
    if (m.find()) {
      OffsetDateTime d =
          date(
              m.group(3),
              MONTHS.get(m.group(2).toLowerCase(Locale.ROOT).replace(".", "")),
              m.group(1));
      if (d != null) {
        return d;
      }
    }
    m = MONTH_DAY_YEAR.matcher(t);
    if (m.find()) {
      OffsetDateTime d =
          date(
              m.group(3),
              MONTHS.get(m.group(1).toLowerCase(Locale.ROOT).replace(".", "")),
              m.group(2));
      if (d != null) {
        return d;
      }
    }
    m = NUMERIC.matcher(t);
    if (m.find()) {
      return m.group(1) != null
          ? date(m.group(1), Integer.parseInt(m.group(2)), m.group(3))
          : date(m.group(6), Integer.parseInt(m.group(5)), m.group(4)); // dd/mm/yyyy, as in Spanish
    }
    return null;
  }

  /** A date in the URL's path ({@code /2024/07/29/}, {@code /20240729/}), or null. */
  static OffsetDateTime fromUrl(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = URL_DATE.matcher(url);
    if (!m.find()) {
      return null;
    }
    return m.group(1) != null
        ? date(m.group(1), Integer.parseInt(m.group(2)), m.group(3))
        : date(m.group(4), Integer.parseInt(m.group(5)), m.group(6));
  }

  private static OffsetDateTime date(String year, Integer month, String day) {
    if (month == null) {
      return null;
    }
    try {
      int y = Integer.parseInt(year);
      if (y < 1990 || y > 2100) {
        return null;
      }
      return LocalDate.of(y, month, Integer.parseInt(day)).atStartOfDay().atOffset(ZoneOffset.UTC);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
