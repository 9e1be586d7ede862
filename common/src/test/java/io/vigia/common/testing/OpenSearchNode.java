package io.vigia.common.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real OpenSearch for integration and fault tests: the one at {@code VIGIA_TEST_OPENSEARCH_URL}
 * when set, else one started (and later stopped) with {@code .ci/opensearch.sh} (Maven Central's
 * integ-test distribution, run as an unprivileged user when we are root), which can also be frozen
 * (SIGSTOP: sockets accept, nothing answers, as a hung node) and let go again.
 */
public final class OpenSearchNode implements AutoCloseable {
  private final Path script;
  private final Path dir;
  private final String url;

  private OpenSearchNode(Path script, Path dir, String url) {
    this.script = script;
    this.dir = dir;
    this.url = url;
  }

  public static OpenSearchNode start() throws IOException, InterruptedException {
    String given = System.getenv("VIGIA_TEST_OPENSEARCH_URL");
    if (given != null && !given.isBlank()) {
      return new OpenSearchNode(null, null, given.trim());
    }
    return startOwn(0);
  }

  /**
   * One started here on {@code port} (a test that points Vigía at the address before anything
   * listens there), whatever {@code VIGIA_TEST_OPENSEARCH_URL} says.
   */
  public static OpenSearchNode startOn(int port) throws IOException, InterruptedException {
    return startOwn(port);
  }

  private static OpenSearchNode startOwn(int port) throws IOException, InterruptedException {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve(".ci/opensearch.sh"))) {
      root = root.getParent();
      if (root == null) {
        throw new IllegalStateException(
            ".ci/opensearch.sh not found above " + Path.of("").toAbsolutePath());
      }
    }
    Path script = root.resolve(".ci/opensearch.sh");
    Path dir = Files.createTempDirectory("vigia-os-fault");
    OpenSearchNode node = new OpenSearchNode(script, dir, null);
    String out = node.run("start", port);
    String[] lines = out.trim().split("\n");
    return new OpenSearchNode(script, dir, lines[lines.length - 1].trim());
  }

  public String url() {
    return url;
  }

  /** Freezes the server process. */
  public void pause() throws IOException, InterruptedException {
    run("pause");
  }

  public void resume() throws IOException, InterruptedException {
    run("resume");
  }

  private String run(String command) throws IOException, InterruptedException {
    return run(command, 0);
  }

  private String run(String command, int port) throws IOException, InterruptedException {
    if (script == null) {
      throw new UnsupportedOperationException(
          "the OpenSearch at VIGIA_TEST_OPENSEARCH_URL is not ours to " + command);
    }
    List<String> cmd = new ArrayList<>(List.of("bash", script.toString(), command, dir.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
    if (port > 0) {
      pb.environment().put("OPENSEARCH_HTTP_PORT", String.valueOf(port));
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(script + " " + command + " failed: " + out);
    }
    return out;
  }

  @Override
  public void close() {
    if (script == null) {
      return;
    }
    try {
      run("resume");
    } catch (RuntimeException | IOException | InterruptedException e) {
      // not paused, or already gone
    }
    try {
      run("stop");
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
