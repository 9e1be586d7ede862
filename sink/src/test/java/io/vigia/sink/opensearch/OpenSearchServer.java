package io.vigia.sink.opensearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real OpenSearch for integration tests: the one at {@code VIGIA_TEST_OPENSEARCH_URL} when set,
 * else one started (and later stopped) with {@code .ci/opensearch.sh} from the repository root.
 */
final class OpenSearchServer implements AutoCloseable {
  private final String url;
  private final Path script;
  private final Path dir;

  private OpenSearchServer(String url, Path script, Path dir) {
    this.url = url;
    this.script = script;
    this.dir = dir;
  }

  static OpenSearchServer start() throws IOException, InterruptedException {
    String given = System.getenv("VIGIA_TEST_OPENSEARCH_URL");
    if (given != null && !given.isBlank()) {
      return new OpenSearchServer(given, null, null);
    }
    Path root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve(".ci/opensearch.sh"))) {
      root = root.getParent();
      if (root == null) {
        throw new IllegalStateException(".ci/opensearch.sh not found above " + Path.of("").toAbsolutePath());
      }
    }
    Path script = root.resolve(".ci/opensearch.sh");
    Path dir = Files.createTempDirectory("vigia-opensearch"); // reachable by the unprivileged user the script runs it as
    Process p = new ProcessBuilder(List.of("bash", script.toString(), "start", dir.toString()))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (p.waitFor() != 0) {
      new ProcessBuilder(List.of("bash", script.toString(), "stop", dir.toString())).inheritIO().start().waitFor();
      throw new IllegalStateException("could not start OpenSearch with " + script + ": " + out);
    }
    String[] lines = out.split("\n");
    return new OpenSearchServer(lines[lines.length - 1].trim(), script, dir);
  }

  String url() {
    return url;
  }

  @Override
  public void close() {
    if (script == null) {
      return;
    }
    try {
      new ProcessBuilder(List.of("bash", script.toString(), "stop", dir.toString())).inheritIO().start().waitFor();
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not stop OpenSearch: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
