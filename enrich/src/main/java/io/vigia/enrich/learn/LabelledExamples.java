package io.vigia.enrich.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Files of {@link LabelledExample}s, one JSON line each, and what identifies them (sha256). */
public final class LabelledExamples {
  static final ObjectMapper JSON = new ObjectMapper();

  private LabelledExamples() {}

  /**
   * Reads a file of examples; a bad line is an {@link IllegalArgumentException} naming the file and
   * line.
   */
  public static List<LabelledExample> read(Path file, String defaultTarget) throws IOException {
    List<LabelledExample> out = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode o = JSON.readTree(line);
        out.add(LabelledExample.fromJson(o, defaultTarget));
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " line " + n + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  public static void write(Path file, List<LabelledExample> examples) throws IOException {
    Files.writeString(file, lines(examples), StandardCharsets.UTF_8);
  }

  /** The examples as the JSON lines {@link #read} reads. */
  static String lines(List<LabelledExample> examples) {
    StringBuilder b = new StringBuilder();
    for (LabelledExample e : examples) {
      try {
        b.append(JSON.writeValueAsString(e.toJson())).append('\n');
      } catch (IOException x) {
        throw new java.io.UncheckedIOException(x);
      }
    }
    return b.toString();
  }

  /** {@code base} with {@code added} merged in by id: an added label replaces the base's. */
  public static List<LabelledExample> merge(
      List<LabelledExample> base, List<LabelledExample> added) {
    Map<String, LabelledExample> byId = new LinkedHashMap<>();
    for (LabelledExample e : base) {
      byId.merge(e.id(), e, LabelledExample::mergedWith);
    }
    for (LabelledExample e : added) {
      byId.merge(e.id(), e, LabelledExample::mergedWith);
    }
    return List.copyOf(byId.values());
  }

  public static String sha256(Path file) throws IOException {
    return sha256(Files.readAllBytes(file));
  }

  /** The sha256 of the examples written as JSON lines: what identifies examples read from Kafka. */
  public static String sha256(List<LabelledExample> examples) {
    return sha256(lines(examples).getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
