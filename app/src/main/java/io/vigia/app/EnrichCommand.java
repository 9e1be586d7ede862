package io.vigia.app;

import io.vigia.common.config.Config;
import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.EnrichService;
import io.vigia.enrich.EnrichSettings;
import io.vigia.enrich.analysis.ArticleAnalyzer;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vigia enrich}: the enrichment topology alone, on a Kafka cluster. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
    description = "Runs the enrich stage alone (the Kafka Streams topology) on the Kafka cluster given by --bootstrap-servers; "
        + "instances with the same enrich.application-id share the partitions.")
final class EnrichCommand implements Runnable {
  @Mixin ConfigOptions options;

  @Override
  public void run() {
    Config config = options.load();
    WatchProfile profile = WatchProfile.load(config.string("profile"));
    ServiceRunner runner = new ServiceRunner(config);
    try {
      EnrichService enrich = new EnrichService(EnrichSettings.from(config, profile.name()), runner.kafka, ArticleAnalyzer.fromProfile(profile));
      runner.start("enrich", () -> enrich.state() == KafkaStreams.State.RUNNING);
      runner.track(enrich).start();
    } catch (RuntimeException e) {
      runner.close();
      throw e;
    }
    runner.awaitShutdown("Vigía enrich is running against " + runner.kafka.bootstrapServers());
  }
}
