package io.vigia.app;

import io.vigia.common.config.Config;
import io.vigia.sink.SinkService;
import io.vigia.sink.SinkSettings;
import io.vigia.sink.api.DashboardPage;
import io.vigia.sink.api.SearchApi;
import io.vigia.sink.index.ArticleIndex;
import io.vigia.sink.index.ArticleIndexes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vigia sink}: the sink stage alone, with the search API. */
@Command(name = "sink", mixinStandardHelpOptions = true,
    description = "Runs the sink stage alone (index enriched articles, serve the search API) on the Kafka cluster given by --bootstrap-servers.")
final class SinkCommand implements Runnable {
  @Mixin ConfigOptions options;

  @Override
  public void run() {
    Config config = options.load();
    SinkSettings settings = SinkSettings.from(config);
    ServiceRunner runner = new ServiceRunner(config);
    try {
      runner.start("sink");
      ArticleIndex index = runner.track(ArticleIndexes.open(settings));
      SinkService sink = runner.report(runner.track(new SinkService(settings, runner.kafka, index, ServiceRunner.diskGuard(config))));
      sink.start();
      new SearchApi(index).register(runner.http);
      new DashboardPage().register(runner.http);
    } catch (RuntimeException e) {
      runner.close();
      throw e;
    }
    runner.awaitShutdown("Vigía sink is running against " + runner.kafka.bootstrapServers());
  }
}
