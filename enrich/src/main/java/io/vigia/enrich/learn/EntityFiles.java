package io.vigia.enrich.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.entities.KnowledgeBase;
import io.vigia.enrich.entities.KnowledgeBase.KnownEntity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes an {@link AliasLearner.Plan} into the knowledge-base files of a profile folder ({@code
 * entities.yaml} and the category files it includes). An entity written on one line, as the bundled
 * profile writes them ({@code - {id: Q1, name: X, type: ORG, aliases: [X]}}), is rewritten on that
 * one line, so the file keeps its comments, order and layout and the change reads as a one-line
 * diff; an entity written over several lines has its file rewritten whole (comments lost, said in a
 * first comment). The result is read back as a knowledge base, so a write that would not load, or
 * not hold the change, fails here rather than at the next start.
 */
final class EntityFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern PLAIN =
      Pattern.compile(
          "[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M} .'’()/&-]*[\\p{L}\\p{N}\\p{M}.)]|[\\p{L}\\p{N}]");
  private static final Set<String> RESERVED =
      Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

  private EntityFiles() {}

  /** Applies {@code plan} to the profile in {@code dir}. */
  static void apply(Path dir, AliasLearner.Plan plan) throws IOException {
    if (!plan.changes()) {
      return;
    }
    List<String> files = new ArrayList<>(List.of("entities.yaml"));
    JsonNode root = YAML.readTree(dir.resolve("entities.yaml").toFile());
    root.path("include").forEach(n -> files.add(n.asText().strip()));
    for (AliasLearner.Added a : plan.added()) {
      edit(dir, files, a.entityId(), e -> add(e, "aliases", a.alias()));
    }
    for (AliasLearner.Demoted d : plan.demoted()) {
      edit(
          dir,
          files,
          d.entityId(),
          e -> {
            remove(e, "aliases", d.alias());
            add(e, "weak", d.alias());
          });
    }
    check(dir, plan);
  }

  private interface Change {
    void apply(ObjectNode entity);
  }

  private static void edit(Path dir, List<String> files, String id, Change change)
      throws IOException {
    for (String f : files) {
      Path file = dir.resolve(f);
      String yaml = Files.readString(file, StandardCharsets.UTF_8);
      if (!yaml.contains(id)) {
        continue;
      }
      String[] lines = yaml.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        int open = lines[i].indexOf('{');
        int close = lines[i].lastIndexOf('}');
        if (!lines[i].stripLeading().startsWith("- {") || close < open || !lines[i].contains(id)) {
          continue;
        }
        JsonNode entry = YAML.readTree(lines[i].substring(open, close + 1));
        if (entry instanceof ObjectNode o && id.equals(o.path("id").asText())) {
          change.apply(o);
          lines[i] = lines[i].substring(0, open) + flow(o) + lines[i].substring(close + 1);
          Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
          return;
        }
      }
      // Not on one line: rewrite the file as a whole.
      JsonNode tree = YAML.readTree(yaml);
      for (JsonNode e : tree.path("entities")) {
        if (e instanceof ObjectNode o && id.equals(o.path("id").asText())) {
          change.apply(o);
          Files.writeString(
              file,
              "# Rewritten by vigia learn (which added or moved a name); earlier comments were dropped.\n"
                  + YAML.writeValueAsString(tree),
              StandardCharsets.UTF_8);
          return;
        }
      }
    }
    throw new IllegalStateException("no entity " + id + " in the knowledge base files of " + dir);
  }

  private static void add(ObjectNode e, String list, String name) {
    JsonNode l = e.get(list);
    ArrayNode a = l instanceof ArrayNode arr ? arr : e.putArray(list);
    for (JsonNode n : a) {
      if (AliasLearner.key(n.asText()).equals(AliasLearner.key(name))) {
        return;
      }
    }
    a.add(name);
  }

  private static void remove(ObjectNode e, String list, String name) {
    if (e.get(list) instanceof ArrayNode a) {
      for (Iterator<JsonNode> it = a.iterator(); it.hasNext(); ) {
        if (AliasLearner.key(it.next().asText()).equals(AliasLearner.key(name))) {
          it.remove();
        }
      }
    }
  }

  /** One entity as a YAML flow mapping, its fields in their order. */
  static String flow(ObjectNode o) {
    StringBuilder b = new StringBuilder("{");
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      b.append(f.getKey()).append(": ");
      if (f.getValue().isArray()) {
        b.append('[');
        int i = 0;
        for (JsonNode n : f.getValue()) {
          b.append(i++ == 0 ? "" : ", ").append(scalar(n.asText()));
        }
        b.append(']');
      } else {
        b.append(scalar(f.getValue().asText()));
      }
      b.append(it.hasNext() ? ", " : "");
    }
    return b.append('}').toString();
  }

  /** A string plain when YAML reads it back as the same string, else double-quoted. */
  static String scalar(String s) {
    boolean plain =
        PLAIN.matcher(s).matches()
            && !RESERVED.contains(s.toLowerCase(Locale.ROOT))
            && !s.matches("[0-9.+-]+");
    if (plain) {
      return s;
    }
    try {
      return new ObjectMapper().writeValueAsString(s); // a JSON string is a YAML double-quoted one
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads the written profile back: it must load, and hold every change. */
  private static void check(Path dir, AliasLearner.Plan plan) {
    KnowledgeBase kb = KnowledgeBase.fromProfile(WatchProfile.load(dir.toString()));
    for (AliasLearner.Added a : plan.added()) {
      KnownEntity e = find(kb, a.entityId());
      if (e.aliases().stream().noneMatch(x -> x.equals(a.alias()))) {
        throw new IllegalStateException(
            "the alias \""
                + a.alias()
                + "\" of "
                + a.entityId()
                + " did not read back from "
                + dir);
      }
    }
    for (AliasLearner.Demoted d : plan.demoted()) {
      KnownEntity e = find(kb, d.entityId());
      if (e.aliases().contains(d.alias()) || !e.weak().contains(d.alias())) {
        throw new IllegalStateException(
            "the weak name \""
                + d.alias()
                + "\" of "
                + d.entityId()
                + " did not read back from "
                + dir);
      }
    }
  }

  private static KnownEntity find(KnowledgeBase kb, String id) {
    return kb.entities().stream()
        .filter(e -> e.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("entity " + id + " vanished"));
  }
}
