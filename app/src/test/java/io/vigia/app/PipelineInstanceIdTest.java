package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigia.common.config.Config;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Which static-membership name {@code vigia run} uses: fixed on its own broker, per process on a
 * cluster.
 */
class PipelineInstanceIdTest {
  private static String idFor(String bootstrap, String dataDir, String host, String given) {
    Config c =
        Config.builder()
            .set("kafka.bootstrap-servers", bootstrap)
            .set("data-dir", dataDir)
            .set("instance-id", given)
            .build();
    return Pipeline.withInstanceId(c, () -> host).string("instance-id");
  }

  @Test
  void shouldUseTheFixedNameOnlyOnTheEmbeddedBroker() {
    assertThat(idFor("", "/srv/a", "h1", "")).isEqualTo("embedded");
    assertThat(idFor("k1:9092", "/srv/a", "h1", "")).isNotEqualTo("embedded").startsWith("run-h1-");
  }

  @Test
  void shouldGiveTwoProcessesOnOneClusterTwoNamesAndOneProcessTheSameNameAfterARestart() {
    String a = idFor("k1:9092", "/srv/a", "h1", "");
    assertThat(idFor("k1:9092", "/srv/a", "h1", ""))
        .as("a restart resumes its static membership")
        .isEqualTo(a);
    assertThat(idFor("k1:9092", "/srv/b", "h1", ""))
        .as("another data folder on the same host")
        .isNotEqualTo(a);
    assertThat(idFor("k1:9092", "/srv/a", "h2", ""))
        .as("the same folder on another host")
        .isNotEqualTo(a);
    assertThat(idFor("k1:9092", "/srv/./a", "h1", ""))
        .as("one folder, however written")
        .isEqualTo(a);
  }

  @Test
  void shouldKeepAGivenInstanceId() {
    assertThat(idFor("k1:9092", "/srv/a", "h1", "node-7")).isEqualTo("node-7");
    assertThat(idFor("", "/srv/a", "h1", "node-7")).isEqualTo("node-7");
    assertThat(Pipeline.derivedInstanceId("odd host/name", Path.of("/srv/a")))
        .matches("run-odd-host-name-[0-9a-f]{8}");
  }
}
