package com.migochat.cli;

import com.migochat.runner.backup.DatabaseBackup;
import com.migochat.runner.backup.RestoreResult;
import com.migochat.runner.config.BackupSettings;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.failure.MigrationFailure;
import java.io.Console;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Replace Migochat's tables, schema history included, with a backup's; other tables stay.",
      "All or nothing: PostgreSQL in one transaction; on H2 the backup is checked first and the",
      "tables it replaces are saved beside it, and put back if the restore fails.",
      "Refused while the migration lock is held or other sessions are connected: stop the",
      "application first. Asks you to type the database name, unless --yes."
    })
class RestoreCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A file written by 'backup'.")
  Path file;

  @Option(
      names = "--yes",
      description = {
        "Do not ask, for scripts. Without it, restore asks for the database name on a",
        "terminal, and refuses when there is none."
      })
  boolean yes;

  @Override
  public Integer call() {
    // A restore deletes no backup, so how many to keep plays no part.
    DatabaseBackup backups = database.backups(BackupSettings.none());
    if (!yes) {
      confirm(backups.databaseName());
    }
    RestoreResult restored = backups.restore(file);
    Printer.print(
        spec.commandLine().getOut(),
        database,
        restored,
        out -> {
          out.printf("Restored %s (%d ms).%n", restored.file(), restored.took().toMillis());
          if (restored.replacedContent() != null) {
            out.printf("The tables it replaced are saved in %s.%n", restored.replacedContent());
          }
        });
    return 0;
  }

  /** Like dropdb -i: the operator types the name of the database that is about to change. */
  private void confirm(String name) {
    Console console = System.console();
    if (console == null) {
      throw refused(
          "restore replaces Migochat's tables in database " + name + " and was not confirmed",
          "pass --yes, or run it on a terminal and type the database name when asked");
    }
    String typed =
        console.readLine(
            "This replaces Migochat's tables in database '%s' with the backup %s.%n"
                + "Type the database name to go on: ",
            name, file);
    if (typed == null || !typed.strip().equals(name)) {
      throw refused(
          "not confirmed: the database name '" + name + "' was not typed",
          "run restore again and type " + name + ", or pass --yes; nothing was changed");
    }
  }

  private static MigrationException refused(String what, String action) {
    return new MigrationException(
        new MigrationFailure(MigrationError.RESTORE_REFUSED, null, what, action), null);
  }
}
