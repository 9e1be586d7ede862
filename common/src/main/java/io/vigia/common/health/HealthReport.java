package io.vigia.common.health;

import io.vigia.common.http.HttpApi;
import io.vigia.common.http.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The health of a process: every stage it runs, asked at the moment of the request. Backs {@code
 * /healthz} (200 while every stage is alive, 503 once one is down: restart the process) and {@code
 * /readyz} (200 once every stage is up or paused on something outside it).
 */
public final class HealthReport {
  private final List<HealthReporting> stages = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Adds a stage; the order is the order of the report. */
  public HealthReport add(HealthReporting stage) {
    stages.add(stage);
    return this;
  }

  /** The health of every stage now; a stage whose report itself fails counts as down. */
  public List<StageHealth> now() {
    List<StageHealth> out = new ArrayList<>();
    for (HealthReporting s : stages) {
      try {
        out.add(s.health());
      } catch (RuntimeException e) {
        out.add(StageHealth.down(s.getClass().getSimpleName(), "its health could not be read", e));
      }
    }
    return out;
  }

  /** The {@code /healthz} answer: status code and body. */
  public Answer liveness(Supplier<Map<String, Object>> extra) {
    List<StageHealth> now = now();
    boolean alive = now.stream().allMatch(StageHealth::alive);
    String status =
        !alive
            ? "down"
            : now.stream().anyMatch(h -> h.state() == StageHealth.State.PAUSED)
                ? "paused"
                : now.stream().anyMatch(h -> h.state() == StageHealth.State.STARTING)
                    ? "starting"
                    : "ok";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.putAll(extra.get());
    now.stream()
        .filter(h -> h.state() == StageHealth.State.PAUSED)
        .findFirst()
        .ifPresent(h -> body.put("paused", h.reason()));
    body.put("stages", describe(now));
    return new Answer(alive ? 200 : 503, body);
  }

  /** The {@code /readyz} answer: status code and body. */
  public Answer readiness() {
    List<StageHealth> now = now();
    boolean ready = now.stream().allMatch(StageHealth::ready);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ready", ready);
    body.put("stages", describe(now));
    return new Answer(ready ? 200 : 503, body);
  }

  private static Map<String, Object> describe(List<StageHealth> now) {
    Map<String, Object> stages = new LinkedHashMap<>();
    for (StageHealth h : now) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("state", h.state().name().toLowerCase(java.util.Locale.ROOT));
      if (h.reason() != null) {
        one.put("reason", h.reason());
      }
      stages.put(h.stage(), one);
    }
    return stages;
  }

  /**
   * Mounts {@code GET /healthz} (liveness, with {@code details} beside the stages) and {@code GET
   * /readyz} (readiness, with {@code readyExtra} added to its body) on {@code http}.
   */
  public void serve(
      HttpApi http, Supplier<Map<String, Object>> details, Map<String, Object> readyExtra) {
    http.route(
        "GET",
        "/healthz",
        r -> {
          Answer a = liveness(details);
          return Response.json(a.status(), a.body());
        });
    http.route(
        "GET",
        "/readyz",
        r -> {
          Answer a = readiness();
          Map<String, Object> body = new LinkedHashMap<>(a.body());
          body.putAll(readyExtra);
          return Response.json(a.status(), body);
        });
  }

  /** An HTTP answer: the status code and the JSON body. */
  public record Answer(int status, Map<String, Object> body) {}
}
