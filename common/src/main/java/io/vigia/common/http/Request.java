package io.vigia.common.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An HTTP request as handlers see it: method, path parameters, query parameters, body, headers. */
public record Request(
    String method,
    String path,
    Map<String, String> pathParams,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    byte[] body) {

  public Optional<String> param(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() || v.get(0).isEmpty()
        ? Optional.empty()
        : Optional.of(v.get(0));
  }

  public List<String> params(String name) {
    return query.getOrDefault(name, List.of());
  }

  public String pathParam(String name) {
    return pathParams.get(name);
  }

  public Optional<String> header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return Optional.of(e.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  /** An integer query parameter within bounds, or the default; out of bounds is a 400. */
  public int intParam(String name, int dflt, int min, int max) {
    Optional<String> v = param(name);
    if (v.isEmpty()) {
      return dflt;
    }
    try {
      int i = Integer.parseInt(v.get().trim());
      if (i < min || i > max) {
        throw HttpError.badRequest("'" + name + "' must be from " + min + " to " + max);
      }
      return i;
    } catch (NumberFormatException e) {
      throw HttpError.badRequest("'" + name + "' must be a whole number");
    }
  }
}
