package io.vigia.common.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.config.Config;
import io.vigia.common.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The keys that may change something through the API, each with a name: what a change records as
 * its author (a correction's {@code by}). {@code http.api-key} (or {@code http.api-key-file}) is
 * the key named {@value #UNNAMED}; {@code http.api-keys} adds named ones ({@code {alice: KEY, desk:
 * KEY}}). No key at all leaves writes open, and their author is {@value #ANONYMOUS}.
 */
public final class ApiKeys {
  /** The author of a change when the API needs no key. */
  public static final String ANONYMOUS = "anonymous";

  /** The name of the single key of {@code http.api-key}. */
  public static final String UNNAMED = "default";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

  private final Map<String, byte[]> keysByName;

  private ApiKeys(Map<String, byte[]> keysByName) {
    this.keysByName = Map.copyOf(keysByName);
  }

  /** No key: writes are open. */
  public static ApiKeys none() {
    return new ApiKeys(Map.of());
  }

  /**
   * Keys by name.
   *
   * @throws IllegalArgumentException for a name that is not a short word or a blank or shared key
   */
  public static ApiKeys of(Map<String, String> keysByName) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    Map<String, String> nameOfKey = new LinkedHashMap<>();
    keysByName.forEach(
        (name, key) -> {
          if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                "API key name '"
                    + name
                    + "' must be a short word (letters, digits, . _ @ -), e.g. alice or news-desk");
          }
          if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("the API key named '" + name + "' is empty");
          }
          String other = nameOfKey.putIfAbsent(key.trim(), name);
          if (other != null) {
            throw new IllegalArgumentException(
                "the API keys named '"
                    + other
                    + "' and '"
                    + name
                    + "' are the same key: give each its own");
          }
          m.put(name, key.trim().getBytes(StandardCharsets.UTF_8));
        });
    return new ApiKeys(m);
  }

  /**
   * The keys of the configuration: {@code http.api-key} / {@code http.api-key-file} named {@value
   * #UNNAMED}, and {@code http.api-keys}.
   */
  public static ApiKeys from(Config config) {
    Map<String, String> keys = new LinkedHashMap<>();
    config
        .secret("http.api-key", "http.api-key-file")
        .filter(k -> !k.isBlank())
        .ifPresent(k -> keys.put(UNNAMED, k));
    JsonNode named = config.node("http.api-keys");
    if (named.isTextual() && named.asText().isBlank() || named.isNull()) {
      named = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    if (!named.isObject()) {
      throw config.invalid(
          "http.api-keys", "a mapping of name to key, e.g. {alice: KEY1, desk: KEY2}");
    }
    for (var it = named.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().isValueNode()) {
        throw config.invalid("http.api-keys", "a mapping of name to key (each key a string)");
      }
      if (keys.putIfAbsent(e.getKey(), e.getValue().asText()) != null) {
        throw config.invalid(
            "http.api-keys", "names other than '" + UNNAMED + "' (the name of http.api-key)");
      }
    }
    try {
      return of(keys);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "Config key 'http.api-keys' (from "
              + config.origin("http.api-keys")
              + "): "
              + e.getMessage()
              + ". Fix it in your --config file or set "
              + Config.envName("http.api-keys")
              + ".");
    }
  }

  /** Whether writes need a key. */
  public boolean required() {
    return !keysByName.isEmpty();
  }

  /**
   * The name of the key given in {@code Authorization: Bearer KEY} or {@code X-Api-Key: KEY} (read
   * through {@code header}), if it is one of these keys. Every key is compared in constant time.
   */
  public Optional<String> nameOf(Function<String, String> header) {
    String auth = header.apply("Authorization");
    String given =
        auth != null && auth.startsWith("Bearer ")
            ? auth.substring(7).trim()
            : header.apply("X-Api-Key");
    if (given == null) {
      return Optional.empty();
    }
    byte[] bytes = given.trim().getBytes(StandardCharsets.UTF_8);
    String found = null;
    for (Map.Entry<String, byte[]> e : keysByName.entrySet()) {
      if (MessageDigest.isEqual(e.getValue(), bytes)) {
        found = e.getKey();
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Who makes a change through {@code r}: the name of its key, or {@value #ANONYMOUS} when no key
   * is needed. (A request that needs a key and has none is refused before any handler runs.)
   */
  public String author(Request r) {
    if (!required()) {
      return ANONYMOUS;
    }
    return nameOf(h -> r.header(h).orElse(null)).orElse(ANONYMOUS);
  }
}
