package io.vigia.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.common.config.Config;
import io.vigia.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class OpenSearchSettingsTest {
  private static Config config(String url) {
    return Config.builder()
        .set("sink.backend", "opensearch")
        .set("sink.opensearch.url", url)
        .set("sink.opensearch.username", "vigia")
        .set("sink.opensearch.password", "s3cr3t-pw")
        .build();
  }

  @Test
  void shouldRefuseCredentialsInTheUrlWithoutPrintingThem() {
    assertThatThrownBy(
            () -> OpenSearchSettings.from(config("https://admin:hunter2@search.example:9200")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sink.opensearch.username")
        .hasMessageContaining("sink.opensearch.password-file")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void shouldRefuseAUrlThatIsNotHttpWithAFixItMessage() {
    assertThatThrownBy(() -> OpenSearchSettings.from(config("search.example:9200")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sink.opensearch.url")
        .hasMessageContaining("http or https URL")
        .hasMessageContaining("VIGIA_SINK_OPENSEARCH_URL");
    assertThatThrownBy(() -> OpenSearchSettings.from(config("ftp://search.example")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http or https URL");
  }

  @Test
  void shouldDropATrailingSlashSoPathsJoinCleanly() {
    assertThat(OpenSearchSettings.from(config("http://127.0.0.1:9200/")).url())
        .isEqualTo("http://127.0.0.1:9200");
  }

  @Test
  void shouldNeverShowThePasswordWhenPrinted() {
    OpenSearchSettings s = OpenSearchSettings.from(config("https://search.example:9200"));
    assertThat(s.password()).isEqualTo("s3cr3t-pw");
    assertThat(s.toString())
        .doesNotContain("s3cr3t-pw")
        .contains("password=(redacted)")
        .contains("username=vigia");
    assertThat(OpenSearchSettings.of("http://127.0.0.1:9200", "x").toString())
        .contains("password=none");
  }
}
