package io.vigia.enrich.stance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.enrich.text.Tokens;
import io.vigia.schemas.StanceLabel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learned stance model of a profile ({@code stance-model.json}): per target, a multinomial
 * logistic regression over {@link StanceFeatures} with its temperature (the calibration of its
 * probabilities), how it was trained, on what data (file, count, sha256, role) and how it scored
 * cross-validated, with a reliability table. A target without a model keeps the cue rule.
 *
 * @param trainedAt when it was trained (ISO-8601)
 * @param data the labelled files it was trained on, with their role
 * @param hyperParameters the settings of training (penalty grid, folds, seed)
 * @param targets per target name
 */
public record StanceModel(
    String trainedAt,
    List<DataSource> data,
    Map<String, Object> hyperParameters,
    Map<String, TargetModel> targets) {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final int FORMAT = 1;

  /** The labels in the order of the model's classes. */
  public static final List<StanceLabel> CLASSES =
      List.of(StanceLabel.FAVOR, StanceLabel.AGAINST, StanceLabel.NEUTRAL);

  public StanceModel {
    data = List.copyOf(data);
    hyperParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyperParameters));
    targets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targets));
  }

  /**
   * One file of labelled examples the model learned from.
   *
   * @param role {@code training}, {@code development} (a set also used to develop the cues) or
   *     {@code examples} (added by {@code vigia learn})
   */
  public record DataSource(String file, String sha256, int examples, String role) {}

  /** One bin of the reliability table: of the labels given with this confidence, how many right. */
  public record Bin(double from, double to, int count, double confidence, double accuracy) {}

  /**
   * The model toward one target.
   *
   * @param crossValidated macro-F1 and per-class F1 of out-of-fold predictions on its training data
   * @param lexical the weights of the article's own words, or {@code null}: a model of the cue
   *     features alone (every model file written before the lexical part, and any the
   *     cross-validation left it out of)
   */
  public record TargetModel(
      List<String> features,
      double[] mean,
      double[] scale,
      double[][] weights,
      double[] bias,
      double temperature,
      double l2,
      int examples,
      Map<String, Double> crossValidated,
      List<Bin> reliability,
      StanceLexicon lexical) {
    public TargetModel {
      features = List.copyOf(features);
      crossValidated = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(crossValidated));
      reliability = List.copyOf(reliability);
    }

    /** Calibrated probabilities of {@link #CLASSES} for raw features {@code x}. */
    public double[] probabilities(double[] x) {
      return SoftmaxRegression.softmax(
          new SoftmaxRegression.Fit(mean, scale, weights, bias, 0).logits(x), temperature);
    }

    /**
     * Calibrated probabilities for raw features {@code x} and, when the model has a lexical part,
     * the article's words by channel ({@link CueStanceScorer#read}).
     */
    public double[] probabilities(double[] x, Tokens tokens, byte[] channels) {
      double[] logits = new SoftmaxRegression.Fit(mean, scale, weights, bias, 0).logits(x);
      if (lexical != null) {
        lexical.addLogits(tokens, channels, logits);
      }
      return SoftmaxRegression.softmax(logits, temperature);
    }
  }

  public static StanceModel from(JsonNode root, String source) {
    if (root.path("format").asInt(0) != FORMAT) {
      throw new IllegalArgumentException(
          source
              + ": format "
              + root.path("format")
              + " is not "
              + FORMAT
              + "; retrain with `vigia stance-train`");
    }
    List<DataSource> data = new ArrayList<>();
    for (JsonNode d : root.path("data")) {
      data.add(
          new DataSource(
              d.path("file").asText(),
              d.path("sha256").asText(),
              d.path("examples").asInt(),
              d.path("role").asText()));
    }
    Map<String, TargetModel> targets = new LinkedHashMap<>();
    root.path("targets")
        .fields()
        .forEachRemaining(
            e -> targets.put(e.getKey(), target(e.getValue(), source + ": " + e.getKey())));
    @SuppressWarnings("unchecked")
    Map<String, Object> hp = JSON.convertValue(root.path("hyperParameters"), Map.class);
    return new StanceModel(
        root.path("trainedAt").asText(""), data, hp == null ? Map.of() : hp, targets);
  }

  private static TargetModel target(JsonNode t, String where) {
    List<String> features = new ArrayList<>();
    t.path("features").forEach(f -> features.add(f.asText()));
    int d = features.size();
    double[] mean = doubles(t.path("mean"), d, where + " mean");
    double[] scale = doubles(t.path("scale"), d, where + " scale");
    double[][] weights = new double[CLASSES.size()][];
    for (int k = 0; k < CLASSES.size(); k++) {
      weights[k] = doubles(t.path("weights").path(k), d, where + " weights");
    }
    double[] bias = doubles(t.path("bias"), CLASSES.size(), where + " bias");
    Map<String, Double> cv = new LinkedHashMap<>();
    t.path("crossValidated")
        .fields()
        .forEachRemaining(e -> cv.put(e.getKey(), e.getValue().asDouble()));
    List<Bin> bins = new ArrayList<>();
    for (JsonNode b : t.path("reliability")) {
      bins.add(
          new Bin(
              b.path("from").asDouble(),
              b.path("to").asDouble(),
              b.path("count").asInt(),
              b.path("confidence").asDouble(),
              b.path("accuracy").asDouble()));
    }
    double temperature = t.path("temperature").asDouble(1.0);
    if (!(temperature > 0)) {
      throw new IllegalArgumentException(where + ": temperature must be positive");
    }
    StanceLexicon lexical = null;
    JsonNode lex = t.path("lexical");
    if (lex.isObject()) {
      List<String> terms = new ArrayList<>();
      lex.path("terms").forEach(f -> terms.add(f.asText()));
      double[][] lw = new double[CLASSES.size()][];
      for (int k = 0; k < CLASSES.size(); k++) {
        lw[k] = doubles(lex.path("weights").path(k), terms.size(), where + " lexical weights");
      }
      lexical = new StanceLexicon(terms, lw, lex.path("l2").asDouble());
    }
    return new TargetModel(
        features,
        mean,
        scale,
        weights,
        bias,
        temperature,
        t.path("l2").asDouble(),
        t.path("examples").asInt(),
        cv,
        bins,
        lexical);
  }

  private static double[] doubles(JsonNode n, int size, String what) {
    if (!n.isArray() || n.size() != size) {
      throw new IllegalArgumentException(
          what + ": expected " + size + " numbers, found " + n.size());
    }
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = n.get(i).asDouble();
    }
    return out;
  }

  /** The model as the JSON file a profile holds. */
  public ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put(
        "_about",
        "Learned stance model: written by `vigia stance-train` / `vigia learn`; see docs/stance.md");
    root.put("trainedAt", trainedAt);
    ArrayNode d = root.putArray("data");
    for (DataSource s : data) {
      d.addObject()
          .put("file", s.file())
          .put("sha256", s.sha256())
          .put("examples", s.examples())
          .put("role", s.role());
    }
    root.set("hyperParameters", JSON.valueToTree(hyperParameters));
    ObjectNode ts = root.putObject("targets");
    targets.forEach(
        (name, m) -> {
          ObjectNode t = ts.putObject(name);
          t.put("examples", m.examples());
          t.put("l2", m.l2());
          t.put("temperature", round(m.temperature()));
          ObjectNode cv = t.putObject("crossValidated");
          m.crossValidated().forEach((k, v) -> cv.put(k, round(v)));
          ArrayNode rel = t.putArray("reliability");
          for (Bin b : m.reliability()) {
            rel.addObject()
                .put("from", b.from())
                .put("to", b.to())
                .put("count", b.count())
                .put("confidence", round(b.confidence()))
                .put("accuracy", round(b.accuracy()));
          }
          t.put("classes", "favor, against, neutral (rows of weights and bias)");
          ArrayNode f = t.putArray("features");
          m.features().forEach(f::add);
          put(t.putArray("mean"), m.mean());
          put(t.putArray("scale"), m.scale());
          ArrayNode w = t.putArray("weights");
          for (double[] row : m.weights()) {
            put(w.addArray(), row);
          }
          put(t.putArray("bias"), m.bias());
          if (m.lexical() != null) {
            ObjectNode lex = t.putObject("lexical");
            lex.put("l2", m.lexical().l2());
            lex.put("minDf", StanceLexicon.MIN_DF);
            lex.put(
                "about",
                "own words by channel (h: headline, b: own voice in the body); logits added to the "
                    + "cue model's; rows of weights: favor, against, neutral");
            ArrayNode terms = lex.putArray("terms");
            m.lexical().terms().forEach(terms::add);
            ArrayNode lw = lex.putArray("weights");
            for (double[] row : m.lexical().weights()) {
              put(lw.addArray(), row);
            }
          }
        });
    return root;
  }

  private static void put(ArrayNode a, double[] v) {
    for (double x : v) {
      a.add(Math.round(x * 1e6) / 1e6);
    }
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
