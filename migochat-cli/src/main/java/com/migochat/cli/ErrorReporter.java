package com.migochat.cli;

import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed command as one line, {@code error: <what>. Action: <what to do>}, and returns the
 * documented exit code. The stack trace only with {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

  static final int FAILED = 1;
  static final int UNREACHABLE = 3;
  static final int LOCK_TIMEOUT = 5;

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, ParseResult parseResult) {
    var err = commandLine.getErr();
    if (e instanceof MigrationException migration) {
      err.println("error: " + migration.getMessage());
    } else {
      err.println(
          "error: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + " (run again with --verbose for the stack trace)");
    }
    ParseResult command = parseResult;
    while (command.hasSubcommand()) {
      command = command.subcommand();
    }
    if (command.hasMatchedOption("--verbose")) {
      e.printStackTrace(err);
    }
    err.flush();
    if (!(e instanceof MigrationException migration)) {
      return FAILED;
    }
    MigrationError error = migration.failure().error();
    return unreachable(error)
        ? UNREACHABLE
        : error == MigrationError.LOCK_TIMEOUT ? LOCK_TIMEOUT : FAILED;
  }

  private static boolean unreachable(MigrationError error) {
    return error == MigrationError.DATABASE_UNREACHABLE
        || error == MigrationError.DATABASE_LOGIN_REFUSED;
  }
}
