package io.vigia.common.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a handler answers: a status, a content type and bytes. */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

  public static Response json(Object value) {
    return json(200, value);
  }

  public static Response json(int status, Object value) {
    try {
      return new Response(
          status,
          "application/json; charset=utf-8",
          Json.MAPPER.writeValueAsBytes(value),
          Map.of());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise response", e);
    }
  }

  public static Response text(int status, String contentType, String body) {
    return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public static Response bytes(String contentType, byte[] body) {
    return new Response(200, contentType, body, Map.of());
  }

  public static Response noContent() {
    return new Response(204, "text/plain", new byte[0], Map.of());
  }
}
