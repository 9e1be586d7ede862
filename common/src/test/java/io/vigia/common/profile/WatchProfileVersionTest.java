package io.vigia.common.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.common.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchProfileVersionTest {
  @TempDir Path dir;

  private WatchProfile profileWith(String yaml) throws Exception {
    Files.writeString(dir.resolve("profile.yaml"), yaml);
    return WatchProfile.load(dir.toString());
  }

  @Test
  void shouldReadTheVersionOfAProfile() throws Exception {
    assertThat(profileWith("name: p\nversion: 3\n").version()).isEqualTo(3);
  }

  @Test
  void shouldTreatAProfileWithoutVersionAsVersionZero() throws Exception {
    assertThat(profileWith("name: p\n").version()).isZero();
  }

  @Test
  void shouldRefuseAVersionThatIsNotAWholeNumber() {
    assertThatThrownBy(() -> profileWith("name: p\nversion: two\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("version")
        .hasMessageContaining("version: 2");
    assertThatThrownBy(() -> profileWith("name: p\nversion: -1\n"))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> profileWith("name: p\nversion: 1.5\n"))
        .isInstanceOf(ConfigException.class);
  }
}
