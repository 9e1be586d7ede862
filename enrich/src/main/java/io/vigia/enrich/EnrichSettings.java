package io.vigia.enrich;

import io.vigia.common.config.Config;
import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.dedup.DedupSettings;
import java.nio.file.Path;

/** Enrich's configuration, validated at start. */
public record EnrichSettings(
    String applicationId,
    Path stateDir,
    String profileName,
    String instanceId,
    DedupSettings dedup,
    int profileVersion) {

  public EnrichSettings(String applicationId, Path stateDir, String profileName) {
    this(applicationId, stateDir, profileName, "", DedupSettings.defaults());
  }

  public EnrichSettings(
      String applicationId,
      Path stateDir,
      String profileName,
      String instanceId,
      DedupSettings dedup) {
    this(applicationId, stateDir, profileName, instanceId, dedup, 0);
  }

  /** The settings for the profile that judges: its name and version go on every record. */
  public static EnrichSettings from(Config c, WatchProfile profile) {
    return from(c, profile.name()).withProfileVersion(profile.version());
  }

  public EnrichSettings withProfileVersion(int version) {
    return new EnrichSettings(applicationId, stateDir, profileName, instanceId, dedup, version);
  }

  /** The same settings under another application id (fresh Streams state, own consumer group). */
  public EnrichSettings withApplicationId(String id) {
    return new EnrichSettings(id, stateDir, profileName, instanceId, dedup, profileVersion);
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
