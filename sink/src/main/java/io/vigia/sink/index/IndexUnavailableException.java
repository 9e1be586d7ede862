package io.vigia.sink.index;

/**
 * The search engine cannot take writes right now (down, overloaded, disk full); the sink pauses and
 * retries.
 */
public final class IndexUnavailableException extends Exception {
  public IndexUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
