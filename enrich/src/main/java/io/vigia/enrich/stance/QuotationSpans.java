package io.vigia.enrich.stance;

import java.util.ArrayList;
import java.util.List;

/**
 * Quotations in a text: typographic pairs (“…”, «…», ‘…’) and straight double quotes taken in
 * pairs. A short quotation (one to three words) is a candidate scare quote; a longer one is speech
 * attributed to someone.
 */
final class QuotationSpans {
  /** A quotation between {@code start} and {@code end} (the quote marks excluded). */
  record Span(int start, int end, int words) {
    boolean contains(int offset) {
      return offset >= start && offset < end;
    }

    boolean isScareQuote() {
      return words >= 1 && words <= 3;
    }
  }

  private QuotationSpans() {}

  /** The quotation {@code offset} lies in, or null when it is in none. */
  static Span enclosing(List<Span> quotes, int offset) {
    for (Span q : quotes) {
      if (q.contains(offset)) {
        return q;
      }
    }
    return null;
  }

  static List<Span> of(String text) {
    List<Span> out = new ArrayList<>();
    int straightOpen = -1;
    int typographicOpen = -1;
    char expectedClose = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (typographicOpen < 0 && (c == '“' || c == '«' || c == '‘' && isOpening(text, i))) {
        typographicOpen = i + 1;
        expectedClose = c == '“' ? '”' : c == '«' ? '»' : '’';
      } else if (typographicOpen >= 0 && c == expectedClose && (c != '’' || isClosing(text, i))) {
        out.add(span(text, typographicOpen, i));
        typographicOpen = -1;
      } else if (c == '"') {
        if (straightOpen < 0) {
          straightOpen = i + 1;
        } else {
          out.add(span(text, straightOpen, i));
          straightOpen = -1;
        }
      } else if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        // Quotations do not run across paragraphs (an unclosed one is a typo, not a quote).
        straightOpen = -1;
        typographicOpen = -1;
      }
    }
    return out;
  }

  /** A single opening quote, not an apostrophe inside a word (l’ONU). */
  private static boolean isOpening(String text, int i) {
    return i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
  }

  private static boolean isClosing(String text, int i) {
    return i + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 1));
  }

  private static Span span(String text, int start, int end) {
    int words = 0;
    boolean inWord = false;
    for (int i = start; i < end; i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) {
        words++;
      }
      inWord = letter;
    }
    return new Span(start, end, words);
  }
}
