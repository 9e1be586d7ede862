package io.vigia.enrich.stance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile's stance cues ({@code stance.yaml}): per target, weighted cues for and against,
 * words whose scare-quoting mocks the target, and the thresholds between labels.
 */
public record StanceCues(double attributed, double scare, List<Target> targets) {

  /** Cues toward one target. */
  public record Target(String name, double favorThreshold, double againstThreshold, Map<String, Double> favor,
      Map<String, Double> against, List<String> scareQuoted) {
    public Target {
      favor = Map.copyOf(favor);
      against = Map.copyOf(against);
      scareQuoted = List.copyOf(scareQuoted);
    }
  }

  public StanceCues {
    targets = List.copyOf(targets);
  }

  public static StanceCues none() {
    return new StanceCues(0.25, 2.5, List.of());
  }

  public static StanceCues from(JsonNode root, String source) {
    List<Target> targets = new ArrayList<>();
    root.path("targets").fields().forEachRemaining(e -> {
      JsonNode t = e.getValue();
      targets.add(new Target(e.getKey(), t.path("thresholds").path("favor").asDouble(1.0), t.path("thresholds").path("against").asDouble(1.0),
          weights(t.path("favor"), source, e.getKey()), weights(t.path("against"), source, e.getKey()), words(t.path("scare-quoted"))));
    });
    double attributed = root.path("attributed").asDouble(0.25);
    if (attributed < 0 || attributed > 1) {
      throw new IllegalArgumentException(source + ": attributed must be between 0 and 1 (the share a quoted cue counts)");
    }
    return new StanceCues(attributed, root.path("scare").asDouble(2.5), targets);
  }

  private static Map<String, Double> weights(JsonNode n, String source, String target) {
    Map<String, Double> out = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> {
      if (!e.getValue().isNumber() || e.getValue().asDouble() < 0) {
        throw new IllegalArgumentException(source + ": targets." + target + " cue '" + e.getKey() + "' needs a positive number");
      }
      out.put(e.getKey(), e.getValue().asDouble());
    });
    return out;
  }

  private static List<String> words(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(w -> out.add(w.asText()));
    return out;
  }
}
