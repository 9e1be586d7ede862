package io.vigia.sink.opensearch;

import io.vigia.common.testing.OpenSearchNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The OpenSearch backend against a real OpenSearch 2.19.1 started by {@code .ci/opensearch.sh}
 * (runs everywhere).
 */
class OpenSearchArticleIndexIT extends OpenSearchIndexContract {
  private static OpenSearchNode server;

  @BeforeAll
  static void startServer() throws Exception {
    server = OpenSearchNode.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected String url() {
    return server.url();
  }
}
