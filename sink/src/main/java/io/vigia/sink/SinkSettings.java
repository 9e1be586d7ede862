package io.vigia.sink;

import io.vigia.common.config.Config;
import io.vigia.sink.opensearch.OpenSearchSettings;
import java.nio.file.Path;

/** The sink's configuration, validated at start. */
public record SinkSettings(
    Backend backend,
    String groupId,
    Path luceneDir,
    String instanceId,
    OpenSearchSettings openSearch) {

  public SinkSettings(Backend backend, String groupId, Path luceneDir) {
    this(backend, groupId, luceneDir, "", null);
  }

  public SinkSettings(Backend backend, String groupId, Path luceneDir, String instanceId) {
    this(backend, groupId, luceneDir, instanceId, null);
  }

  public enum Backend {
    LUCENE,
    OPENSEARCH
  }

  public static SinkSettings from(Config c) {
    Path dir = Path.of(c.string("sink.lucene.dir"));
    if (!dir.isAbsolute()) {
      dir = Path.of(c.string("data-dir")).resolve(dir);
    }
    return new SinkSettings(
        c.enumValue("sink.backend", Backend.class),
        c.string("sink.group-id"),
        dir,
        c.string("instance-id"),
        c.enumValue("sink.backend", Backend.class) == Backend.OPENSEARCH
            ? OpenSearchSettings.from(c)
            : null);
  }
}
