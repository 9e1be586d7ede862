package io.vigia.common.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigia.common.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the pipeline watches, as data: a folder holding {@code profile.yaml} (name, feeds, stance
 * targets) and one file per concern that the stages read themselves ({@code relevance.yaml}, {@code
 * entities.yaml}, {@code stance.yaml}). Bundled profiles live on the classpath under {@code
 * profiles/NAME/}; any folder with the same files works as well.
 */
public final class WatchProfile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String name;
  private final int version;
  private final String description;
  private final List<FeedSpec> feeds;
  private final List<String> targets;
  private final Path dir; // null for a bundled profile
  private final String resourceBase;

  private WatchProfile(
      String name,
      int version,
      String description,
      List<FeedSpec> feeds,
      List<String> targets,
      Path dir,
      String resourceBase) {
    this.name = name;
    this.version = version;
    this.description = description;
    this.feeds = List.copyOf(feeds);
    this.targets = List.copyOf(targets);
    this.dir = dir;
    this.resourceBase = resourceBase;
  }

  /** Loads {@code ref}: a bundled profile name or a directory path. */
  public static WatchProfile load(String ref) {
    Objects.requireNonNull(ref, "profile");
    Path path = Path.of(ref);
    if (Files.isDirectory(path)) {
      Path file = path.resolve("profile.yaml");
      if (!Files.isReadable(file)) {
        throw new ConfigException(
            "Profile folder "
                + path
                + " has no readable profile.yaml. Copy a bundled profile (README, Watch profiles) and edit it.");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return parse(YAML.readTree(in), path, null, ref);
      } catch (IOException e) {
        throw new ConfigException("Profile " + file + " is not valid YAML: " + e.getMessage(), e);
      }
    }
    String base = "/profiles/" + ref + "/";
    try (InputStream in = WatchProfile.class.getResourceAsStream(base + "profile.yaml")) {
      if (in == null) {
        throw new ConfigException(
            "No watch profile '"
                + ref
                + "': it is neither a folder nor a bundled profile. "
                + "Set 'profile' to a bundled name (venezuela-elections) or to a folder holding profile.yaml.");
      }
      return parse(YAML.readTree(in), null, base, ref);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static WatchProfile parse(JsonNode root, Path dir, String base, String ref) {
    if (root == null || !root.isObject()) {
      throw new ConfigException("Profile " + ref + ": profile.yaml must be a YAML mapping.");
    }
    String name = root.path("name").asText(ref);
    List<FeedSpec> feeds = new ArrayList<>();
    for (JsonNode f : root.path("feeds")) {
      try {
        feeds.add(
            new FeedSpec(
                f.path("url").asText(null),
                f.path("name").asText(null),
                f.path("language").asText(null)));
      } catch (RuntimeException e) {
        throw new ConfigException(
            "Profile "
                + ref
                + ": feed "
                + f
                + " is invalid: "
                + e.getMessage()
                + ". Each feed needs an http(s) url.",
            e);
      }
    }
    List<String> targets = new ArrayList<>();
    for (JsonNode t : root.path("targets")) {
      targets.add(t.isObject() ? t.path("id").asText() : t.asText());
    }
    return new WatchProfile(
        name, version(root, ref), root.path("description").asText(""), feeds, targets, dir, base);
  }

  /**
   * The profile's {@code version:}, a whole number that {@code vigia learn} raises with every
   * version it writes; 0 for a profile without one (hand-made profiles, those older than versions).
   */
  private static int version(JsonNode root, String ref) {
    JsonNode v = root.get("version");
    if (v == null || v.isNull()) {
      return 0;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
      throw new ConfigException(
          "Profile "
              + ref
              + ": version "
              + v
              + " is not a whole number ≥ 0. Write e.g. `version: 2`, or remove the line (version 0).");
    }
    return v.asInt();
  }

  public String name() {
    return name;
  }

  /** The profile's version ({@code version:} in profile.yaml; 0 when absent). */
  public int version() {
    return version;
  }

  public String description() {
    return description;
  }

  public List<FeedSpec> feeds() {
    return feeds;
  }

  /** Stance targets, e.g. {@code maduro-government}. */
  public List<String> targets() {
    return targets;
  }

  /** Opens one of the profile's files ({@code entities.yaml}, ...), if the profile has it. */
  public Optional<InputStream> open(String file) {
    try {
      if (dir != null) {
        Path p = dir.resolve(file);
        return Files.isReadable(p) ? Optional.of(Files.newInputStream(p)) : Optional.empty();
      }
      return Optional.ofNullable(WatchProfile.class.getResourceAsStream(resourceBase + file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one of the profile's YAML/JSON files as a tree, or empty when the profile lacks it. */
  public Optional<JsonNode> readTree(String file) {
    Optional<InputStream> in = open(file);
    if (in.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream s = in.get()) {
      return Optional.of(YAML.readTree(s));
    } catch (IOException e) {
      throw new ConfigException(
          "Profile " + name + ": " + file + " is not valid YAML/JSON: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "WatchProfile[" + name + "]";
  }
}
