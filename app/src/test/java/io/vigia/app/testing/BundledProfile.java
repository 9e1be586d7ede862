package io.vigia.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.common.profile.WatchProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The bundled watch profile copied to a folder, for tests that then change a file of it. */
public final class BundledProfile {
  private static final String NAME = "venezuela-elections";

  private BundledProfile() {}

  /** Copies every file of the bundled profile into {@code dir} and returns {@code dir}. */
  public static Path copyTo(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("entities"));
    List<String> files =
        new ArrayList<>(
            List.of(
                "profile.yaml",
                "relevance.yaml",
                "entities.yaml",
                "stance.yaml",
                "stance-model.json",
                "figures.yaml"));
    // entities.yaml includes the knowledge base's category files: the copy needs them too.
    WatchProfile.load(NAME)
        .readTree("entities.yaml")
        .orElseThrow()
        .path("include")
        .forEach(inc -> files.add(inc.asText()));
    for (String f : files) {
      try (InputStream in =
          BundledProfile.class.getResourceAsStream("/profiles/" + NAME + "/" + f)) {
        assertThat(in).as(f).isNotNull();
        Files.copy(in, dir.resolve(f));
      }
    }
    return dir;
  }
}
