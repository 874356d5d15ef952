package com.migochat.cli;

import com.migochat.migrations.runner.BackupResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Back Migochat's tables up to a timestamped file, readable by its owner only: pg_dump",
      "for PostgreSQL, SCRIPT for H2. Restore it with 'restore FILE'."
    })
class BackupCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      defaultValue = "${env:MIGOCHAT_BACKUP_DIR:-./data/backups}",
      description = "Folder for backups (env MIGOCHAT_BACKUP_DIR; default: ${DEFAULT-VALUE}).")
  Path folder;

  @Option(
      names = "--keep",
      defaultValue = "${env:MIGOCHAT_BACKUP_KEEP:-10}",
      description = {
        "Backups to keep in the folder: older ones are deleted, other files never (env",
        "MIGOCHAT_BACKUP_KEEP; default: ${DEFAULT-VALUE}; 0 keeps them all)."
      })
  int keep;

  @Override
  public Integer call() {
    BackupResult backup = database.backups(keep).backup(folder);
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
