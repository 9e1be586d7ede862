package io.vigia.common.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for comparison: lower case, no accents, typographic quotes unified, whitespace folded.
 */
public final class TextNormalizer {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private TextNormalizer() {}

  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFD);
    s = MARKS.matcher(s).replaceAll("");
    s =
        s.replace('\u201c', '"')
            .replace('\u201d', '"')
            .replace('\u201e', '"')
            .replace('\u00ab', '"')
            .replace('\u00bb', '"')
            .replace('\u2018', '\'')
            .replace('\u2019', '\'')
            .replace('\u2013', '-')
            .replace('\u2014', '-');
    return SPACE.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }

  /**
   * SHA-256 (hex) of the folded text: equal for texts that differ only in case, accents, quotes or
   * spacing.
   */
  public static String contentHash(String text) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(fold(text).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
