package io.vigia.app;

import io.vigia.common.config.Config;
import io.vigia.common.profile.WatchProfile;
import io.vigia.enrich.ArticleAnalyzers;
import io.vigia.enrich.EnrichService;
import io.vigia.enrich.EnrichSettings;
import io.vigia.enrich.batch.JsonLinesEnrichment;
import io.vigia.enrich.dedup.DedupSettings;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigia enrich}: the enrichment topology alone, on a Kafka cluster; or, with {@code
 * --input}, the same enrichment over a file of articles, with fresh state, verdicts on stdout.
 */
@Command(
    name = "enrich",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the enrich stage alone (the Kafka Streams topology) on the Kafka cluster given by --bootstrap-servers; "
          + "instances with the same enrich.application-id share the partitions.",
      "With --input FILE: enriches the JSON lines {\"id\",\"url\",\"title\",\"text\",\"language\"?,\"publishedAt\"?} of FILE "
          + "in order, with fresh state, and prints one JSON line per article (profileVersion, enrichmentVersion, dedup, entities, stance, relevance)."
    })
final class EnrichCommand implements Runnable {
  @Mixin ConfigOptions options;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description =
          "JSON lines of articles to enrich ('-' for stdin); prints verdicts instead of running the service.")
  Path input;

  @Override
  public void run() {
    Config config = options.load();
    WatchProfile profile = WatchProfile.load(config.string("profile"));
    if (input != null) {
      enrichFile(config, profile);
      return;
    }
    ServiceRunner runner = new ServiceRunner(config);
    try {
      EnrichService enrich =
          new EnrichService(
              EnrichSettings.from(config, profile),
              runner.kafka,
              ArticleAnalyzers.fromProfile(profile));
      runner.start("enrich");
      runner.report(runner.track(enrich)).start();
    } catch (RuntimeException e) {
      runner.close();
      throw e;
    }
    runner.awaitShutdown("Vigía enrich is running against " + runner.kafka.bootstrapServers());
  }

  private void enrichFile(Config config, WatchProfile profile) {
    JsonLinesEnrichment enrichment =
        new JsonLinesEnrichment(
            ArticleAnalyzers.fromProfile(profile),
            profile.name(),
            profile.version(),
            DedupSettings.from(config));
    try (BufferedReader in =
        "-".equals(input.toString())
            ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
            : Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      BufferedWriter out =
          new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
      enrichment.run(in, out);
    } catch (IllegalArgumentException e) {
      throw new ErrorHandler.UserError(input + ": " + e.getMessage(), e);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ErrorHandler.UserError(
          "no such file: " + input + " (--input names a file of JSON lines)", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + input + ": " + e.getMessage(), e);
    }
  }
}
