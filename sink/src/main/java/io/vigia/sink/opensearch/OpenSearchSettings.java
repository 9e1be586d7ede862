package io.vigia.sink.opensearch;

import io.vigia.common.config.Config;

/** The {@code sink.opensearch.*} configuration. */
public record OpenSearchSettings(
    String url,
    String index,
    String username,
    String password,
    int bulkMaxDocs,
    long bulkMaxBytes,
    int maxRetries,
    java.nio.file.Path caFile) {

  public OpenSearchSettings(
      String url,
      String index,
      String username,
      String password,
      int bulkMaxDocs,
      long bulkMaxBytes,
      int maxRetries) {
    this(url, index, username, password, bulkMaxDocs, bulkMaxBytes, maxRetries, null);
  }

  /** The same cluster and client settings for another index (or alias) name. */
  public OpenSearchSettings withIndex(String other) {
    return new OpenSearchSettings(
        url, other, username, password, bulkMaxDocs, bulkMaxBytes, maxRetries, caFile);
  }

  public static OpenSearchSettings of(String url, String index) {
    return new OpenSearchSettings(url, index, null, null, 1000, 5L << 20, 5);
  }

  public static OpenSearchSettings from(Config c) {
    return new OpenSearchSettings(
        url(c),
        c.string("sink.opensearch.index"),
        c.optionalString("sink.opensearch.username").orElse(null),
        c.secret("sink.opensearch.password", "sink.opensearch.password-file").orElse(null),
        c.integer("sink.opensearch.bulk-max-docs", 1, 100_000),
        c.longValue("sink.opensearch.bulk-max-bytes", 1024, 1L << 30),
        c.integer("sink.opensearch.max-retries", 0, 100),
        caFile(c));
  }

  /**
   * The cluster's base URL, checked at start: http or https with a host. Credentials in it are
   * refused rather than used or dropped silently: they would print wherever the URL does (logs and
   * errors), and the client would ignore them anyway.
   */
  private static String url(Config c) {
    String key = "sink.opensearch.url";
    String url = c.string(key).trim();
    java.net.URI uri;
    try {
      uri = new java.net.URI(url);
    } catch (java.net.URISyntaxException e) {
      throw c.invalid(key, "an http or https URL such as http://127.0.0.1:9200");
    }
    if (uri.getRawUserInfo() != null) {
      throw new io.vigia.common.config.ConfigException(
          key
              + " carries credentials; put the user in sink.opensearch.username and "
              + "the password in sink.opensearch.password-file (or VIGIA_SINK_OPENSEARCH_PASSWORD), and the URL without them");
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw c.invalid(key, "an http or https URL such as http://127.0.0.1:9200");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Never the password: settings get logged and printed in errors. */
  @Override
  public String toString() {
    return "OpenSearchSettings[url="
        + url
        + ", index="
        + index
        + ", username="
        + username
        + ", password="
        + (password == null || password.isEmpty() ? "none" : "(redacted)")
        + ", bulkMaxDocs="
        + bulkMaxDocs
        + ", bulkMaxBytes="
        + bulkMaxBytes
        + ", maxRetries="
        + maxRetries
        + ", caFile="
        + caFile
        + "]";
  }

  private static java.nio.file.Path caFile(Config c) {
    String f = c.optionalString("sink.opensearch.ca-file").orElse("");
    if (f.isBlank()) {
      return null;
    }
    java.nio.file.Path p = java.nio.file.Path.of(f);
    if (!java.nio.file.Files.isReadable(p)) {
      throw c.invalid(
          "sink.opensearch.ca-file", "a readable PEM file with the CA certificate of the cluster");
    }
    return p;
  }
}
