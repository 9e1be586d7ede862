package io.vigia.sink.opensearch;

import io.vigia.common.config.Config;

/** The {@code sink.opensearch.*} configuration. */
public record OpenSearchSettings(String url, String index, String username, String password,
    int bulkMaxDocs, long bulkMaxBytes, int maxRetries, java.nio.file.Path caFile) {

  public OpenSearchSettings(String url, String index, String username, String password, int bulkMaxDocs, long bulkMaxBytes,
      int maxRetries) {
    this(url, index, username, password, bulkMaxDocs, bulkMaxBytes, maxRetries, null);
  }

  public static OpenSearchSettings of(String url, String index) {
    return new OpenSearchSettings(url, index, null, null, 1000, 5L << 20, 5);
  }

  public static OpenSearchSettings from(Config c) {
    return new OpenSearchSettings(
        c.string("sink.opensearch.url"),
        c.string("sink.opensearch.index"),
        c.optionalString("sink.opensearch.username").orElse(null),
        c.secret("sink.opensearch.password", "sink.opensearch.password-file").orElse(null),
        c.integer("sink.opensearch.bulk-max-docs", 1, 100_000),
        c.longValue("sink.opensearch.bulk-max-bytes", 1024, 1L << 30),
        c.integer("sink.opensearch.max-retries", 0, 100),
        caFile(c));
  }

  private static java.nio.file.Path caFile(Config c) {
    String f = c.optionalString("sink.opensearch.ca-file").orElse("");
    if (f.isBlank()) {
      return null;
    }
    java.nio.file.Path p = java.nio.file.Path.of(f);
    if (!java.nio.file.Files.isReadable(p)) {
      throw c.invalid("sink.opensearch.ca-file", "a readable PEM file with the CA certificate of the cluster");
    }
    return p;
  }
}
