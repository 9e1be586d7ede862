package io.vigia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigia.common.config.Config;
import java.net.URI;
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
 * deployment: the compose file parses, every VIGIA_* variable it sets is one the code reads, every
 * stage command exists, and ports and the broker address agree with each other.
 */
class DeploymentFilesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static JsonNode compose;

  @BeforeAll
  static void parse() throws Exception {
    // SnakeYAML (not Jackson's streaming parser) resolves anchors, aliases and merge keys as
    // Docker Compose does.
    Object tree =
        new org.yaml.snakeyaml.Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    compose = new ObjectMapper().valueToTree(tree);
  }

  @Test
  void shouldDescribeEveryServiceOfTheStack() {
    assertThat(compose.path("services").has("kafka")).isTrue();
    for (String stage : new String[] {"ingest", "enrich", "sink", "alerts"}) {
      assertThat(compose.path("services").has(stage)).as(stage).isTrue();
      assertThat(compose.path("services").path(stage).path("healthcheck").isObject())
          .as(stage + " health check")
          .isTrue();
    }
    assertThat(compose.path("services").path("kafka").path("image").asText())
        .startsWith("apache/kafka:");
  }

  @Test
  void shouldIndexIntoTheOpenSearchServiceOfTheStack() {
    JsonNode sinkEnv = compose.path("services").path("sink").path("environment");
    assertThat(sinkEnv.path("VIGIA_SINK_BACKEND").asText()).isEqualTo("opensearch");
    String host = java.net.URI.create(sinkEnv.path("VIGIA_SINK_OPENSEARCH_URL").asText()).getHost();
    assertThat(compose.path("services").has(host))
        .as("the sink's OpenSearch URL names a service: " + host)
        .isTrue();
    assertThat(compose.path("services").path(host).path("image").asText())
        .startsWith("opensearchproject/opensearch:");
  }

  @Test
  void shouldOnlySetVariablesTheCodeReads() {
    Set<String> known = new HashSet<>();
    Config.knownKeys().forEach(k -> known.add(Config.envName(k)));
    compose
        .path("services")
        .fields()
        .forEachRemaining(
            service ->
                service
                    .getValue()
                    .path("environment")
                    .fieldNames()
                    .forEachRemaining(
                        var -> {
                          if (var.startsWith(Config.ENV_PREFIX)) {
                            assertThat(known).as("%s sets %s", service.getKey(), var).contains(var);
                          }
                        }));
  }

  @Test
  void shouldRunStageCommandsThatExist() {
    CommandLine cli = new CommandLine(new Vigia());
    compose
        .path("services")
        .fields()
        .forEachRemaining(
            service -> {
              JsonNode command = service.getValue().path("command");
              if (service.getValue().path("image").asText().startsWith("vigia")) {
                assertThat(cli.getSubcommands())
                    .as(service.getKey())
                    .containsKey(command.get(0).asText());
              }
            });
  }

  @Test
  void shouldPointStagesAtTheBrokerItAdvertisesAndPublishTheConfiguredPort() {
    JsonNode kafkaEnv = compose.path("services").path("kafka").path("environment");
    String advertised = kafkaEnv.path("KAFKA_ADVERTISED_LISTENERS").asText();
    compose
        .path("services")
        .fields()
        .forEachRemaining(
            service -> {
              String bootstrap =
                  service
                      .getValue()
                      .path("environment")
                      .path("VIGIA_KAFKA_BOOTSTRAP_SERVERS")
                      .asText("");
              if (!bootstrap.isEmpty()) {
                assertThat(advertised).as(service.getKey()).contains(bootstrap);
                int port =
                    Config.builder()
                        .env(
                            Map.of(
                                "VIGIA_HTTP_PORT",
                                service
                                    .getValue()
                                    .path("environment")
                                    .path("VIGIA_HTTP_PORT")
                                    .asText("8080")))
                        .build()
                        .integer("http.port", 1, 65535);
                for (JsonNode mapping : service.getValue().path("ports")) {
                  assertThat(mapping.asText())
                      .as(service.getKey() + " publishes its HTTP port")
                      .endsWith(":" + port);
                }
              }
            });
  }

  @Test
  void shouldBuildTheImageOnAnOfficialJreBase() throws Exception {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre");
    assertThat(dockerfile).contains("USER vigia");
    // -Dmaven.test.skip skips building the common test-jar that ingest resolves: the build breaks
    // on a fresh ~/.m2.
    String instructions =
        String.join("\n", dockerfile.lines().filter(l -> !l.startsWith("#")).toList());
    assertThat(instructions).contains("-DskipTests").doesNotContain("maven.test.skip");
  }

  @Test
  void shouldSetOnlyKeysInTheImageAndListenBeyondLoopbackOnTheExposedPort() throws Exception {
    Map<String, String> env = dockerfileEnv();
    Map<String, String> vigia = new java.util.TreeMap<>();
    env.forEach(
        (k, v) -> {
          if (k.startsWith(Config.ENV_PREFIX)) {
            vigia.put(k, v);
          }
        });
    assertThat(vigia).isNotEmpty();
    Set<String> known = new HashSet<>();
    Config.knownKeys().forEach(k -> known.add(Config.envName(k)));
    assertThat(known)
        .as("every VIGIA_ variable of the image's ENV is a key")
        .containsAll(vigia.keySet());
    Config config = Config.builder().env(vigia).build();
    assertThat(config.string("http.host"))
        .as("a container must listen on all interfaces")
        .isEqualTo("0.0.0.0");
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    java.util.regex.Matcher expose =
        java.util.regex.Pattern.compile("(?m)^EXPOSE (\\d+)").matcher(dockerfile);
    assertThat(expose.find()).isTrue();
    assertThat(Integer.parseInt(expose.group(1)))
        .as("EXPOSE is the HTTP port the image listens on")
        .isEqualTo(config.integer("http.port", 1, 65535));
  }

  @Test
  void shouldCheckTheHealthOfEachStageOnThePortItListensOn() throws Exception {
    Map<String, String> imageEnv = dockerfileEnv();
    compose
        .path("services")
        .fields()
        .forEachRemaining(
            service -> {
              JsonNode s = service.getValue();
              if (!s.path("image").asText().startsWith("vigia")) {
                return;
              }
              Map<String, String> env = new java.util.HashMap<>();
              imageEnv.forEach(
                  (k, v) -> {
                    if (k.startsWith(Config.ENV_PREFIX)) {
                      env.put(k, v);
                    }
                  });
              s.path("environment")
                  .fields()
                  .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
              int port = Config.builder().env(env).build().integer("http.port", 1, 65535);
              URI check = healthCheckUrl(s.path("healthcheck").path("test"));
              assertThat(check.getPort())
                  .as("%s checks its own HTTP port", service.getKey())
                  .isEqualTo(port);
              assertThat(check.getPath()).as(service.getKey()).isIn("/readyz", "/healthz");
            });

    JsonNode services = compose.path("services");
    java.util.regex.Matcher kafkaPort =
        java.util.regex.Pattern.compile("--bootstrap-server localhost:(\\d+)")
            .matcher(services.path("kafka").path("healthcheck").path("test").toString());
    assertThat(kafkaPort.find()).isTrue();
    assertThat(services.path("kafka").path("environment").path("KAFKA_LISTENERS").asText())
        .as("the broker's health check talks to a listener it has")
        .contains("PLAINTEXT://:" + kafkaPort.group(1));
    URI opensearch =
        URI.create(
            services.path("sink").path("environment").path("VIGIA_SINK_OPENSEARCH_URL").asText());
    assertThat(
            healthCheckUrl(services.path("opensearch").path("healthcheck").path("test")).getPort())
        .as("OpenSearch is checked where the sink writes")
        .isEqualTo(opensearch.getPort());
    int dashboards =
        healthCheckUrl(services.path("opensearch-dashboards").path("healthcheck").path("test"))
            .getPort();
    assertThat(services.path("opensearch-dashboards").path("ports").get(0).asText())
        .endsWith(":" + dashboards);
    assertThat(services.path("dashboards-init").path("command").toString())
        .contains("opensearch-dashboards:" + dashboards + "/");
  }

  @Test
  void shouldCreateTopicsTheBrokerOfTheStackCanHold() {
    JsonNode services = compose.path("services");
    JsonNode kafkaEnv = services.path("kafka").path("environment");
    long brokers =
        java.util.stream.StreamSupport.stream(
                java.util.Spliterators.spliteratorUnknownSize(services.fields(), 0), false)
            .filter(e -> e.getValue().path("image").asText().startsWith("apache/kafka:"))
            .filter(
                e ->
                    e.getValue()
                        .path("environment")
                        .path("KAFKA_PROCESS_ROLES")
                        .asText()
                        .contains("broker"))
            .count();
    assertThat(kafkaEnv.path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText())
        .as(
            "the stages create their topics (partitions and replication from config), the broker must not guess")
        .isEqualTo("false");
    compose
        .path("services")
        .fields()
        .forEachRemaining(
            service -> {
              JsonNode env = service.getValue().path("environment");
              if (!env.has("VIGIA_KAFKA_BOOTSTRAP_SERVERS")) {
                return;
              }
              Map<String, String> vars = new java.util.HashMap<>();
              env.fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText()));
              Config c = Config.builder().env(vars).build();
              io.vigia.common.config.KafkaSettings kafka =
                  io.vigia.common.config.KafkaSettings.from(c);
              assertThat((long) kafka.replicationFactor())
                  .as(
                      "%s: topic replication within the stack's %d broker(s)",
                      service.getKey(), brokers)
                  .isLessThanOrEqualTo(brokers);
              assertThat(kafka.partitions()).isPositive();
            });
    // Exactly-once (enrich, alerts) writes through the transaction log: it must fit the brokers
    // too.
    assertThat(kafkaEnv.path("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asLong())
        .isLessThanOrEqualTo(brokers);
    assertThat(kafkaEnv.path("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asLong())
        .isLessThanOrEqualTo(
            kafkaEnv.path("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asLong());
    assertThat(kafkaEnv.path("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").asLong())
        .isLessThanOrEqualTo(brokers);
  }

  @Test
  void shouldListEveryTopicInTheReadme() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String table =
        readme.substring(
            readme.indexOf("### Topics"), readme.indexOf("\n## ", readme.indexOf("### Topics")));
    Set<String> listed = new HashSet<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?m)^\\| `([^`]+)`").matcher(table);
    while (m.find()) {
      listed.add(m.group(1));
    }
    Set<String> topics = new java.util.TreeSet<>();
    io.vigia.schemas.Topics.all().forEach(t -> topics.add(t.name()));
    io.vigia.schemas.Topics.alertTopics().forEach(t -> topics.add(t.name()));
    topics.addAll(
        internalTopics(
            "<enrich.application-id>",
            io.vigia.enrich.topology.EnrichTopology.build(
                new io.vigia.enrich.analysis.ArticleAnalyzer(
                    (t, b, l) -> java.util.List.of(),
                    (a, e) -> null,
                    (a, e) -> java.util.List.of()),
                "test")));
    topics.addAll(
        internalTopics(
            "<alerts.application-id>",
            io.vigia.alerts.topology.AlertTopology.build(java.time.Duration.ofDays(1))));
    assertThat(listed).as("README's topics table").containsAll(topics);
  }

  /**
   * The topics Kafka Streams creates for a topology: repartition topics and the changelogs of its
   * (non-global) stores.
   */
  private static Set<String> internalTopics(
      String applicationId, org.apache.kafka.streams.Topology topology) {
    Set<String> out = new java.util.TreeSet<>();
    for (var sub : topology.describe().subtopologies()) {
      for (var node : sub.nodes()) {
        if (node instanceof org.apache.kafka.streams.TopologyDescription.Source src
            && src.topicSet() != null) {
          src.topicSet().stream()
              .filter(t -> t.endsWith("-repartition"))
              .forEach(t -> out.add(applicationId + "-" + t));
        }
        if (node instanceof org.apache.kafka.streams.TopologyDescription.Processor p) {
          p.stores().forEach(store -> out.add(applicationId + "-" + store + "-changelog"));
        }
      }
    }
    return out;
  }

  private static URI healthCheckUrl(JsonNode test) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("https?://[^\\s'\"]+").matcher(test.toString());
    assertThat(m.find()).as("a URL in the health check %s", test).isTrue();
    return URI.create(m.group());
  }

  /** The Dockerfile's ENV assignments (one instruction, continued with backslashes). */
  private static Map<String, String> dockerfileEnv() throws Exception {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile")).replace("\\\n", " ");
    Map<String, String> env = new java.util.LinkedHashMap<>();
    for (String line : dockerfile.lines().toList()) {
      if (line.startsWith("ENV ")) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)").matcher(line.substring(4));
        while (m.find()) {
          env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
        }
      }
    }
    return env;
  }
}
