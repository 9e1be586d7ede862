package io.vigia.enrich.stance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile's stance cues ({@code stance.yaml}): per target, weighted cues for and against, words
 * whose scare-quoting mocks the target, and the thresholds between labels; for all targets, the
 * words that attribute a sentence to a speaker, the hedges that cast doubt on the word they
 * precede, and how much each kind of occurrence counts.
 *
 * @param attributed share a cue counts inside a quotation attributed to a speaker
 * @param reported share a cue counts in a sentence attributed to a speaker (indirect speech)
 * @param scare weight of a scare quote
 * @param hedged share a cue counts, for the other side, after a hedge ("so-called fraud")
 * @param headline factor of a cue in the headline
 * @param attribution words and phrases that attribute a sentence to someone ("said", "según")
 * @param hedges words that cast doubt on the following cue ("supuesto", "so-called")
 * @param targets the targets, in the profile's order
 */
public record StanceCues(
    double attributed,
    double reported,
    double scare,
    double hedged,
    double headline,
    List<String> attribution,
    List<String> hedges,
    List<Target> targets) {

  /** Which way a family of cues pushes: toward the target, against it, or neither (wire style). */
  public enum Side {
    FAVOR,
    AGAINST,
    NEUTRAL
  }

  /**
   * A family of cues: one framing of one camp (state media's "sanctions as a blockade", the
   * opposition press's "repression"…), in Spanish and English. The model learns one weight per
   * family, not per word, so a phrase never seen in training still counts through its family.
   *
   * @param cues phrase (or {@code prefix*}) to its weight in the hand-weighted cue score
   */
  public record Family(String name, Side side, Map<String, Double> cues) {
    public Family {
      // In the profile's order, not Map.copyOf's: its order changes from one JVM to the next, and
      // two cues matching the same words (a hyphenated and a spaced spelling) would then swap
      // places in the evidence from run to run.
      cues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cues));
    }
  }

  /**
   * Who speaks for which camp toward a target ({@code voices:} in stance.yaml): role words and
   * known names of the speakers whose words carry the target's side ({@code favor}), its critics'
   * ({@code against}), and others often quoted by both (analysts, mediators: {@code other}). What
   * {@link StanceVoices} looks for beside a quotation or a verb of saying.
   */
  public record Speakers(List<String> favor, List<String> against, List<String> other) {
    public static final Speakers NONE = new Speakers(List.of(), List.of(), List.of());

    public Speakers {
      favor = List.copyOf(favor);
      against = List.copyOf(against);
      other = List.copyOf(other);
    }

    public boolean isEmpty() {
      return favor.isEmpty() && against.isEmpty() && other.isEmpty();
    }
  }

  /** Cues toward one target, grouped in families, and its camps' speakers. */
  public record Target(
      String name,
      double favorThreshold,
      double againstThreshold,
      List<Family> families,
      List<String> scareQuoted,
      Speakers voices) {
    public Target {
      families = List.copyOf(families);
      scareQuoted = List.copyOf(scareQuoted);
      voices = voices == null ? Speakers.NONE : voices;
    }

    /** A target without speakers. */
    public Target(
        String name,
        double favorThreshold,
        double againstThreshold,
        List<Family> families,
        List<String> scareQuoted) {
      this(name, favorThreshold, againstThreshold, families, scareQuoted, Speakers.NONE);
    }

    /** The same cues with other thresholds (what calibration changes). */
    public Target withThresholds(double favorAt, double againstAt) {
      return new Target(name, favorAt, againstAt, families, scareQuoted, voices);
    }

    /** Every cue on one side, whatever its family. */
    public Map<String, Double> cues(Side side) {
      Map<String, Double> out = new LinkedHashMap<>();
      families.stream().filter(f -> f.side() == side).forEach(f -> out.putAll(f.cues()));
      return out;
    }
  }

  public StanceCues {
    attribution = List.copyOf(attribution);
    hedges = List.copyOf(hedges);
    targets = List.copyOf(targets);
  }

  public static StanceCues none() {
    return new StanceCues(0.25, 0.5, 2.5, 0.5, 1.0, List.of(), List.of(), List.of());
  }

  /** The same cues with other weights for the kinds of occurrence (what calibration changes). */
  public StanceCues withFactors(
      double attributedShare,
      double reportedShare,
      double scareWeight,
      double hedgedShare,
      double headlineFactor) {
    return new StanceCues(
        attributedShare,
        reportedShare,
        scareWeight,
        hedgedShare,
        headlineFactor,
        attribution,
        hedges,
        targets);
  }

  public StanceCues withTargets(List<Target> newTargets) {
    return new StanceCues(
        attributed, reported, scare, hedged, headline, attribution, hedges, newTargets);
  }

  public static StanceCues from(JsonNode root, String source) {
    List<Target> targets = new ArrayList<>();
    root.path("targets")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode t = e.getValue();
              String where = source + ": targets." + e.getKey();
              List<Family> families = new ArrayList<>();
              // The older flat form (favor: {cue: weight}, against: ...) is one family per side.
              if (t.has("favor")) {
                families.add(new Family("favor", Side.FAVOR, weights(t.path("favor"), 1, where)));
              }
              if (t.has("against")) {
                families.add(
                    new Family("against", Side.AGAINST, weights(t.path("against"), 1, where)));
              }
              t.path("families")
                  .fields()
                  .forEachRemaining(f -> families.add(family(f.getKey(), f.getValue(), where)));
              targets.add(
                  new Target(
                      e.getKey(),
                      t.path("thresholds").path("favor").asDouble(1.0),
                      t.path("thresholds").path("against").asDouble(1.0),
                      families,
                      words(t.path("scare-quoted")),
                      new Speakers(
                          words(t.path("voices").path("favor")),
                          words(t.path("voices").path("against")),
                          words(t.path("voices").path("other")))));
            });
    return new StanceCues(
        share(root, "attributed", 0.25, source),
        share(root, "reported", 0.5, source),
        positive(root, "scare", 2.5, source),
        share(root, "hedged", 0.5, source),
        positive(root, "headline", 1.0, source),
        words(root.path("attribution")),
        words(root.path("hedges")),
        targets);
  }

  private static Family family(String name, JsonNode f, String where) {
    String at = where + ".families." + name;
    Side side;
    try {
      side = Side.valueOf(f.path("side").asText("").toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          at + ": side must be favor, against or neutral, was '" + f.path("side").asText() + "'");
    }
    double weight = f.path("weight").asDouble(1.0);
    if (weight < 0) {
      throw new IllegalArgumentException(at + ": weight must be positive, was " + weight);
    }
    JsonNode cues = f.path("cues");
    if (!cues.isArray() && !cues.isObject()) {
      throw new IllegalArgumentException(
          at + ": cues must be a list of phrases (or a map phrase: weight)");
    }
    return new Family(name, side, weights(cues, weight, at));
  }

  private static double share(JsonNode root, String key, double fallback, String source) {
    double v = root.path(key).asDouble(fallback);
    if (v < 0 || v > 1) {
      throw new IllegalArgumentException(
          source + ": " + key + " must be between 0 and 1 (the share such a cue counts), was " + v);
    }
    return v;
  }

  private static double positive(JsonNode root, String key, double fallback, String source) {
    double v = root.path(key).asDouble(fallback);
    if (v < 0) {
      throw new IllegalArgumentException(
          source + ": " + key + " must be a positive number, was " + v);
    }
    return v;
  }

  /** A list of phrases (each {@code weight}) or a map phrase: weight. */
  private static Map<String, Double> weights(JsonNode n, double weight, String where) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (n.isArray()) {
      n.forEach(w -> out.put(w.asText(), weight));
      return out;
    }
    n.fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isNumber() || e.getValue().asDouble() < 0) {
                throw new IllegalArgumentException(
                    where + " cue '" + e.getKey() + "' needs a positive number");
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
