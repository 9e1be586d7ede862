package io.vigia.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

  @Test
  void shouldExposeTheDocumentedDefaults() {
    Config c = Config.defaults();
    assertThat(c.integer("http.port", 0, 65535)).isEqualTo(8080);
    assertThat(c.bool("ingest.allow-private-addresses")).isFalse();
    assertThat(c.string("profile")).isEqualTo("venezuela-elections");
    assertThat(c.node("feeds").isArray()).isTrue();
    assertThat(c.duration("ingest.poll-interval", Duration.ZERO, Duration.ofDays(1)))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void shouldLetAFileOverrideDefaults(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("vigia.yaml");
    Files.writeString(
        file,
        """
        feeds:
          - url: https://example.org/feed.xml
            name: Example
        ingest:
          allow-private-addresses: true
        http:
          port: 9191
        """);
    Config c = Config.builder().file(file).build();
    assertThat(c.integer("http.port", 0, 65535)).isEqualTo(9191);
    assertThat(c.bool("ingest.allow-private-addresses")).isTrue();
    assertThat(c.node("feeds").get(0).path("url").asText())
        .isEqualTo("https://example.org/feed.xml");
    assertThat(c.string("http.host"))
        .as("untouched keys keep their default")
        .isEqualTo("127.0.0.1");
  }

  @Test
  void shouldLetEnvironmentVariablesOverrideTheFile() {
    Config c =
        Config.builder()
            .yaml("http:\n  port: 9191\n")
            .env(
                Map.of(
                    "VIGIA_HTTP_PORT",
                    "7070",
                    "VIGIA_INGEST_ALLOW_PRIVATE_ADDRESSES",
                    "true",
                    "UNRELATED",
                    "x"))
            .build();
    assertThat(c.integer("http.port", 0, 65535)).isEqualTo(7070);
    assertThat(c.bool("ingest.allow-private-addresses")).isTrue();
    assertThat(c.origin("http.port")).isEqualTo("environment variable VIGIA_HTTP_PORT");
  }

  @Test
  void shouldLetCommandLineOptionsWinOverEverything() {
    Config c =
        Config.builder().env(Map.of("VIGIA_HTTP_PORT", "7070")).set("http.port", 6060).build();
    assertThat(c.integer("http.port", 0, 65535)).isEqualTo(6060);
  }

  @Test
  void shouldRefuseUnknownKeysNamingTheKey() {
    assertThatThrownBy(() -> Config.builder().yaml("htpp:\n  port: 1\n").build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Unknown config key 'htpp'");
    assertThatThrownBy(() -> Config.builder().yaml("http:\n  prot: 1\n").build())
        .hasMessageContaining("'http.prot'")
        .hasMessageContaining("port");
  }

  @Test
  void shouldRefuseAVariableThatLooksLikeAKeyButIsNone() {
    assertThatThrownBy(() -> Config.builder().env(Map.of("VIGIA_HTTP_PROT", "9090")).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Unknown environment variable VIGIA_HTTP_PROT")
        .hasMessageContaining("did you mean VIGIA_HTTP_PORT?");
    assertThatThrownBy(
            () -> Config.builder().env(Map.of("VIGIA_BOOTSTRAP_SERVERS", "k:9092")).build())
        .as("a key's variable without its section")
        .hasMessageContaining("did you mean VIGIA_KAFKA_BOOTSTRAP_SERVERS?");
    assertThatThrownBy(
            () ->
                Config.builder()
                    .env(Map.of("VIGIA_ENRICH_DEDUP", "x", "VIGIA_DATA_DIR_MIN_FREE", "1"))
                    .build())
        .as("a section, and a key cut short")
        .hasMessageContaining("VIGIA_DATA_DIR_MIN_FREE (did you mean VIGIA_DATA_DIR_MIN_FREE_MB?)")
        .hasMessageContaining("VIGIA_ENRICH_DEDUP");
  }

  @Test
  void shouldLeaveVariablesThatAreNotConfigurationAlone() {
    Config c =
        Config.builder()
            .env(
                Map.of(
                    "VIGIA_JAVA_OPTS",
                    "-Xmx2g",
                    "VIGIA_TEST_OPENSEARCH_URL",
                    "http://127.0.0.1:9200",
                    "VIGIA_HOOK_SECRET",
                    "s3cret",
                    "VIGIA_SINK_BACKEND",
                    "lucene"))
            .build();
    assertThat(c.string("sink.backend")).isEqualTo("lucene");
  }

  @Test
  void shouldExplainHowToFixAnInvalidValue() {
    Config c = Config.builder().env(Map.of("VIGIA_HTTP_PORT", "eighty")).build();
    assertThatThrownBy(() -> c.integer("http.port", 0, 65535))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'http.port' is 'eighty'")
        .hasMessageContaining("environment variable VIGIA_HTTP_PORT")
        .hasMessageContaining("a whole number from 0 to 65535");
  }

  @Test
  void shouldParseHumanDurations() {
    Config c = Config.builder().yaml("ingest:\n  poll-interval: 90s\n").build();
    assertThat(c.duration("ingest.poll-interval", Duration.ZERO, Duration.ofDays(1)))
        .isEqualTo(Duration.ofSeconds(90));
    Config bad = Config.builder().yaml("ingest:\n  poll-interval: soon\n").build();
    assertThatThrownBy(
            () -> bad.duration("ingest.poll-interval", Duration.ZERO, Duration.ofDays(1)))
        .hasMessageContaining("a duration such as");
  }

  @Test
  void shouldNameEveryKeyAsAnEnvironmentVariable() {
    assertThat(Config.envName("ingest.allow-private-addresses"))
        .isEqualTo("VIGIA_INGEST_ALLOW_PRIVATE_ADDRESSES");
    assertThat(Config.knownKeys())
        .contains("http.port", "kafka.bootstrap-servers", "sink.backend", "feeds");
  }

  @Test
  void shouldRefuseAMissingConfigFile(@TempDir Path dir) {
    assertThatThrownBy(() -> Config.builder().file(dir.resolve("nope.yaml")).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("does not exist");
  }
}
