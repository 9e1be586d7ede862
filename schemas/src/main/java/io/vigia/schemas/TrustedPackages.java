package io.vigia.schemas;

/**
 * Avro refuses to instantiate generated classes outside trusted packages, also when a builder fills
 * in a default value made of records (an empty {@code figures} list). Ours are trusted: every entry
 * point calls {@link #install()} before building a record.
 */
public final class TrustedPackages {
  private static final String KEY = "org.apache.avro.SERIALIZABLE_PACKAGES";
  private static final String OURS = "io.vigia.schemas";

  private TrustedPackages() {}

  /** Adds this module's package to the trusted ones, keeping any the operator chose. */
  public static synchronized void install() {
    String current = System.getProperty(KEY);
    if (current == null || current.isBlank()) {
      System.setProperty(KEY, OURS);
    } else if (!current.contains(OURS)) {
      System.setProperty(KEY, current + "," + OURS);
    }
  }
}
