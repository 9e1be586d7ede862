package io.vigia.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigia.common.config.Config;
import io.vigia.common.config.ConfigException;
import io.vigia.common.config.KafkaSettings;
import io.vigia.common.http.Json;
import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.ArticleAnalyzers;
import io.vigia.enrich.replay.IrrelevantReplay;
import io.vigia.enrich.topology.ArticleEnricher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigia replay-irrelevant}: after a change to the watch profile, sends the articles enrich
 * had judged off-topic back through the pipeline ({@link IrrelevantReplay} does the work; this
 * finds the broker, reads the options and prints one JSON line per article and a summary).
 */
@Command(
    name = "replay-irrelevant",
    mixinStandardHelpOptions = true,
    description = {
      "Re-judges the articles enrich filtered out as off-topic with the current watch profile and sends the ones "
          + "now relevant back to vigia.articles.raw.",
      "Next to `vigia run` it finds the embedded broker through the data folder; on a cluster give --bootstrap-servers. "
          + "Prints one JSON line per article replayed and a summary line."
    })
final class ReplayIrrelevantCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description =
          "Only articles filtered out since WHEN: an ISO instant "
              + "(2024-07-01T00:00:00Z) or an age (7d, 12h).")
  String since;

  @Option(
      names = "--all",
      description =
          "Replay every filtered-out article, not only those the profile now finds relevant.")
  boolean all;

  @Option(names = "--dry-run", description = "Only list what would be replayed.")
  boolean dryRun;

  PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    Config config = options.load();
    String bootstrap = config.string("kafka.bootstrap-servers");
    if (bootstrap.isBlank()) {
      Path data = Path.of(config.string("data-dir"));
      bootstrap =
          EmbeddedAddress.read(data)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "no Kafka to read from: no "
                              + "kafka.bootstrap-servers and no running `vigia run` recorded in "
                              + data.toAbsolutePath()
                              + "; fix: pass --bootstrap-servers HOST:PORT, or --data with the folder `vigia run` uses"));
      config = config.with("kafka.bootstrap-servers", bootstrap);
    }
    Instant from = parseSince(since);
    KafkaSettings kafka = KafkaSettings.from(config);
    requireReachable(kafka);
    WatchProfile profile = WatchProfile.load(config.string("profile"));
    ArticleEnricher judge =
        new ArticleEnricher(ArticleAnalyzers.fromProfile(profile), profile.name());
    IrrelevantReplay.Summary done =
        new IrrelevantReplay(kafka, judge)
            .run(new IrrelevantReplay.Options(from, all, dryRun), this::print);
    Map<String, Object> summary = new HashMap<>();
    summary.put("summary", true);
    summary.put("read", done.read());
    summary.put("unreadable", done.unreadable());
    summary.put(dryRun ? "wouldReplay" : "replayed", done.replayed());
    summary.put("profile", profile.name());
    out.println(Json.MAPPER.writeValueAsString(summary));
    return 0;
  }

  /** One JSON line per article replayed. */
  private void print(IrrelevantReplay.Replayed r) {
    ObjectNode line =
        Json.MAPPER
            .createObjectNode()
            .put("id", r.id())
            .put("url", r.url())
            .put("title", r.title())
            .put("relevantNow", r.relevantNow())
            .put("score", r.score())
            .put("scoreBefore", r.scoreBefore());
    ArrayNode reasons = line.putArray("reasons");
    r.reasons().forEach(reasons::add);
    out.println(line.toString());
  }

  private static Instant parseSince(String since) {
    if (since == null || since.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(since);
    } catch (DateTimeParseException e) {
      // an age
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+)([dhm])").matcher(since.trim());
    if (!m.matches()) {
      throw new ConfigException(
          "--since "
              + since
              + ": expected an ISO instant such as 2024-07-01T00:00:00Z or an age such as 7d, 12h, 30m");
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "d" -> Duration.ofDays(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofMinutes(n);
        };
    return Instant.now().minus(d);
  }

  private static void requireReachable(KafkaSettings kafka) throws InterruptedException {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      admin.describeCluster().nodes().get(15, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new ConfigException(
          "no Kafka answers at "
              + kafka.bootstrapServers()
              + " ("
              + e.getMessage()
              + "); fix: start `vigia run` (or the cluster) first, or pass the right --bootstrap-servers");
    }
  }
}
