package io.vigia.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The key tree's operations that build a {@link Config} from its layers: listing its dotted keys,
 * merging a layer onto it (refusing keys the defaults do not have), setting one key, reading an
 * environment variable's text as YAML.
 */
final class ConfigTree {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigTree() {}

  static void collectLeaves(JsonNode node, String prefix, List<String> out) {
    if (node.isObject() && node.size() > 0) {
      node.fields()
          .forEachRemaining(e -> collectLeaves(e.getValue(), join(prefix, e.getKey()), out));
    } else {
      out.add(prefix);
    }
  }

  static void merge(
      ObjectNode target,
      JsonNode source,
      String prefix,
      String origin,
      Map<String, String> origins) {
    if (source == null || source.isNull() || source.isMissingNode()) {
      return;
    }
    if (!source.isObject()) {
      throw new ConfigException(
          "The " + origin + " must be a YAML mapping of keys, e.g. 'http:\\n  port: 8080'.");
    }
    Iterator<Map.Entry<String, JsonNode>> it = source.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = join(prefix, e.getKey());
      JsonNode existing = target.get(e.getKey());
      if (existing == null) {
        throw new ConfigException(
            "Unknown config key '"
                + key
                + "' in the "
                + origin
                + ". Known keys are listed in vigia-defaults.yaml (see README, Configuration)"
                + suggestion(target, e.getKey())
                + ".");
      }
      if (existing.isObject() && existing.size() > 0 && e.getValue().isObject()) {
        merge((ObjectNode) existing, e.getValue(), key, origin, origins);
      } else {
        target.set(e.getKey(), e.getValue());
        origins.put(key, origin);
      }
    }
  }

  private static String suggestion(JsonNode parent, String key) {
    List<String> names = new ArrayList<>();
    parent.fieldNames().forEachRemaining(names::add);
    return names.isEmpty() ? "" : "; at this level: " + String.join(", ", names);
  }

  static void setPath(ObjectNode tree, String key, JsonNode value) {
    String[] parts = key.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (!(child instanceof ObjectNode)) {
        child = node.putObject(parts[i]);
      }
      node = (ObjectNode) child;
    }
    node.set(parts[parts.length - 1], value);
  }

  static JsonNode parseScalar(String value) {
    try {
      JsonNode n = YAML.readTree(value);
      return n == null || n.isMissingNode() ? JsonNodeFactory.instance.textNode(value) : n;
    } catch (IOException e) {
      return JsonNodeFactory.instance.textNode(value);
    }
  }

  static String join(String prefix, String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }
}
