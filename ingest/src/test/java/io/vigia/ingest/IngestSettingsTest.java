package io.vigia.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigia.common.config.Config;
import io.vigia.common.profile.FeedSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {
  private static IngestSettings from(String ingestYaml) {
    Config c =
        Config.builder()
            .yaml(
                "feeds:\n  - url: https://diario.example/feed.xml\n    name: Diario\ningest:\n"
                    + ingestYaml)
            .build();
    return IngestSettings.from(c, null);
  }

  @Test
  void shouldReadTheDefaults() {
    IngestSettings s = from("  max-items-per-feed: 1000\n");
    assertThat(s.totalTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.seenRetention()).isEqualTo(Duration.ofDays(30));
    assertThat(IngestSettings.userAgentProblem(s.userAgent())).isNull();
  }

  @Test
  void shouldRefuseAUserAgentThatDoesNotNameVigiaAndAContactUrl() {
    assertThatThrownBy(() -> from("  user-agent: \"Mozilla/5.0\"\n"))
        .hasMessageContaining("ingest.user-agent")
        .hasMessageContaining("does not name Vigía");
    assertThatThrownBy(() -> from("  user-agent: \"Vigia/1.0\"\n"))
        .hasMessageContaining("no contact URL");
    assertThatThrownBy(() -> from("  user-agent: \" \"\n")).hasMessageContaining("empty");
    assertThat(
            from("  user-agent: \"Vigía-monitor/2 (+https://observatorio.example/contacto)\"\n")
                .userAgent())
        .contains("Vigía");
  }

  @Test
  void shouldRefuseATotalTimeoutShorterThanOneConnectAndOneRead() {
    assertThatThrownBy(
            () -> from("  connect-timeout: 10s\n  read-timeout: 20s\n  total-timeout: 25s\n"))
        .hasMessageContaining("ingest.total-timeout")
        .hasMessageContaining("connect-timeout + ingest.read-timeout");
    assertThat(
            from("  connect-timeout: 1s\n  read-timeout: 2s\n  total-timeout: 3s\n").totalTimeout())
        .isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void shouldPollOwnSiteAtAFixedIntervalWithoutPacingAndKeepTheRest() {
    IngestSettings configured =
        from(
            "  poll-interval: 1m\n  max-poll-interval: 1h\n  host-delay: 5s\n  seen-retention: 7d\n");
    List<FeedSpec> own =
        List.of(new FeedSpec("http://127.0.0.1:8080/feeds/demo.xml", "Demo", null));

    IngestSettings demo = configured.forOwnSite(own, Duration.ofSeconds(30));

    assertThat(demo.feeds()).isEqualTo(own);
    assertThat(demo.allowPrivateAddresses()).isTrue();
    assertThat(demo.pollInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(demo.maxPollInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(demo.hostDelay()).isZero();
    assertThat(demo.seenRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(demo.userAgent()).isEqualTo(configured.userAgent());
    assertThat(demo.totalTimeout()).isEqualTo(configured.totalTimeout());
  }
}
