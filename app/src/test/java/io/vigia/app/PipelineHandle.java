package io.vigia.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigia.common.config.Config;
import io.vigia.common.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The one-process pipeline for tests in other packages: started on the built-in demo site (or a
 * given config) over a data folder, with small HTTP helpers.
 */
public final class PipelineHandle implements AutoCloseable {
  private final Pipeline pipeline;
  private final HttpClient http = HttpClient.newHttpClient();

  private PipelineHandle(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** The pipeline over {@code data}, polling the built-in demo site. */
  public static PipelineHandle start(Path data) {
    return start(
        Config.builder()
            .yaml(
                """
        http:
          port: 0
        """)
            .set("data-dir", data.toString())
            .build(),
        true);
  }

  public static PipelineHandle start(Config config, boolean demo) {
    return new PipelineHandle(Pipeline.start(config, demo));
  }

  public String bootstrapServers() {
    return pipeline.bootstrapServers();
  }

  /** The reprocessing runner, for tests that stop it as a crash would. */
  public io.vigia.app.reprocess.Reprocessing reprocessing() {
    return pipeline.reprocessing();
  }

  public String httpUrl() {
    return pipeline.httpUrl();
  }

  /** GET a path; the body as JSON whatever the status. */
  public JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(httpUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return Json.MAPPER.readTree(r.body());
  }

  /** POST a JSON body to a path. */
  public HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(httpUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Every article the search API lists, copies included, oldest first. */
  public List<JsonNode> listAll() throws IOException, InterruptedException {
    List<JsonNode> out = new ArrayList<>();
    for (int from = 0; ; from += 100) {
      JsonNode page = get("/api/articles?duplicates=true&size=100&sort=oldest&from=" + from);
      if (!page.has("articles")) {
        throw new IllegalStateException("not a page of articles: " + page);
      }
      if (!page.path("articles").elements().hasNext()) {
        return out;
      }
      page.path("articles").forEach(out::add);
    }
  }

  public JsonNode health() throws IOException, InterruptedException {
    return get("/healthz");
  }

  /** Polls a path until the answer satisfies {@code done}; fails with the last answer otherwise. */
  public JsonNode await(String path, Predicate<JsonNode> done, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = get(path);
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "not reached within " + timeout.toSeconds() + " s on " + path + "; last answer: " + last);
  }

  /**
   * The search total once no new article has arrived for 6 s (the run has settled), within {@code
   * timeout}.
   */
  public long awaitStableTotal(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long last = -1;
    int stableFor = 0;
    while (System.nanoTime() < deadline) {
      long total = get("/api/articles?size=0").path("total").asLong();
      stableFor = total == last && total > 0 ? stableFor + 1 : 0;
      last = total;
      if (stableFor >= 12) { // 6 s without a new article
        return total;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the index did not settle; last total " + last);
  }

  @Override
  public void close() {
    pipeline.close();
  }
}
