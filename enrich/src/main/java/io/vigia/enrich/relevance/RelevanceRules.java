package io.vigia.enrich.relevance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The profile's relevance rules ({@code relevance.yaml}): weighted terms and entity ids in four
 * groups (the place anchor, the political anchor, other places, off-topic subjects) and a
 * threshold. See the file's comments for how they combine.
 *
 * @param countryNames the place group's terms that are the country's own name and its demonyms
 *     ({@code groups.venezuela.names}): they place an article there but can be a dateline or one
 *     line in a piece about somewhere else; every other term of the group names one of the
 *     country's bodies, parties, places or officials, which a piece about somewhere else rarely
 *     does
 */
public record RelevanceRules(
    double threshold,
    Group venezuela,
    Group politics,
    Group elsewhere,
    Group offtopic,
    Set<String> countryNames) {

  public RelevanceRules {
    countryNames = Collections.unmodifiableSet(new LinkedHashSet<>(countryNames));
  }

  /** Rules in which every place term is taken for the country's name (none names a body). */
  public RelevanceRules(
      double threshold, Group venezuela, Group politics, Group elsewhere, Group offtopic) {
    this(threshold, venezuela, politics, elsewhere, offtopic, venezuela.terms().keySet());
  }

  /** Weighted terms (a trailing * matches a word prefix) and entity ids. */
  public record Group(Map<String, Double> terms, Map<String, Double> entities) {
    public Group {
      // The profile's order (Map.copyOf's changes from one JVM to the next): terms that match the
      // same words must give their reasons in the same order on every run.
      terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
      entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
    }

    static Group empty() {
      return new Group(Map.of(), Map.of());
    }
  }

  /** Everything relevant: what a profile without rules means. */
  public static RelevanceRules none() {
    return new RelevanceRules(0, Group.empty(), Group.empty(), Group.empty(), Group.empty());
  }

  public boolean isEmpty() {
    return venezuela.terms().isEmpty() && venezuela.entities().isEmpty();
  }

  public static RelevanceRules from(JsonNode root, String source) {
    double threshold = root.path("threshold").asDouble(0.5);
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException(
          source + ": threshold must be between 0 and 1, was " + threshold);
    }
    JsonNode g = root.path("groups");
    for (String required : new String[] {"venezuela", "politics"}) {
      if (!g.has(required)) {
        throw new IllegalArgumentException(
            source + ": groups." + required + " is missing (the two anchors an article needs)");
      }
    }
    Group venezuela = group(g.path("venezuela"), source);
    Set<String> names = new LinkedHashSet<>();
    JsonNode listed = g.path("venezuela").path("names");
    if (listed.isMissingNode()) {
      names.addAll(venezuela.terms().keySet());
    }
    for (JsonNode n : listed) {
      if (!venezuela.terms().containsKey(n.asText())) {
        throw new IllegalArgumentException(
            source + ": groups.venezuela.names lists '" + n.asText() + "', not one of its terms");
      }
      names.add(n.asText());
    }
    return new RelevanceRules(
        threshold,
        venezuela,
        group(g.path("politics"), source),
        group(g.path("elsewhere"), source),
        group(g.path("offtopic"), source),
        names);
  }

  private static Group group(JsonNode n, String source) {
    return new Group(weights(n.path("terms"), source), weights(n.path("entities"), source));
  }

  private static Map<String, Double> weights(JsonNode n, String source) {
    Map<String, Double> out = new LinkedHashMap<>();
    n.fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isNumber()) {
                throw new IllegalArgumentException(
                    source + ": weight of '" + e.getKey() + "' must be a number");
              }
              out.put(e.getKey(), e.getValue().asDouble());
            });
    return out;
  }
}
