package io.vigia.enrich.text;

import java.util.HashMap;
import java.util.Map;

/**
 * The number words of English and Spanish below a thousand, folded (lower case, no accents), with
 * their values: units, teens, tens, Spanish twenties written as one word, and Spanish hundreds in
 * both genders ({@code doscientos}, {@code doscientas}). "hundred", "thousand" and "mil" multiply
 * rather than add, so each reader handles them itself. One table for the figures' scan and the
 * story features, so a word known to one is known to the other; general knowledge of the two
 * languages, not of any article.
 */
public final class NumberWordValues {
  /** Every word with its value. */
  public static final Map<String, Integer> VALUES = build();

  private NumberWordValues() {}

  private static Map<String, Integer> build() {
    Map<String, Integer> m = new HashMap<>();
    String[] en = {
      "zero",
      "one",
      "two",
      "three",
      "four",
      "five",
      "six",
      "seven",
      "eight",
      "nine",
      "ten",
      "eleven",
      "twelve",
      "thirteen",
      "fourteen",
      "fifteen",
      "sixteen",
      "seventeen",
      "eighteen",
      "nineteen"
    };
    String[] es = {
      "cero",
      "uno",
      "dos",
      "tres",
      "cuatro",
      "cinco",
      "seis",
      "siete",
      "ocho",
      "nueve",
      "diez",
      "once",
      "doce",
      "trece",
      "catorce",
      "quince",
      "dieciseis",
      "diecisiete",
      "dieciocho",
      "diecinueve",
      "veinte",
      "veintiuno",
      "veintidos",
      "veintitres",
      "veinticuatro",
      "veinticinco",
      "veintiseis",
      "veintisiete",
      "veintiocho",
      "veintinueve"
    };
    for (int i = 0; i < en.length; i++) {
      m.put(en[i], i);
    }
    for (int i = 0; i < es.length; i++) {
      m.put(es[i], i);
    }
    // "un" and "una" before a noun, "veintiún" and "veintiuna" likewise.
    m.put("un", 1);
    m.put("una", 1);
    m.put("veintiun", 21);
    m.put("veintiuna", 21);
    String[] enTens = {
      "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
    };
    for (int i = 0; i < enTens.length; i++) {
      m.put(enTens[i], 20 + 10 * i);
    }
    String[] esTens = {
      "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"
    };
    for (int i = 0; i < esTens.length; i++) {
      m.put(esTens[i], 30 + 10 * i);
    }
    m.put("cien", 100);
    m.put("ciento", 100);
    String[] esHundreds = {
      "doscientos",
      "trescientos",
      "cuatrocientos",
      "quinientos",
      "seiscientos",
      "setecientos",
      "ochocientos",
      "novecientos"
    };
    for (int i = 0; i < esHundreds.length; i++) {
      String masculine = esHundreds[i];
      m.put(masculine, 200 + 100 * i);
      m.put(masculine.substring(0, masculine.length() - 2) + "as", 200 + 100 * i);
    }
    return Map.copyOf(m);
  }

  /** Whether {@code word} is one of the Spanish hundreds ({@code cien} to {@code novecientas}). */
  public static boolean isSpanishHundred(String word) {
    Integer v = VALUES.get(word);
    return v != null && v >= 100 && v % 100 == 0;
  }
}
