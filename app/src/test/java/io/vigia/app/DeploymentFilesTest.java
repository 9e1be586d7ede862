package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigia.common.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Images cannot be built here (no Docker engine), so this checks what can be checked of the
 * deployment: the compose file parses, every VIGIA_* variable it sets is one the code reads,
 * every stage command exists, and ports and the broker address agree with each other.
 */
class DeploymentFilesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static JsonNode compose;

  @BeforeAll
  static void parse() throws Exception {
    // SnakeYAML (not Jackson's streaming parser) resolves anchors, aliases and merge keys as
    // Docker Compose does.
    Object tree = new org.yaml.snakeyaml.Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    compose = new ObjectMapper().valueToTree(tree);
  }

  @Test
  void shouldDescribeEveryServiceOfTheStack() {
    assertThat(compose.path("services").has("kafka")).isTrue();
    for (String stage : new String[] {"ingest", "enrich", "sink", "alerts"}) {
      assertThat(compose.path("services").has(stage)).as(stage).isTrue();
      assertThat(compose.path("services").path(stage).path("healthcheck").isObject()).as(stage + " health check").isTrue();
    }
    assertThat(compose.path("services").path("kafka").path("image").asText()).startsWith("apache/kafka:");
  }

  @Test
  void shouldIndexIntoTheOpenSearchServiceOfTheStack() {
    JsonNode sinkEnv = compose.path("services").path("sink").path("environment");
    assertThat(sinkEnv.path("VIGIA_SINK_BACKEND").asText()).isEqualTo("opensearch");
    String host = java.net.URI.create(sinkEnv.path("VIGIA_SINK_OPENSEARCH_URL").asText()).getHost();
    assertThat(compose.path("services").has(host)).as("the sink's OpenSearch URL names a service: " + host).isTrue();
    assertThat(compose.path("services").path(host).path("image").asText()).startsWith("opensearchproject/opensearch:");
  }

  @Test
  void shouldOnlySetVariablesTheCodeReads() {
    Set<String> known = new HashSet<>();
    Config.knownKeys().forEach(k -> known.add(Config.envName(k)));
    compose.path("services").fields().forEachRemaining(service -> service.getValue().path("environment").fieldNames()
        .forEachRemaining(var -> {
          if (var.startsWith(Config.ENV_PREFIX)) {
            assertThat(known).as("%s sets %s", service.getKey(), var).contains(var);
          }
        }));
  }

  @Test
  void shouldRunStageCommandsThatExist() {
    CommandLine cli = new CommandLine(new Vigia());
    compose.path("services").fields().forEachRemaining(service -> {
      JsonNode command = service.getValue().path("command");
      if (service.getValue().path("image").asText().startsWith("vigia")) {
        assertThat(cli.getSubcommands()).as(service.getKey()).containsKey(command.get(0).asText());
      }
    });
  }

  @Test
  void shouldPointStagesAtTheBrokerItAdvertisesAndPublishTheConfiguredPort() {
    JsonNode kafkaEnv = compose.path("services").path("kafka").path("environment");
    String advertised = kafkaEnv.path("KAFKA_ADVERTISED_LISTENERS").asText();
    compose.path("services").fields().forEachRemaining(service -> {
      String bootstrap = service.getValue().path("environment").path("VIGIA_KAFKA_BOOTSTRAP_SERVERS").asText("");
      if (!bootstrap.isEmpty()) {
        assertThat(advertised).as(service.getKey()).contains(bootstrap);
        int port = Config.builder().env(Map.of("VIGIA_HTTP_PORT",
            service.getValue().path("environment").path("VIGIA_HTTP_PORT").asText("8080"))).build().integer("http.port", 1, 65535);
        for (JsonNode mapping : service.getValue().path("ports")) {
          assertThat(mapping.asText()).as(service.getKey() + " publishes its HTTP port").endsWith(":" + port);
        }
      }
    });
  }

  @Test
  void shouldBuildTheImageOnAnOfficialJreBase() throws Exception {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre");
    assertThat(dockerfile).contains("USER vigia");
  }
}
