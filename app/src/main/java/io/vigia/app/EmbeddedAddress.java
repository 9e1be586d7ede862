package io.vigia.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code vigia run}'s embedded broker listens, written into the data folder so that commands
 * run next to it (e.g. {@code vigia replay-irrelevant}) find it without configuration.
 */
final class EmbeddedAddress {
  static final String FILE = "kafka.address";

  private EmbeddedAddress() {}

  static void write(Path dataDir, String bootstrap) {
    try {
      Files.writeString(dataDir.resolve(FILE), bootstrap + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dataDir.resolve(FILE), e);
    }
  }

  static Optional<String> read(Path dataDir) {
    Path f = dataDir.resolve(FILE);
    try {
      return Files.isRegularFile(f)
          ? Optional.of(Files.readString(f).trim()).filter(s -> !s.isEmpty())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
