package io.vigia.app.reprocess;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.vigia.common.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One reprocessing run as it is remembered on disk ({@code DATA/reprocess/run.json}), so a process
 * killed in the middle resumes it at the next start: which run (its number names the application
 * id, the topics and the index version), with which profile, since when, the raw end offsets it
 * must reach before it switches the alias, and how far it got.
 *
 * @param run the run's number: application id {@code <enrich.application-id>-reprocess-N}, topics
 *     {@code vigia.reprocess.rN.*}, index version N
 * @param profile the profile folder given, or null for the configured profile
 * @param since only articles published since; null for all
 * @param rawTargets per raw partition, the end offset taken when the run started
 * @param rawBeginnings per raw partition, the first offset the run reads: the first the topic still
 *     held then, or with {@code since} the first stored a day before it
 * @param phase where the run is
 */
public record ReprocessRun(
    int run,
    String profile,
    Instant since,
    Map<Integer, Long> rawTargets,
    Map<Integer, Long> rawBeginnings,
    Phase phase,
    Instant startedAt,
    Instant switchedAt,
    Instant finishedAt) {

  public enum Phase {
    /** Re-enriching history into the new index version; the live one still serves searches. */
    CATCHING_UP,
    /** The alias points at the new version; finishing what arrived before the switch. */
    SWITCHED,
    DONE
  }

  public ReprocessRun {
    Objects.requireNonNull(rawTargets, "rawTargets");
    Objects.requireNonNull(rawBeginnings, "rawBeginnings");
    Objects.requireNonNull(phase, "phase");
    rawTargets = Map.copyOf(rawTargets);
    rawBeginnings = Map.copyOf(rawBeginnings);
  }

  /** Raw records the run has to read to catch up. */
  @JsonIgnore
  public long total() {
    long t = 0;
    for (Map.Entry<Integer, Long> e : rawTargets.entrySet()) {
      t += Math.max(0, e.getValue() - rawBeginnings.getOrDefault(e.getKey(), 0L));
    }
    return t;
  }

  /** Switched at {@code at}; still to reach the raw end offsets {@code targets} taken then. */
  ReprocessRun switched(Instant at, Map<Integer, Long> targets) {
    return new ReprocessRun(
        run, profile, since, targets, rawBeginnings, Phase.SWITCHED, startedAt, at, finishedAt);
  }

  ReprocessRun done(Instant at) {
    return new ReprocessRun(
        run, profile, since, rawTargets, rawBeginnings, Phase.DONE, startedAt, switchedAt, at);
  }

  static Path file(Path dataDir) {
    return dataDir.resolve("reprocess").resolve("run.json");
  }

  /** The last run recorded under {@code dataDir}, if any. */
  static Optional<ReprocessRun> read(Path dataDir) {
    Path f = file(dataDir);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.MAPPER.readValue(f.toFile(), ReprocessRun.class));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read "
              + f
              + " ("
              + e.getMessage()
              + "); fix: delete it to forget the unfinished reprocessing run",
          e);
    }
  }

  /** Records the run atomically (written beside, then renamed over the previous record). */
  void write(Path dataDir) {
    Path f = file(dataDir);
    try {
      Files.createDirectories(f.getParent());
      Path tmp = f.resolveSibling("run.json.tmp");
      Files.write(tmp, Json.MAPPER.writeValueAsBytes(this));
      Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the reprocessing run in " + f, e);
    }
  }
}
