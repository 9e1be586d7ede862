package io.vigia.enrich.figures;

import io.vigia.enrich.text.NumberWordValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers of a text and reads them in Spanish and English writing: {@code 21.159.846} and
 * {@code 21,159,846}, {@code 41,80 %} and {@code 42.26%}, {@code 5,1 millones} and {@code 5.1
 * million}, numbers in words ({@code ciento diecisiete}, {@code dos mil}), {@code cuatro de cada
 * diez}, {@code 18 de las 23}, {@code entre 1.200 y 1.500}, with the qualifier before them ({@code
 * casi}, {@code más de}, {@code about}). Leaves out what is never a figure: years, dates, times,
 * ages, durations, prices, article numbers of a law, percentage points.
 *
 * <p>Works on the folded text (same offsets as the original), with one regular expression pass.
 */
final class NumberScanner {
  private static final String DIGITS = "\\d{1,3}(?:[.,]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?";
  private static final String WORD =
      "(?:un|una|uno|one|dos|two|tres|three|cuatro|four|cinco|five|seis|six|siete|seven|ocho|eight"
          + "|nueve|nine|diez|ten|once|eleven|doce|twelve|trece|thirteen|catorce|fourteen|quince"
          + "|fifteen|dieciseis|sixteen|diecisiete|seventeen|dieciocho|eighteen|diecinueve|nineteen"
          + "|veinte|twenty|veintiun|veintiuno|veintiuna|veintidos|veintitres|veinticuatro"
          + "|veinticinco|veintiseis|veintisiete|veintiocho|veintinueve|treinta|thirty|cuarenta|forty|cincuenta|fifty|sesenta|sixty|setenta"
          + "|seventy|ochenta|eighty|noventa|ninety|cien|ciento|hundred|doscientos|doscientas"
          + "|trescientos|trescientas|cuatrocientos|quinientos|seiscientos|setecientos|ochocientos"
          + "|novecientos|mil|thousand)";
  private static final String NUMBER =
      "(?:" + DIGITS + "|" + WORD + "(?:(?:\\s+y\\s+|\\s+|-)" + WORD + ")*)";

  /**
   * The scale after a number, also abbreviated as the press writes it: "5,2 MM" and "5,2 mill." in
   * Spanish, "5.8m" and "1.2bn" (no space) in English; the short ones only after digits.
   */
  private static final String SCALE =
      "(?:\\s+(?:mil\\s+millones|millones|millon|millions|million|billion|mil|thousand)"
          + "|\\s+mill\\.|(?<=\\d)(?:\\s?mm|m|bn)(?![\\w]))";

  /** The "cada diez" of "cuatro de cada diez", "one in eight", "uno de cada cinco". */
  private static final String PER =
      "dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|cien|two|three|four|five|six|seven|eight"
          + "|nine|ten|hundred|10|100";

  private static final String PCT = "(?:\\s?%|\\s+por\\s+ciento|\\s+percent|\\s+per\\s+cent)";
  private static final String QUALIFIER =
      "(?:(?:casi|cerca\\s+de|alrededor\\s+de|aproximadamente|unos|unas|un|some|about|around"
          + "|roughly|approximately|nearly|almost|just\\s+over|just\\s+under|more\\s+than|over"
          + "|(?:poco\\s+)?mas\\s+de|al\\s+menos|at\\s+least|no\\s+mas\\s+de|hasta|up\\s+to|menos\\s+de"
          + "|less\\s+than|fewer\\s+than|supero|superaron|supera|apenas|barely|only|solo)"
          + "\\s+(?:(?:el|la|los|las|del|the|a)\\s+)?)";
  static final Pattern MENTION =
      Pattern.compile(
          "(?<![\\w.,])(?<q>(?:"
              + QUALIFIER
              + ")+)?(?:(?<range>entre|between)\\s+)?(?<n>"
              + NUMBER
              + ")(?<scale>"
              + SCALE
              + ")?(?<pct>"
              + PCT
              + ")?(?:(?<tenth>\\s+(?:(?:de\\s+cada|in(?:\\s+every)?|out\\s+of\\s+every)\\s+(?<den>"
              + PER
              + ")|out\\s+of\\s+(?:ten|10)))"
              + "|(?<rangeEnd>\\s+(?:y|and)\\s+(?<n2>"
              + NUMBER
              + ")(?<scale2>"
              + SCALE
              + ")?(?<pct2>"
              + PCT
              + ")?)|(?<of>(?<!%|ciento|cent)\\s+(?:de\\s+(?:las|los)|of\\s+the(?:\\s+(?:country|nation)['\u2019]s)?"
              + "|out\\s+of)\\s+(?<n3>"
              + DIGITS
              + "|"
              + WORD
              + ")(?!\\s*%)(?![\\w.,]\\d)|\\s+(?:de|of)\\s+(?<n4>"
              + DIGITS
              + ")(?!\\s*%)(?![\\w.,]\\d)))?(?![\\w])");

  private static final Pattern MONTH =
      Pattern.compile(
          "(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
              + "|noviembre|diciembre|january|february|march|april|may|june|july|august|september"
              + "|october|november|december|ene|feb|mar|abr|jun|jul|ago|sep|sept|oct|nov|dic|dec|jan"
              + "|aug)\\b\\.?");
  private static final Pattern NOT_A_COUNT_AFTER =
      Pattern.compile(
          "^\\s*(?:-|de\\s+)?(?:anos|ano|years?|year-old|meses|mes|months?|semanas?|weeks?|dias|dia"
              + "|days?|horas?|hours?|minutos?|minutes?|segundos?|seconds?|puntos|points?|percentage"
              + "|dolares|dollars?|bolivares|euros?|usd|bs|kilometros|km|kilometres|kilometers"
              + "|millas|miles|metros|metres|paginas|pages|de\\s+la\\s+constitucion|h\\b|am\\b|pm\\b"
              + "|a\\.\\s?m|p\\.\\s?m|de\\s+la\\s+(?:manana|tarde|noche))");

  /**
   * Number words and their values ({@link NumberWordValues}); the expression above decides which of
   * them start a figure.
   */
  static final Map<String, Integer> WORDS = NumberWordValues.VALUES;

  private NumberScanner() {}

  /**
   * Every number of the folded text that may be a figure, in text order. The expression is tried
   * only at the start of a word that can begin a mention (a digit, a qualifier, a number word),
   * never scanned along the text: that keeps the cost per article small.
   */
  static List<NumberMention> scan(String folded) {
    return scan(folded, folded.toCharArray());
  }

  /** {@link #scan(String)}, reading {@code chars}, the same text's characters, for the words. */
  static List<NumberMention> scan(String folded, char[] chars) {
    List<NumberMention> out = new ArrayList<>();
    Matcher m = MENTION.matcher(folded).useTransparentBounds(true).useAnchoringBounds(false);
    int len = chars.length;
    int i = 0;
    while (i < len) {
      char c = chars[i];
      if (!FoldedText.isWordChar(c) || (i > 0 && FoldedText.isWordChar(chars[i - 1]))) {
        i++;
        continue;
      }
      int wordEnd = i;
      while (wordEnd < len && FoldedText.isWordChar(chars[wordEnd])) {
        wordEnd++;
      }
      if (!Character.isDigit(c) && !MentionStarts.at(folded, chars, i, wordEnd)) {
        i = wordEnd;
        continue;
      }
      m.region(i, len);
      if (!m.lookingAt()) {
        i = wordEnd;
        continue;
      }
      if (m.group("of") != null
          && m.group("n3") != null
          && !Character.isDigit(m.group("n").charAt(0))) {
        // "uno de los 15.797 centros": the total is the figure, read on its own
        i = m.start("n3");
        continue;
      }
      NumberMention n = read(folded, m);
      if (n != null) {
        out.add(n);
      }
      i = Math.max(m.end(), wordEnd);
    }
    return out;
  }

  private static NumberMention read(String text, Matcher m) {
    // Each group read once: a group is found by its name, then copied out of the text.
    String raw = m.group("n");
    String scaleWords = m.group("scale");
    String pct2 = m.group("pct2");
    String qualifier = m.group("q");
    String range = m.group("range");
    String rangeEnd = m.group("rangeEnd");
    boolean words = !Character.isDigit(raw.charAt(0));
    boolean pct = m.group("pct") != null || pct2 != null;
    boolean scaled = scaleWords != null;
    boolean tenth = m.group("tenth") != null;
    Written w = words ? words(raw) : digits(raw, pct || scaled);
    if (w == null) {
      return null;
    }
    double value = w.value;
    double precision = w.precision;
    if (scaled) {
      double s = scale(scaleWords);
      value *= s;
      precision *= s;
    }
    boolean approximate = qualifier != null;
    String q = approximate ? qualifier.strip() : "";
    // "un 90 %" is a rounded share, but "un" before a count is only the article "a".
    if ((q.equals("un") || q.equals("una")) && !pct) {
      approximate = false;
    }
    int numberStart = m.start("n");
    if (!pct && !tenth && !scaled && !words && isNotACount(text, raw, numberStart, m.end("n"))) {
      return null;
    }
    Double total = null;
    Double max = null;
    if (range != null && rangeEnd != null) {
      String n2 = m.group("n2");
      Written hi = Character.isDigit(n2.charAt(0)) ? digits(n2, pct) : words(n2);
      if (hi == null) {
        return null;
      }
      String scale2 = m.group("scale2");
      max = hi.value * (scale2 != null ? scale(scale2) : scaled ? scale(scaleWords) : 1);
      // "entre 4,5 y 5,5 millones": the scale written once, after the upper end, is both ends'.
      if (!scaled && scale2 != null && value < hi.value) {
        value *= scale(scale2);
        precision *= scale(scale2);
      }
      if (pct2 != null) {
        pct = true;
      }
    } else if (rangeEnd != null) {
      return null; // "X y Y" without "entre": two numbers, read the first alone
    }
    if (m.group("of") != null) {
      String n3 = m.group("n3");
      String t = n3 != null ? n3 : m.group("n4");
      Written tw = Character.isDigit(t.charAt(0)) ? digits(t, false) : words(t);
      if (tw == null || tw.value <= value) {
        return null;
      }
      total = tw.value;
    }
    if (pct) {
      value /= 100;
      precision /= 100;
      if (max != null) {
        max /= 100;
      }
    } else if (tenth) {
      String den = m.group("den");
      double per = den == null ? 10 : per(den);
      value /= per;
      precision = 0.5 / per;
    }
    boolean fraction = pct || tenth;
    if (approximate && !fraction && precision < value / 20) {
      precision = roundPrecision(value, precision);
    } else if (approximate && fraction && w.roundInteger) {
      precision = Math.max(precision, roundPrecision(value * 100, 0.5) / 100);
    }
    int start =
        qualifier == null || (!approximate && !pct)
            ? m.start(range != null ? "range" : "n")
            : m.start("q");
    if (range != null && start > m.start("range")) {
      start = m.start("range");
    }
    int end = m.end();
    // "cuatro de cada diez" says what it is; other numbers in words need their noun.
    return new NumberMention(
        start,
        numberStart,
        end,
        value,
        total,
        max,
        fraction,
        precision,
        approximate,
        words && !fraction,
        end);
  }

  /** The denominator of a ratio: "diez" 10, "eight" 8, "100". */
  private static double per(String den) {
    if (Character.isDigit(den.charAt(0))) {
      return Double.parseDouble(den);
    }
    return den.equals("hundred") ? 100 : WORDS.get(den);
  }

  /**
   * Half the place of a round number's last non-zero digit: "más de 2.000" is about 2,000 ± 500.
   */
  private static double roundPrecision(double value, double precision) {
    double place = 1;
    double v = Math.round(value);
    while (v >= 10 && v % 10 == 0) {
      v /= 10;
      place *= 10;
    }
    return Math.max(precision, place / 2);
  }

  private static boolean isNotACount(String text, String raw, int from, int to) {
    boolean plain = allDigits(raw);
    if (plain
        && raw.length() == 4
        && raw.charAt(0) <= '2'
        && raw.compareTo("1900") >= 0
        && raw.compareTo("2100") <= 0) {
      return true; // a year
    }
    String after = text.substring(to, Math.min(text.length(), to + 30));
    String before = text.substring(Math.max(0, from - 16), from);
    if (after.startsWith(":") || DECIMALS.matcher(after).matches() || after.startsWith("h")) {
      return true; // a time
    }
    if (NOT_A_COUNT_AFTER.matcher(after).find()) {
      return true;
    }
    // a date: "28 de julio", "July 28", "29 jul."
    if (plain && raw.length() <= 2) {
      Matcher lead = LEADING_OF.matcher(after);
      if (lead.lookingAt() && MONTH.matcher(after).region(lead.end(), after.length()).lookingAt()) {
        return true;
      }
      String prev = before.strip();
      int sp = prev.lastIndexOf(' ');
      if (MONTH.matcher(prev.substring(sp + 1)).matches()) {
        return true;
      }
      // a person's age in an apposition: "Edmundo González, 74, did not"
      if (before.endsWith(", ") && after.startsWith(",")) {
        return true;
      }
    }
    return lawOrPrice(text.substring(Math.max(0, from - 12), from));
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the text before a number ends, but for spaces, in a word of a law's article or a price
   * ("artículo 293", "US$ 40", "hace 20"): the words are matched as suffixes, whatever is before.
   */
  private static boolean lawOrPrice(String before) {
    int end = before.length();
    while (end > 0 && MentionStarts.isRegexSpace(before.charAt(end - 1))) {
      end--;
    }
    for (String w : LAW_OR_PRICE) {
      if (before.startsWith(w, end - w.length())) {
        return true;
      }
    }
    return false;
  }

  private static final List<String> LAW_OR_PRICE =
      List.of(
          "articulos",
          "articulo",
          "article",
          "art.",
          "arts.",
          "decreto",
          "decree",
          "numero",
          "number",
          "no.",
          "us$",
          "$",
          "bs.",
          "bs",
          "€",
          "hace",
          "ago",
          "aged",
          "edad de");

  /** More decimals right after the number: a time ("12.30") or a version, no count. */
  private static final Pattern DECIMALS = Pattern.compile("^[.,]\\d.*");

  /** The "de"/"of" between a day and its month: "28 de julio". */
  private static final Pattern LEADING_OF = Pattern.compile("^\\s*(?:de\\s+|of\\s+)?");

  private record Written(double value, double precision, boolean roundInteger) {}

  /** Digits with thousands separators or a decimal part, in either convention. */
  private static Written digits(String s, boolean decimalAllowedOn3) {
    int dots = count(s, '.');
    int commas = count(s, ',');
    String intPart;
    String decPart = "";
    if (dots + commas == 0) {
      intPart = s;
    } else if (dots > 0 && commas > 0) {
      char dec = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
      int at = s.lastIndexOf(dec);
      intPart = s.substring(0, at).replace(".", "").replace(",", "");
      decPart = s.substring(at + 1);
    } else {
      char sep = dots > 0 ? '.' : ',';
      int at = s.lastIndexOf(sep);
      String tail = s.substring(at + 1);
      boolean thousands = (dots + commas > 1) || (tail.length() == 3 && !decimalAllowedOn3);
      if (thousands) {
        intPart = s.replace(String.valueOf(sep), "");
      } else {
        intPart = s.substring(0, at);
        decPart = tail;
      }
    }
    try {
      double v = Double.parseDouble(intPart + (decPart.isEmpty() ? "" : "." + decPart));
      double p = 0.5 * Math.pow(10, -decPart.length());
      return new Written(v, p, decPart.isEmpty() && intPart.endsWith("0"));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static final Pattern WORD_BREAK = Pattern.compile("[\\s-]+");

  /** A number in words: "ciento diecisiete" 117, "dos mil" 2000, "veintitrés" 23. */
  private static Written words(String s) {
    long total = 0;
    long current = 0;
    for (String w : WORD_BREAK.split(s)) {
      if (w.equals("y") || w.equals("and")) {
        continue;
      }
      if (w.equals("mil") || w.equals("thousand")) {
        total += Math.max(1, current) * 1000;
        current = 0;
      } else if (w.equals("hundred")) {
        current = Math.max(1, current) * 100;
      } else {
        Integer v = WORDS.get(w);
        if (v == null) {
          return null;
        }
        current += v;
      }
    }
    long v = total + current;
    return v == 0 ? null : new Written(v, 0.5, false);
  }

  private static double scale(String s) {
    String t = s.strip();
    if (t.startsWith("mil ") || t.startsWith("billion") || t.equals("bn")) {
      return 1e9;
    }
    if (t.startsWith("mil") && !t.startsWith("mill") || t.startsWith("thousand")) {
      return 1e3;
    }
    return 1e6;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
