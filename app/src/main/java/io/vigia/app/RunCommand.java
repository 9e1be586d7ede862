package io.vigia.app;

import io.vigia.common.config.Config;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigia run}: the whole pipeline in one process, on an embedded broker unless one is
 * configured.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    // The first paragraph is the summary the top-level help lists: a whole sentence.
    description = {
      "Runs the whole pipeline in one process: ingest, enrich, sink, alerts and the HTTP API on "
          + "http://127.0.0.1:8080, on an embedded Kafka broker (KRaft) unless --bootstrap-servers names a cluster.",
      "Stop with Ctrl-C; starting again continues where it stopped."
    })
final class RunCommand implements Runnable {
  @Mixin ConfigOptions options;

  @Option(
      names = "--demo",
      description =
          "Also serve the bundled sample feeds and pages on loopback and poll those instead of the internet.")
  boolean demo;

  @Override
  public void run() {
    Config config = options.load();
    CountDownLatch stop = new CountDownLatch(1);
    Pipeline pipeline = Pipeline.start(config, demo);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  pipeline.close();
                  stop.countDown();
                },
                "vigia-shutdown"));
    System.out.println(
        "Vigía is running: "
            + pipeline.httpUrl()
            + "  (search: "
            + pipeline.httpUrl()
            + "/api/articles?q=CNE)");
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
