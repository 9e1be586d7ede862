package io.vigia.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.common.profile.WatchProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile's {@code conflicts: {across-stories}} reaches the analyzer both paths are built from
 * (the topology and {@code vigia enrich --input}): off in the bundled profile, on in a copy that
 * says so, as an analyst runs it with {@code vigia enrich --profile DIR}.
 */
class ConflictsAcrossStoriesProfileTest {
  private static final Path BUNDLED = Path.of("..", "profiles", "venezuela-elections");

  @Test
  void shouldBeOffInTheBundledProfile() {
    assertThat(
            ArticleAnalyzers.fromProfile(WatchProfile.load("venezuela-elections"))
                .conflictsAcrossStories())
        .isFalse();
  }

  @Test
  void shouldBeOnInACopyOfTheProfileThatTurnsItOn(@TempDir Path tmp) throws IOException {
    Path dir = copyWith(tmp, "across-stories: true");
    assertThat(
            ArticleAnalyzers.fromProfile(WatchProfile.load(dir.toString()))
                .conflictsAcrossStories())
        .isTrue();
  }

  @Test
  void shouldNameTheFileAndTheAllowedValuesOfABadOne(@TempDir Path tmp) throws IOException {
    Path dir = copyWith(tmp, "across-stories: sometimes");
    WatchProfile profile = WatchProfile.load(dir.toString());
    assertThatThrownBy(() -> ArticleAnalyzers.fromProfile(profile))
        .hasMessageContaining("figures.yaml conflicts: across-stories 'sometimes'")
        .hasMessageContaining("is none of [true, false]");
  }

  /** The bundled profile copied to a folder, its across-stories line replaced by {@code line}. */
  private static Path copyWith(Path tmp, String line) throws IOException {
    Path dir = tmp.resolve("profile");
    try (Stream<Path> files = Files.walk(BUNDLED)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = dir.resolve(BUNDLED.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    Path figures = dir.resolve("figures.yaml");
    String text = Files.readString(figures);
    assertThat(text).contains("  across-stories: false\n");
    Files.writeString(figures, text.replace("  across-stories: false\n", "  " + line + "\n"));
    return dir;
  }
}
