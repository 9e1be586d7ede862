package io.vigia.enrich;

import io.vigia.common.config.Config;
import io.vigia.enrich.dedup.DedupSettings;
import java.nio.file.Path;

/** Enrich's configuration, validated at start. */
public record EnrichSettings(
    String applicationId,
    Path stateDir,
    String profileName,
    String instanceId,
    DedupSettings dedup) {

  public EnrichSettings(String applicationId, Path stateDir, String profileName) {
    this(applicationId, stateDir, profileName, "", DedupSettings.defaults());
  }

  public static EnrichSettings from(Config c, String profileName) {
    String appId = c.string("enrich.application-id");
    if (!appId.matches("[a-zA-Z0-9._-]+")) {
      throw c.invalid("enrich.application-id", "letters, digits, '.', '_' or '-'");
    }
    return new EnrichSettings(
        appId,
        Path.of(c.string("data-dir")).resolve("streams"),
        profileName,
        c.string("instance-id"),
        DedupSettings.from(c));
  }
}
