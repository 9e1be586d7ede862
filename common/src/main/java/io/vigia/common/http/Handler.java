package io.vigia.common.http;

/**
 * Answers one route. Throw {@link HttpError} for client errors; anything else is a 500 with no
 * details.
 */
@FunctionalInterface
public interface Handler {
  Response handle(Request request) throws Exception;
}
