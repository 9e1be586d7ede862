package io.vigia.enrich.text;

import java.util.Random;

/**
 * Texts glued from awkward pieces (accents, case pairs, marks, invisible characters), for the tests
 * that check a fast scanner against a plain reference on thousands of random inputs.
 */
public final class RandomTexts {
  private RandomTexts() {}

  /** {@code count} pieces picked at random, one after the other. */
  public static String of(Random random, String[] pieces, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }
}
