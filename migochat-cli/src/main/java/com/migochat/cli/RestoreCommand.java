package com.migochat.cli;

import com.migochat.migrations.runner.BackupResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Replace the database's content, schema history included, with a backup.",
      "Stop the application first: it would otherwise write while the data is replaced."
    })
class RestoreCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A file written by 'backup'.")
  Path file;

  @Override
  public Integer call() {
    BackupResult restored = database.backups().restore(file);
    Printer.print(
        spec.commandLine().getOut(),
        database,
        restored,
        out -> out.printf("Restored %s (%d ms).%n", restored.file(), restored.took().toMillis()));
    return 0;
  }
}
