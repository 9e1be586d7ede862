package io.vigia.ingest.extract;

/**
 * Runs of whitespace as one space: the same as {@code s.replaceAll("\\s+", " ")} (space, tab, line
 * feed, vertical tab, form feed, carriage return), without a regular expression.
 */
final class Whitespace {
  private Whitespace() {}

  static String collapse(CharSequence s) {
    return collapse(s, false);
  }

  /**
   * {@code collapse(s.toString().replace('\u00a0', ' '))}: no-break spaces count as spaces, without
   * a copy of {@code s} to replace them in.
   */
  static String collapseWithNoBreakSpaces(CharSequence s) {
    return collapse(s, true);
  }

  private static String collapse(CharSequence s, boolean noBreakSpaces) {
    StringBuilder out = new StringBuilder(s.length());
    boolean inRun = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' '
          || c == '\t'
          || c == '\n'
          || c == '\u000B'
          || c == '\f'
          || c == '\r'
          || noBreakSpaces && c == '\u00a0') {
        if (!inRun) {
          out.append(' ');
          inRun = true;
        }
      } else {
        out.append(c);
        inRun = false;
      }
    }
    return out.toString();
  }
}
