package io.vigia.app;

import io.vigia.schemas.TrustedPackages;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vigia} command. Each subcommand is its own class; this one only lists them. Exit
 * codes: 0 done, 1 failed at run time, 2 bad usage or configuration (the message says how to fix
 * it).
 */
@Command(
    name = "vigia",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Vigía: streaming news monitoring. Feeds in; a deduplicated, enriched, searchable stream out.",
    subcommands = {
      RunCommand.class,
      IngestCommand.class,
      EnrichCommand.class,
      SinkCommand.class,
      AlertsCommand.class,
      StanceTrainCommand.class,
      ReplayIrrelevantCommand.class,
      ReprocessCommand.class,
      ExtractCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class Vigia implements Runnable {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns the exit code (tests call this instead of main). */
  public static int execute(String... args) {
    TrustedPackages.install();
    CommandLine cli = new CommandLine(new Vigia());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    return cli.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
