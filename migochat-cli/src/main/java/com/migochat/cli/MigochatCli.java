package com.migochat.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code migochat} command: database options, output options and the subcommands. */
@Command(
    name = "migochat",
    mixinStandardHelpOptions = true,
    version = "migochat 1.0.0 (Liquibase 4.33.0)",
    description = "Migrates Migochat's database along its Liquibase changelog.",
    subcommands = {
      CurrentCommand.class,
      HistoryCommand.class,
      HeadsCommand.class,
      ShowCommand.class,
      UpgradeCommand.class,
      DowngradeCommand.class,
      TagCommand.class,
      ValidateCommand.class,
      DriftCommand.class,
      LintCommand.class,
      AcceptChecksumsCommand.class,
      HealthCommand.class,
      UnlockCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      BaselineCommand.class,
      NewCommand.class,
      AutogenerateCommand.class,
      HashPasswordCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:the operation failed (a changeset, a target, a rollback); the message says why",
      "2:wrong usage",
      "3:the database could not be reached or refused the login",
      "4:health found a problem (pending changesets, a held lock)",
      "5:a changeset waited longer than its lock wait budget for a table lock that another"
          + " session holds; nothing of it was applied (the message names the session)",
      "6:drift found: the live schema differs from what its applied changesets build"
    },
    footer = {
      "",
      "Each command takes --url, --user and --password; by default they come from",
      "MIGOCHAT_DB_URL, MIGOCHAT_DB_USER and MIGOCHAT_DB_PASSWORD, as for the server.",
      "Without them: the embedded H2 database in ./data."
    })
public class MigochatCli {

  /** Kept so the logger (and its level) is not collected. */
  private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    LIQUIBASE_LOG.setLevel(Level.WARNING);
    CommandLine commandLine = new CommandLine(new MigochatCli());
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    return commandLine.execute(args);
  }
}
