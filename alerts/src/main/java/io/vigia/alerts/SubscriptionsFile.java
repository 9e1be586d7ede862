package io.vigia.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigia.common.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subscriptions written as YAML ({@code alerts.subscriptions-file}): a list under {@code
 * subscriptions:}, each the same object the API takes. {@code ${NAME}} is replaced by the
 * environment variable NAME, so secrets need not be written in the file. Without an {@code id}, the
 * id is made from the name, so reloading the file replaces rather than adds.
 */
public final class SubscriptionsFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private SubscriptionsFile() {}

  public static List<Subscription> read(Path file, Map<String, String> env, Instant now) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(
          "alerts.subscriptions-file "
              + file
              + " cannot be read ("
              + e.getMessage()
              + "). Point it at a readable YAML file or leave it empty.");
    }
    Matcher m = VARIABLE.matcher(text);
    StringBuilder expanded = new StringBuilder();
    while (m.find()) {
      String value = env.get(m.group(1));
      if (value == null) {
        throw new ConfigException(
            file + " uses ${" + m.group(1) + "}, but that environment variable is not set.");
      }
      m.appendReplacement(expanded, Matcher.quoteReplacement(value));
    }
    m.appendTail(expanded);
    JsonNode root;
    try {
      root = YAML.readTree(expanded.toString());
    } catch (IOException e) {
      throw new ConfigException(file + " is not valid YAML: " + e.getMessage().split("\n")[0]);
    }
    if (root == null || !root.path("subscriptions").isArray()) {
      throw new ConfigException(
          file + " must hold a list under 'subscriptions:' (see docs/alerts.md).");
    }
    List<Subscription> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int i = 0;
    for (JsonNode n : root.get("subscriptions")) {
      i++;
      try {
        Subscription s = Subscription.fromJson(n, Subscription.slug(n.path("name").asText()), now);
        if (!ids.add(s.id())) {
          throw new IllegalArgumentException("id '" + s.id() + "' is used twice");
        }
        out.add(s);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(file + ": subscription " + i + ": " + e.getMessage());
      }
    }
    return out;
  }
}
