package io.vigia.sink;

import io.vigia.common.config.Config;
import java.nio.file.Path;

/** The sink's configuration, validated at start. */
public record SinkSettings(Backend backend, String groupId, Path luceneDir, String instanceId) {

  public SinkSettings(Backend backend, String groupId, Path luceneDir) {
    this(backend, groupId, luceneDir, "");
  }

  public enum Backend { LUCENE, OPENSEARCH }

  public static SinkSettings from(Config c) {
    Path dir = Path.of(c.string("sink.lucene.dir"));
    if (!dir.isAbsolute()) {
      dir = Path.of(c.string("data-dir")).resolve(dir);
    }
    return new SinkSettings(c.enumValue("sink.backend", Backend.class), c.string("sink.group-id"), dir, c.string("instance-id"));
  }
}
