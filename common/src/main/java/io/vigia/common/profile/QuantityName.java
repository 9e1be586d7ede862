package io.vigia.common.profile;

import java.util.regex.Pattern;

/**
 * The shape of a figure quantity's name in a profile's {@code figures.yaml} ({@code turnout},
 * {@code vote-share}): lower-case words joined by '-'. The vocabulary is checked against it when it
 * is loaded, and the stages that take a quantity from a user (the figures API, the alert rule)
 * check only this shape, as they do not load the vocabulary: a well-formed name that no profile has
 * simply matches nothing.
 */
public final class QuantityName {
  private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final int MAX_LENGTH = 64;

  /** What a wrong name is told, for the {@code 'quantity'} of an API call or alert rule. */
  public static final String EXPECTED =
      "a quantity of the figures vocabulary, such as 'turnout' or 'vote-share' (lower case, words"
          + " joined by '-')";

  private QuantityName() {}

  public static boolean isWellFormed(String name) {
    return name != null && name.length() <= MAX_LENGTH && SHAPE.matcher(name).matches();
  }
}
