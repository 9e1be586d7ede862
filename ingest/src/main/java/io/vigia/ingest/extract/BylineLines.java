package io.vigia.ingest.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lines of a story's page that say who wrote it and when ("By Ana Rivas", "Posted: Fri 6:45 PM, Feb
 * 16, 2018 | Updated: Sat 8:31 PM", "Ana Rivas - Nov 19, 2019, 10:31 pm CST", "Ana Rivas, AP
 * Political Writer"): templates print them inside the story's container, above or below it; they
 * are metadata, which the extractor reads elsewhere, not story text.
 *
 * <p>A line is one when, once its dates, times and the words that label them are taken out, at most
 * a name is left: a few capitalised words. Any other word (a lowercase verb, a number that is not
 * part of a date) means a sentence that happens to hold a date, and it stays.
 */
final class BylineLines {
  private static final int MAX_CHARS = 120;
  private static final String MONTH =
      "(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
          + "|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
          + "|january|february|march|april|may|june|july|august|september|october|november|december"
          + "|ene|feb|mar|abr|jun|jul|ago|sept|sep|set|oct|out|nov|dic|dez|jan|apr|aug|dec)\\.?";
  private static final Pattern DATE =
      Pattern.compile(
          "(?iu)\\b\\d{1,2}(?:º|°|st|nd|rd|th)?(?:\\s+de\\s+|\\s*[-/]\\s*|\\s+)"
              + MONTH
              + "(?:\\s+de(?:l)?|,)?\\s*[-/]?\\s*\\d{4}\\b"
              + "|\\b"
              + MONTH
              + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b"
              + "|\\b\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}\\b|\\b\\d{1,2}[-./]\\d{1,2}[-./]\\d{4}\\b");
  private static final Pattern TIME =
      Pattern.compile(
          "(?iu)\\b\\d{1,2}(?::\\d{2}){1,2}\\s*(?:[ap]\\.?m\\.?|h|hs|hrs)?(?=\\W|$)|\\b\\d{1,2}\\s*[ap]\\.?m\\.?(?=\\W|$)");

  /** Words that only label a date or a name in such a line (en, es, pt). */
  private static final Set<String> LABELS =
      Set.of(
          "posted",
          "published",
          "updated",
          "last",
          "modified",
          "on",
          "at",
          "by",
          "and",
          "date",
          "time",
          "am",
          "pm",
          "a",
          "m",
          "p",
          "pt",
          "et",
          "ct",
          "mt",
          "est",
          "edt",
          "cst",
          "cdt",
          "pst",
          "pdt",
          "gmt",
          "utc",
          "bst",
          "cet",
          "cest",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "mon",
          "tue",
          "tues",
          "wed",
          "thu",
          "thurs",
          "fri",
          "sat",
          "sun",
          "publicado",
          "publicada",
          "actualizado",
          "actualizada",
          "atualizado",
          "atualizada",
          "el",
          "em",
          "às",
          "as",
          "las",
          "los",
          "de",
          "do",
          "da",
          "por",
          "y",
          "e",
          "hora",
          "fecha",
          "data",
          "lunes",
          "martes",
          "miércoles",
          "jueves",
          "viernes",
          "sábado",
          "domingo",
          "segunda",
          "terça",
          "quarta",
          "quinta",
          "sexta",
          "feira",
          "hs",
          "h",
          "hrs",
          "o",
          "no",
          "na",
          "le",
          "à");

  private static final Pattern BY = Pattern.compile("(?iu)^(by|por|par|von|di)\\s+\\S");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'’.]+");

  private BylineLines() {}

  /** True when {@code block} is a byline or a publication-date line, not a line of the story. */
  static boolean isBylineOrDate(String block, List<String> authors) {
    if (block.length() > MAX_CHARS || block.indexOf('@') >= 0) {
      return false;
    }
    if (block.chars().noneMatch(Character::isDigit)
        && !BY.matcher(block).find()
        && authors.stream().noneMatch(block::contains)) {
      return false; // no date, no "By", no author: most short lines (headings, list items) stop
      // here
    }
    boolean dated = DATE.matcher(block).find();
    String rest = dated ? DATE.matcher(block).replaceAll(" ") : block; // no match: unchanged
    boolean timed = TIME.matcher(rest).find();
    rest = timed ? TIME.matcher(rest).replaceAll(" ") : rest;
    boolean named = false;
    for (String author : authors) {
      if (author.length() >= 4 && startsWithName(rest, author)) {
        rest = rest.replace(author, " ");
        named = true;
      }
    }
    int labels = 0;
    int capitalised = 0;
    for (java.util.regex.Matcher m = WORD.matcher(rest); m.find(); ) {
      String w = m.group().replaceAll("[.'’]+$", "");
      if (w.isEmpty()) {
        continue;
      }
      if (LABELS.contains(w.toLowerCase(Locale.ROOT))) {
        labels++;
      } else if (Character.isUpperCase(w.codePointAt(0))
          && w.chars().noneMatch(Character::isDigit)) {
        capitalised++;
      } else {
        return false; // a word of a sentence
      }
    }
    if (capitalised > 6) {
      return false;
    }
    if (dated) {
      return true;
    }
    if (timed) {
      return labels > 0; // "Updated at 1:23 p.m.", not a bare "4:14 p.m." heading a live-blog entry
    }
    // No date: the author the metadata names, maybe with a title, or "By Ana Rivas and Luis Pérez".
    return named || BY.matcher(block).find() && capitalised > 0 && !block.endsWith(".");
  }

  /**
   * The line begins with the name (after a "By"), alone or followed by a separator and a title
   * ("Ana Rivas, AP Political Writer"); a brand name that begins a product name does not count.
   */
  private static boolean startsWithName(String line, String name) {
    String l =
        BY.matcher(line.strip()).find() ? line.strip().replaceFirst("^\\S+\\s+", "") : line.strip();
    if (!l.startsWith(name)) {
      return false;
    }
    String after = l.substring(name.length()).strip();
    return after.isEmpty() || ",|-–—/·".indexOf(after.charAt(0)) >= 0;
  }
}
