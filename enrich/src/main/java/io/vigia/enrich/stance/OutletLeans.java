package io.vigia.enrich.stance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.schemas.StanceLabel;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where outlets lean, as the analysts' own labels say: an outlet's slant is steady from one article
 * to the next (state media praise the government, opposition papers criticise it), so when analysts
 * have labelled articles of an outlet, its next article is more likely to lean the same way. Kept
 * as the labelled articles themselves ({@link Entry}: id, outlet, labels), so a later version that
 * learns from the same corrections again counts each article once, and a per-target strength that
 * {@code vigia learn} chose by cross-validation (0: not used).
 *
 * <p>The model's probabilities are multiplied by the outlet's smoothed label shares relative to
 * even shares, raised to the strength: an outlet with one labelled article moves a close call, one
 * with many moves more, and an outlet nobody labelled changes nothing.
 */
public final class OutletLeans {
  /** The file of a profile version that holds them. */
  public static final String FILE = "stance-outlets.json";

  /**
   * Pseudo-counts spread evenly over the three labels before an outlet's own: one labelled article
   * is evidence, not a verdict.
   */
  public static final double PSEUDO_COUNTS = 2.0;

  /** The strengths cross-validation chooses among (0 first: ties go to not using the outlet). */
  public static final double[] STRENGTHS = {0.0, 0.5, 1.0, 2.0};

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One labelled article: its outlet ({@link #outletOf}) and its labels by target. */
  public record Entry(String id, String outlet, Map<String, StanceLabel> stance) {
    public Entry {
      stance = Map.copyOf(stance);
    }
  }

  private final Map<String, Double> strengths;
  private final Map<String, Entry> entries;
  private final Map<String, Map<String, int[]>> counts = new HashMap<>();

  public OutletLeans(Map<String, Double> strengths, Collection<Entry> entries) {
    this.strengths = Map.copyOf(strengths);
    this.entries = new LinkedHashMap<>();
    for (Entry e : entries) {
      this.entries.put(e.id(), e);
    }
    // Counted once here, for every target some article is labelled toward.
    this.entries.values().stream()
        .flatMap(e -> e.stance().keySet().stream())
        .distinct()
        .forEach(target -> counts.put(target, counts(target, Set.of())));
  }

  public static OutletLeans none() {
    return new OutletLeans(Map.of(), List.of());
  }

  /**
   * The outlet of an article's address: its host, lower-cased, without a {@code www.}, {@code m.}
   * or {@code amp.} in front (the same outlet's desktop, mobile and AMP pages); null when the
   * address has no host.
   */
  public static String outletOf(String url) {
    if (url == null) {
      return null;
    }
    String host;
    try {
      host = URI.create(url.strip()).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (host == null || host.isBlank()) {
      return null;
    }
    host = host.toLowerCase(Locale.ROOT);
    for (String prefix : List.of("www.", "m.", "amp.")) {
      if (host.startsWith(prefix) && host.indexOf('.', prefix.length()) > 0) {
        return host.substring(prefix.length());
      }
    }
    return host;
  }

  /**
   * {@code p} (probabilities in {@link StanceModel#CLASSES} order) moved toward the lean of an
   * outlet with {@code counts} labels, at {@code strength}; {@code p} itself when there are none.
   */
  public static double[] apply(double[] p, int[] counts, double strength) {
    if (counts == null || strength <= 0) {
      return p;
    }
    int n = 0;
    for (int c : counts) {
      n += c;
    }
    double even = 1.0 / p.length;
    double[] out = new double[p.length];
    double sum = 0;
    for (int k = 0; k < p.length; k++) {
      double share = (counts[k] + PSEUDO_COUNTS * even) / (n + PSEUDO_COUNTS);
      out[k] = p[k] * Math.pow(share / even, strength);
      sum += out[k];
    }
    for (int k = 0; k < p.length; k++) {
      out[k] /= sum;
    }
    return out;
  }

  /** {@code p} toward {@code target} moved by the lean of the outlet of {@code url}. */
  public double[] adjust(String target, String url, double[] p) {
    int[] labelled = labelled(target, url);
    return labelled == null ? p : apply(p, labelled, strength(target));
  }

  /**
   * The labels toward {@code target} of the articles of {@code url}'s outlet (in {@link
   * StanceModel#CLASSES} order), when they count (strength above 0); else null.
   */
  public int[] labelled(String target, String url) {
    if (strength(target) <= 0) {
      return null;
    }
    Map<String, int[]> byOutlet = counts.get(target);
    String outlet = outletOf(url);
    return byOutlet == null || outlet == null ? null : byOutlet.get(outlet);
  }

  public double strength(String target) {
    return strengths.getOrDefault(target, 0.0);
  }

  public Map<String, Double> strengths() {
    return strengths;
  }

  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * Labels toward {@code target} by outlet from the entries whose id is not in {@code leftOut}:
   * what earlier versions knew, without the articles being learned from again.
   */
  public Map<String, int[]> counts(String target, Set<String> leftOut) {
    Map<String, int[]> out = new HashMap<>();
    for (Entry e : entries.values()) {
      StanceLabel l = e.stance().get(target);
      if (l != null && !leftOut.contains(e.id())) {
        out.computeIfAbsent(e.outlet(), o -> new int[StanceModel.CLASSES.size()])[
            StanceModel.CLASSES.indexOf(l)]++;
      }
    }
    return out;
  }

  /** Reads {@link #toJson()}'s form; {@code source} names the file in errors. */
  public static OutletLeans from(JsonNode n, String source) {
    Map<String, Double> strengths = new LinkedHashMap<>();
    n.path("strength")
        .fields()
        .forEachRemaining(
            e -> {
              double s = e.getValue().asDouble(-1);
              if (!(s >= 0)) {
                throw new IllegalArgumentException(
                    source + ": strength of '" + e.getKey() + "' must be 0 or more");
              }
              strengths.put(e.getKey(), s);
            });
    List<Entry> entries = new ArrayList<>();
    for (JsonNode e : n.path("articles")) {
      Map<String, StanceLabel> stance;
      try {
        stance = StanceLabels.byTarget(e.path("stance"));
      } catch (IllegalArgumentException x) {
        throw new IllegalArgumentException(
            source + ": article " + e.path("id").asText() + ": " + x.getMessage(), x);
      }
      String outlet = e.path("outlet").asText("");
      if (e.path("id").asText("").isBlank() || outlet.isBlank()) {
        throw new IllegalArgumentException(source + ": every article needs an id and an outlet");
      }
      entries.add(new Entry(e.path("id").asText(), outlet, stance));
    }
    return new OutletLeans(strengths, entries);
  }

  public ObjectNode toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put(
        "about",
        "where outlets lean, from articles analysts labelled (vigia learn); each strength was "
            + "chosen by cross-validation on them, 0 meaning the outlet is not used");
    o.put("pseudoCounts", PSEUDO_COUNTS);
    ObjectNode s = o.putObject("strength");
    strengths.forEach(s::put);
    var articles = o.putArray("articles");
    for (Entry e : entries.values()) {
      ObjectNode a = articles.addObject();
      a.put("id", e.id());
      a.put("outlet", e.outlet());
      StanceLabels.put(a, "stance", e.stance());
    }
    return o;
  }
}
