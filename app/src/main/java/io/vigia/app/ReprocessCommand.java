package io.vigia.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.app.reprocess.ReprocessApi;
import io.vigia.common.config.Config;
import io.vigia.common.http.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigia reprocess}: asks the running {@code vigia run} to re-enrich the stored history
 * ({@code POST /api/reprocess}) and follows it ({@code GET /api/reprocess}) with its rate and ETA
 * until the alias has switched and the run is done. The work happens in that process, beside the
 * live stages, so it uses the broker, the index and the data folder they use; this command only
 * starts and watches it, and may be stopped and run again to follow the same run.
 */
@Command(
    name = "reprocess",
    mixinStandardHelpOptions = true,
    description = {
      "Re-enriches every stored raw article (vigia.articles.raw) with the current watch profile, or the one in "
          + "--profile, into a new index version, and switches the search alias to it once it has caught up; "
          + "the live pipeline keeps running meanwhile.",
      "Runs inside the `vigia run` answering on --url (default: this configuration's http.port on 127.0.0.1); "
          + "prints progress with rate and ETA until done. A run killed mid-way resumes when `vigia run` starts again."
    })
final class ReprocessCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description =
          "Re-judge only articles published since DATE (2024-07-01 or an ISO instant); older ones are "
              + "copied into the new version as they are.")
  String since;

  @Option(
      names = "--profile",
      paramLabel = "DIR",
      description = "Profile folder to judge with (default: the configured profile).")
  Path profile;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "The running `vigia run` (default http://127.0.0.1:PORT with http.port).")
  String url;

  @Option(
      names = "--every",
      paramLabel = "SECONDS",
      description = "Seconds between progress lines (default 2).")
  int every = 2;

  PrintStream out = System.out;
  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  public Integer call() throws Exception {
    Config config = options.load();
    String base = url != null ? url : "http://127.0.0.1:" + config.integer("http.port", 1, 65535);
    String key = config.secret("http.api-key", "http.api-key-file").orElse(null);
    ObjectNode body = Json.MAPPER.createObjectNode();
    if (profile != null) {
      if (!Files.isRegularFile(profile.resolve("profile.yaml"))) {
        throw new ErrorHandler.UserError(
            "--profile " + profile + " has no profile.yaml; give a profile folder");
      }
      body.put("profile", profile.toAbsolutePath().toString());
    }
    if (since != null) {
      try {
        body.put("since", ReprocessApi.parseSince(since).toString());
      } catch (IllegalArgumentException e) {
        throw new ErrorHandler.UserError("--" + e.getMessage());
      }
    }
    HttpResponse<String> started = send(base, key, "POST", body.toString());
    if (started.statusCode() == 409) {
      out.println("a run is already going; following it");
    } else if (started.statusCode() != 202) {
      throw new ErrorHandler.UserError(
          "vigia run at " + base + " refused: " + started.statusCode() + " " + started.body());
    }
    while (true) {
      JsonNode s = Json.MAPPER.readTree(send(base, key, "GET", null).body());
      out.println(line(s));
      if ("done".equals(s.path("phase").asText())) {
        out.println(Json.MAPPER.writeValueAsString(s));
        return 0;
      }
      Thread.sleep(Math.max(1, every) * 1000L);
    }
  }

  /** {@code run 1 catching-up: 12,345 / 100,000 (12.3%), 812.4 articles/s, ETA 1m48s, ...}. */
  static String line(JsonNode s) {
    long total = s.path("total").asLong();
    long done = s.path("done").asLong();
    long eta = s.path("etaSeconds").asLong(-1);
    return String.format(
        Locale.ROOT,
        "run %d %s: %,d / %,d raw articles (%.1f%%), %.1f articles/s, ETA %s, %,d indexed",
        s.path("run").asInt(),
        s.path("phase").asText(),
        done,
        total,
        total == 0 ? 100.0 : 100.0 * done / total,
        s.path("rate").asDouble(),
        eta < 0 ? "unknown" : eta / 60 + "m" + String.format(Locale.ROOT, "%02d", eta % 60) + "s",
        s.path("indexed").asLong());
  }

  private HttpResponse<String> send(String base, String key, String method, String body)
      throws InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/api/reprocess"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 404) {
        throw new ErrorHandler.UserError(
            base
                + " has no /api/reprocess: reprocessing runs inside `vigia run` (this build's,"
                + " with sink.backend lucene or opensearch); check the address and the version");
      }
      return r;
    } catch (IOException e) {
      throw new ErrorHandler.UserError(
          "no `vigia run` answers at "
              + base
              + " ("
              + e.getMessage()
              + "); fix: start `vigia run` first, or pass --url / --port of the running one",
          e);
    }
  }
}
