package io.vigia.app.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Vigía command running as its own operating-system process from the runnable jar, as an
 * operator runs it; {@link #kill()} is a real {@code kill -9}.
 */
public final class StageProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final String name;

  private StageProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** The jar built by {@code package}; integration tests run after it. */
  public static Path jar() {
    Path jar = Path.of("target", "vigia.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no " + jar + ": integration tests run after `package` (./mvnw verify)");
    }
    return jar;
  }

  public static StageProcess start(
      String name, Path logDir, Map<String, String> env, String heap, String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar().toString()));
    cmd.addAll(List.of(args));
    try {
      Files.createDirectories(logDir);
      Path log = logDir.resolve(name + ".log");
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.environment().keySet().removeIf(k -> k.startsWith("VIGIA_"));
      pb.environment().putAll(env);
      return new StageProcess(name, pb.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String name() {
    return name;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** kill -9: no shutdown hook, no flush, no commit. */
  public void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** SIGTERM: the graceful stop an orchestrator sends. */
  public void stop() {
    process.destroy();
    waitFor();
  }

  private void waitFor() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join(
          System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  public File logFile() {
    return log.toFile();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }
}
