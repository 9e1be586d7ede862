package io.vigia.app.reprocess;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.config.ConfigException;
import io.vigia.common.http.HttpApi;
import io.vigia.common.http.Json;
import io.vigia.common.http.Response;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/reprocess} starts a run ({@code {"profile": "DIR"?, "since": "DATE"?}}; 202 with
 * its status, 409 while one is going); {@code GET /api/reprocess} shows it: phase, done of total,
 * rate, ETA, documents written, where the time goes. {@code vigia reprocess} calls both.
 */
public final class ReprocessApi {
  private ReprocessApi() {}

  public static void register(HttpApi http, Reprocessing reprocessing) {
    http.route("GET", "/api/reprocess", r -> Response.json(reprocessing.status()));
    http.route(
        "POST",
        "/api/reprocess",
        r -> {
          JsonNode body;
          try {
            body =
                r.body() == null || r.body().length == 0
                    ? Json.MAPPER.createObjectNode()
                    : Json.MAPPER.readTree(r.body());
          } catch (IOException e) {
            return error(400, "the body is not JSON: " + e.getMessage());
          }
          try {
            String profile = body.hasNonNull("profile") ? body.get("profile").asText() : null;
            Instant since =
                body.hasNonNull("since") ? parseSince(body.get("since").asText()) : null;
            reprocessing.start(profile, since);
            return Response.json(202, reprocessing.status());
          } catch (Reprocessing.AlreadyRunning e) {
            return error(409, e.getMessage());
          } catch (ConfigException | IllegalArgumentException e) {
            return error(400, e.getMessage());
          }
        });
  }

  /** A date ({@code 2024-07-01}, from its start in UTC) or an instant. */
  public static Instant parseSince(String s) {
    try {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException(
            "since "
                + s
                + ": expected a date such as 2024-07-01 or an instant such as 2024-07-01T00:00:00Z");
      }
    }
  }

  private static Response error(int status, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", message);
    return Response.json(status, m);
  }
}
