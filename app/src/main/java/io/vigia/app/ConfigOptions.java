package io.vigia.app;

import io.vigia.common.config.Config;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that reads configuration shares. */
public final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML file overriding the defaults (see README, Configuration).")
  Path configFile;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data folder (default ./data; key data-dir).")
  Path dataDir;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT,...",
      description = "Kafka cluster to use (key kafka.bootstrap-servers).")
  String bootstrapServers;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "HTTP port (default 8080; key http.port).")
  Integer port;

  /** The configuration: defaults, then --config, then VIGIA_* variables, then these options. */
  public Config load() {
    Config.Builder b = Config.builder().env(System.getenv());
    if (configFile != null) {
      b.file(configFile);
    }
    if (dataDir != null) {
      b.set("data-dir", dataDir.toString());
    }
    if (bootstrapServers != null) {
      b.set("kafka.bootstrap-servers", bootstrapServers);
    }
    if (port != null) {
      b.set("http.port", port);
    }
    return b.build();
  }
}
