package com.migochat.cli;

import com.migochat.runner.backup.BackupResult;
import com.migochat.runner.config.BackupPolicy;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    header = "Back Migochat's tables up to a timestamped file only its owner can read.",
    description = {
      "Back Migochat's tables up to a timestamped file, readable by its owner only: pg_dump",
      "for PostgreSQL, SCRIPT for H2. Restore it with 'restore FILE'."
    })
class BackupCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  @Mixin BackupOptions backups;

  @Override
  public Integer call() {
    BackupResult backup = database.backups(backups.settings(BackupPolicy.NEVER)).backup();
    Printer.print(
        spec.commandLine().getOut(),
        database,
        backup,
        out ->
            out.printf(
                "Backed up to %s (%d bytes, %d ms).%n",
                backup.file(), backup.bytes(), backup.took().toMillis()));
    return 0;
  }
}
