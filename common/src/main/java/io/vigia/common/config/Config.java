package io.vigia.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vigía's configuration: one tree of keys, built from three layers, later ones winning.
 *
 * <ol>
 *   <li>the checked-in defaults, {@code vigia-defaults.yaml} (every key exists there, with a
 *       comment saying what it does);
 *   <li>the file given with {@code --config FILE};
 *   <li>environment variables: each key {@code a.b-c} can be set as {@code VIGIA_A_B_C};
 *   <li>command-line overrides ({@code --port}, {@code --data}, ...).
 * </ol>
 *
 * <p>Unknown keys in a file, and {@code VIGIA_} variables that look like keys but are none, are
 * refused at start: a typo must not silently fall back to a default. Typed getters fail with a
 * {@link ConfigException} that names the key, the value, where it came from and what would be
 * accepted.
 */
public final class Config {
  public static final String DEFAULTS = "/io/vigia/common/vigia-defaults.yaml";
  public static final String ENV_PREFIX = "VIGIA_";
  private static final ObjectMapper YAML = ConfigTree.YAML;
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private final ObjectNode tree;
  private final Map<String, String> origins;

  private Config(ObjectNode tree, Map<String, String> origins) {
    this.tree = tree;
    this.origins = origins;
  }

  /** The defaults alone. */
  public static Config defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a configuration from its layers. */
  public static final class Builder {
    private Path file;
    private Map<String, String> env = Map.of();
    private final Map<String, Object> overrides = new LinkedHashMap<>();
    private String inlineYaml;

    public Builder file(Path file) {
      this.file = file;
      return this;
    }

    /** YAML text applied like a config file (for tests and embedding). */
    public Builder yaml(String yaml) {
      this.inlineYaml = yaml;
      return this;
    }

    public Builder env(Map<String, String> env) {
      this.env = Objects.requireNonNull(env);
      return this;
    }

    /** Sets one key, e.g. {@code set("http.port", 9090)}; wins over every other layer. */
    public Builder set(String key, Object value) {
      overrides.put(key, value);
      return this;
    }

    public Config build() {
      ObjectNode tree = readDefaults();
      Map<String, String> origins = new LinkedHashMap<>();
      List<String> leaves = new ArrayList<>();
      ConfigTree.collectLeaves(tree, "", leaves);
      leaves.forEach(k -> origins.put(k, "the defaults"));
      if (file != null) {
        if (!Files.isReadable(file)) {
          throw new ConfigException(
              "Config file "
                  + file
                  + " does not exist or is not readable. Pass an existing YAML file to --config.");
        }
        try {
          ConfigTree.merge(tree, YAML.readTree(file.toFile()), "", "config file " + file, origins);
        } catch (IOException e) {
          throw new ConfigException(
              "Config file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
      }
      if (inlineYaml != null) {
        try {
          ConfigTree.merge(tree, YAML.readTree(inlineYaml), "", "inline configuration", origins);
        } catch (IOException e) {
          throw new ConfigException("Inline configuration is not valid YAML: " + e.getMessage(), e);
        }
      }
      UnknownVariables.refuse(env, leaves);
      for (String key : leaves) {
        String value = env.get(envName(key));
        if (value != null) {
          ConfigTree.setPath(tree, key, ConfigTree.parseScalar(value));
          origins.put(key, "environment variable " + envName(key));
        }
      }
      overrides.forEach(
          (k, v) -> {
            ConfigTree.setPath(tree, k, YAML.valueToTree(v));
            origins.put(k, "the command line");
          });
      return new Config(tree, origins);
    }

    private static ObjectNode readDefaults() {
      try (InputStream in = Config.class.getResourceAsStream(DEFAULTS)) {
        if (in == null) {
          throw new IllegalStateException("missing " + DEFAULTS + " on the classpath");
        }
        return (ObjectNode) YAML.readTree(in);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + DEFAULTS, e);
      }
    }
  }

  /**
   * The environment variable that sets {@code key}: {@code http.port} is {@code VIGIA_HTTP_PORT}.
   */
  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Every key the defaults define, dotted. */
  public static List<String> knownKeys() {
    List<String> keys = new ArrayList<>();
    ConfigTree.collectLeaves(Builder.readDefaults(), "", keys);
    return keys;
  }

  /** The raw node at {@code key}; missing keys are a programming error. */
  public JsonNode node(String key) {
    JsonNode n = tree;
    for (String part : key.split("\\.")) {
      n = n.get(part);
      if (n == null) {
        throw new IllegalArgumentException("no config key '" + key + "' in " + DEFAULTS);
      }
    }
    return n;
  }

  public String string(String key) {
    JsonNode n = node(key);
    if (n.isNull()) {
      return "";
    }
    if (!n.isValueNode()) {
      throw invalid(key, "a single value");
    }
    return n.asText();
  }

  public Optional<String> optionalString(String key) {
    String s = string(key);
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  public boolean bool(String key) {
    JsonNode n = node(key);
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    String s = n.asText().trim().toLowerCase(Locale.ROOT);
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    throw invalid(key, "true or false");
  }

  public int integer(String key, int min, int max) {
    long v = longValue(key, min, max);
    return (int) v;
  }

  public long longValue(String key, long min, long max) {
    JsonNode n = node(key);
    long v;
    if (n.isIntegralNumber()) {
      v = n.longValue();
    } else {
      try {
        v = Long.parseLong(n.asText().trim());
      } catch (NumberFormatException e) {
        throw invalid(key, "a whole number from " + min + " to " + max);
      }
    }
    if (v < min || v > max) {
      throw invalid(key, "a whole number from " + min + " to " + max);
    }
    return v;
  }

  public double decimal(String key, double min, double max) {
    JsonNode n = node(key);
    double v;
    try {
      v = n.isNumber() ? n.doubleValue() : Double.parseDouble(n.asText().trim());
    } catch (NumberFormatException e) {
      throw invalid(key, "a number from " + min + " to " + max);
    }
    if (Double.isNaN(v) || v < min || v > max) {
      throw invalid(key, "a number from " + min + " to " + max);
    }
    return v;
  }

  /**
   * A duration written as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d} or
   * ISO-8601.
   */
  public Duration duration(String key, Duration min, Duration max) {
    String s = string(key).trim();
    Duration d;
    Matcher m = DURATION.matcher(s);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
    } else {
      try {
        d = Duration.parse(s);
      } catch (RuntimeException e) {
        throw invalid(key, "a duration such as 500ms, 30s, 5m, 2h or 7d");
      }
    }
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw invalid(key, "a duration from " + min + " to " + max);
    }
    return d;
  }

  public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    String s = string(key).trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      allowed.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    throw invalid(key, "one of " + String.join(", ", allowed));
  }

  /** Binds the subtree at {@code key} to a Jackson-mappable type (records work). */
  public <T> T bind(String key, Class<T> type) {
    try {
      return YAML.convertValue(node(key), type);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "Config key '"
              + key
              + "' (from "
              + origin(key)
              + ") does not fit: "
              + e.getMessage().split("\n")[0],
          e);
    }
  }

  /** Where the value of {@code key} came from, for error messages. */
  public String origin(String key) {
    for (String k = key; ; k = k.substring(0, k.lastIndexOf('.'))) {
      String o = origins.get(k);
      if (o != null) {
        return o;
      }
      if (!k.contains(".")) {
        return "the defaults";
      }
    }
  }

  /**
   * A {@link ConfigException} for {@code key}, saying what would be accepted and where to fix it.
   */
  public ConfigException invalid(String key, String expected) {
    JsonNode n = node(key);
    return new ConfigException(
        "Config key '"
            + key
            + "' is "
            + (n.isValueNode() ? "'" + n.asText() + "'" : n.toString())
            + " (from "
            + origin(key)
            + "), but must be "
            + expected
            + ". Fix it in your --config file or set "
            + envName(key)
            + ".");
  }

  /**
   * A secret given either inline ({@code key}) or in a file ({@code fileKey}, which wins); the
   * value never appears in messages.
   */
  public Optional<String> secret(String key, String fileKey) {
    String file = string(fileKey);
    if (!file.isBlank()) {
      try {
        return Optional.of(Files.readString(Path.of(file)).trim());
      } catch (IOException e) {
        throw new ConfigException(
            "Config key '"
                + fileKey
                + "' names "
                + file
                + ", which cannot be read ("
                + e.getMessage()
                + "). Point it at a readable file or set "
                + envName(key)
                + ".");
      }
    }
    return optionalString(key);
  }

  /** A copy with one key changed (origin: the command line). */
  public Config with(String key, Object value) {
    ObjectNode copy = tree.deepCopy();
    ConfigTree.setPath(copy, key, YAML.valueToTree(value));
    Map<String, String> o = new LinkedHashMap<>(origins);
    o.put(key, "the command line");
    return new Config(copy, o);
  }

  /** The whole tree, for diagnostics. */
  public JsonNode tree() {
    return tree.deepCopy();
  }
}
