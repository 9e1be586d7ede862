package io.vigia.common.config;

/**
 * A configuration value that cannot be used; the message says which key, why, and how to fix it.
 */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
