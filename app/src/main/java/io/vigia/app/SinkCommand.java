package io.vigia.app;

import io.vigia.alerts.RecentAlerts;
import io.vigia.common.config.Config;
import io.vigia.common.http.ApiKeys;
import io.vigia.common.http.Response;
import io.vigia.common.profile.FeedSpec;
import io.vigia.common.profile.WatchProfile;
import io.vigia.ingest.IngestSettings;
import io.vigia.schemas.TopicCreator;
import io.vigia.schemas.Topics;
import io.vigia.sink.ArticleIndexes;
import io.vigia.sink.SinkService;
import io.vigia.sink.SinkSettings;
import io.vigia.sink.api.CorrectionsApi;
import io.vigia.sink.api.DashboardPage;
import io.vigia.sink.api.FigureApi;
import io.vigia.sink.api.SearchApi;
import io.vigia.sink.corrections.CorrectedIndex;
import io.vigia.sink.corrections.CorrectionLog;
import io.vigia.sink.corrections.CorrectionSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vigia sink}: the sink stage alone, with the search API. */
@Command(
    name = "sink",
    mixinStandardHelpOptions = true,
    description =
        "Runs the sink stage alone (index enriched articles, serve the search API and the dashboard, with read-only "
            + "recent alerts and source health from their topics) on the Kafka cluster given by --bootstrap-servers.")
final class SinkCommand implements Runnable {
  @Mixin ConfigOptions options;

  @Override
  public void run() {
    Config config = options.load();
    SinkSettings settings = SinkSettings.from(config);
    ServiceRunner runner = new ServiceRunner(config);
    try {
      runner.start("sink");
      CorrectedIndex index =
          runner.track(new CorrectedIndex(ArticleIndexes.open(settings), new CorrectionSet()));
      CorrectionLog corrections =
          runner.report(runner.track(new CorrectionLog(runner.kafka, index).start()));
      corrections.awaitCaughtUp(Duration.ofSeconds(120)); // the first writes carry every correction
      SinkService sink =
          runner.report(
              runner.track(
                  new SinkService(settings, runner.kafka, index, ServiceRunner.diskGuard(config))));
      sink.start();
      new SearchApi(index).register(runner.http);
      new FigureApi(index).register(runner.http);
      new CorrectionsApi(index, corrections, ApiKeys.from(config), stanceTargets(config))
          .register(runner.http);
      new DashboardPage().register(runner.http);
      serveAlertsAndSources(config, runner);
    } catch (RuntimeException e) {
      runner.close();
      throw e;
    }
    runner.awaitShutdown("Vigía sink is running against " + runner.kafka.bootstrapServers());
  }

  /**
   * The dashboard's "recent alerts" and "source health" panels when the sink runs alone: read-only
   * views of the topics the other stages write ({@code vigia.alerts}, {@code
   * vigia.ingest.feed-state}), so the sink needs no address of theirs. {@code vigia run} serves the
   * live ones instead.
   */
  static void serveAlertsAndSources(Config config, ServiceRunner runner) {
    try (Admin admin = Admin.create(runner.kafka.clientProperties())) {
      TopicCreator.ensure(
          admin, Topics.alertTopics(), runner.kafka.partitions(), runner.kafka.replicationFactor());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the alerts topics", e);
    }
    RecentAlerts alerts = runner.track(new RecentAlerts(runner.kafka));
    alerts.start();
    runner.http.route(
        "GET",
        "/api/alerts",
        r ->
            Response.json(
                Map.of(
                    "alerts",
                    alerts.latest(
                        r.intParam("size", 20, 1, 200), r.param("subscription").orElse(null)))));
    FeedStateView feeds = runner.track(new FeedStateView(runner.kafka, feedNames(config))).start();
    runner.http.route(
        "GET", "/api/sources", r -> Response.json(Map.of("sources", feeds.sources())));
  }

  /** The profile's stance targets, which a stance correction names; empty if it cannot be read. */
  private static Set<String> stanceTargets(Config config) {
    try {
      return Set.copyOf(WatchProfile.load(config.string("profile")).targets());
    } catch (RuntimeException e) {
      return Set.of(); // then any target name is accepted
    }
  }

  /**
   * Feed URL to name, from the configuration and profile ingest reads; empty if they do not
   * describe feeds here.
   */
  private static Map<String, String> feedNames(Config config) {
    Map<String, String> names = new HashMap<>();
    try {
      for (FeedSpec f :
          IngestSettings.from(config, WatchProfile.load(config.string("profile"))).feeds()) {
        names.put(f.url(), f.name());
      }
    } catch (RuntimeException e) {
      // the sink does not need ingest's settings; without them sources are named by URL
    }
    return names;
  }
}
