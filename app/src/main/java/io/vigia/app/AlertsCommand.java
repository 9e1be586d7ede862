package io.vigia.app;

import io.vigia.alerts.AlertsService;
import io.vigia.alerts.AlertsSettings;
import io.vigia.common.config.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vigia alerts}: the alerts stage alone, with the subscriptions API. */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description =
        "Runs the alerts stage alone (match subscriptions against enriched articles, deliver webhooks, email and "
            + "Kafka alerts, serve /api/subscriptions and /api/alerts) on the Kafka cluster given by --bootstrap-servers.")
final class AlertsCommand implements Runnable {
  @Mixin ConfigOptions options;

  @Override
  public void run() {
    Config config = options.load();
    ServiceRunner runner = new ServiceRunner(config);
    try {
      AlertsService alerts = new AlertsService(AlertsSettings.from(config), runner.kafka);
      runner.start("alerts");
      runner.report(runner.track(alerts)).start();
      runner.healthDetails(alerts::healthDetails);
      alerts.register(runner.http);
    } catch (RuntimeException e) {
      runner.close();
      throw e;
    }
    runner.awaitShutdown("Vigía alerts is running against " + runner.kafka.bootstrapServers());
  }
}
