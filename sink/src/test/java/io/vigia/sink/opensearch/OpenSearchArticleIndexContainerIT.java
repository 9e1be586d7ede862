package io.vigia.sink.opensearch;

import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same tests against the official OpenSearch image; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class OpenSearchArticleIndexContainerIT extends OpenSearchIndexContract {
  @Container
  static final GenericContainer<?> OPENSEARCH =
      new GenericContainer<>("opensearchproject/opensearch:2.19.1")
          .withEnv("discovery.type", "single-node")
          .withEnv("DISABLE_SECURITY_PLUGIN", "true")
          .withEnv("DISABLE_INSTALL_DEMO_CONFIG", "true")
          .withEnv("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m")
          .withExposedPorts(9200)
          .waitingFor(
              Wait.forHttp("/_cluster/health?wait_for_status=green")
                  .forPort(9200)
                  .withStartupTimeout(Duration.ofMinutes(3)));

  @Override
  protected String url() {
    return "http://" + OPENSEARCH.getHost() + ":" + OPENSEARCH.getMappedPort(9200);
  }
}
