package io.vigia.app;

import io.vigia.common.config.Config;
import io.vigia.common.http.Response;
import io.vigia.common.profile.WatchProfile;
import io.vigia.ingest.IngestService;
import io.vigia.ingest.IngestSettings;
import io.vigia.ingest.extract.JsoupArticleExtractor;
import io.vigia.ingest.sources.RelevanceTally;
import io.vigia.ingest.sources.SourceHealth;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vigia ingest}: the ingest stage alone, on a Kafka cluster. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Runs the ingest stage alone (poll feeds, fetch, extract, produce raw articles) on the Kafka cluster given by --bootstrap-servers.")
final class IngestCommand implements Runnable {
  @Mixin ConfigOptions options;

  @Override
  public void run() {
    Config config = options.load();
    WatchProfile profile = WatchProfile.load(config.string("profile"));
    IngestSettings settings = IngestSettings.from(config, profile);
    ServiceRunner runner = new ServiceRunner(config);
    try {
      IngestService ingest =
          new IngestService(
              settings, runner.kafka, new JsoupArticleExtractor(), ServiceRunner.diskGuard(config));
      runner.start("ingest");
      runner.report(runner.track(ingest)).start();
      RelevanceTally tally = runner.report(runner.track(new RelevanceTally(runner.kafka))).start();
      runner.http.route(
          "GET",
          "/api/sources",
          r -> Response.json(Map.of("sources", SourceHealth.of(ingest.sources(), tally))));
    } catch (RuntimeException e) {
      runner.close();
      throw e;
    }
    runner.awaitShutdown("Vigía ingest is running against " + runner.kafka.bootstrapServers());
  }
}
