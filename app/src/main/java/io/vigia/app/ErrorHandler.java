package io.vigia.app;

import io.vigia.common.config.ConfigException;
import io.vigia.common.http.PortInUseException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the failures a user can fix (configuration, a taken port, an unusable data folder) into one
 * clear line and exit code 2, without a stack trace; anything else is a bug and is shown.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  static final int USAGE = 2;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    if (ex instanceof ConfigException
        || ex instanceof PortInUseException
        || ex instanceof UserError
        || ex instanceof io.vigia.schemas.SchemaCheck.IncompatibleSchemaException) {
      cmd.getErr().println("vigia: " + ex.getMessage());
      return USAGE;
    }
    cmd.getErr().println("vigia: failed: " + ex);
    ex.printStackTrace(cmd.getErr());
    return 1;
  }

  /** A problem the user can fix; the message says how. */
  static final class UserError extends RuntimeException {
    UserError(String message) {
      super(message);
    }

    UserError(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
