package com.migochat.cli;

import com.migochat.migrations.runner.ChangeSetRef;
import com.migochat.migrations.runner.ChangeSetScaffold;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Write the next changeset file, changes/YYYYMMDD_HHMM_<slug>.xml, with a rollback section",
      "to fill in, and include it at the end of the master changelog."
    })
class NewCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MESSAGE", description = "What the change does, e.g. \"add phone\".")
  String message;

  @Option(
      names = "--dir",
      defaultValue = "migochat-migrations/src/main/resources/db/changelog",
      description = "Folder of the master changelog (default: ${DEFAULT-VALUE}).")
  Path folder;

  @Option(
      names = "--author",
      defaultValue = "${env:USER:-migochat}",
      description = "Author of the changeset (default: ${DEFAULT-VALUE}).")
  String author;

  @Override
  public Integer call() {
    ChangeSetRef created = new ChangeSetScaffold(folder, Clock.systemUTC()).create(message, author);
    Printer.print(
        spec.commandLine().getOut(),
        database,
        created,
        out ->
            out.printf(
                "Created %s in %s; it is included at the end of the master changelog.%n"
                    + "Fill in the changes and the rollback, then run 'upgrade --sql' to check.%n",
                created.id(), folder.resolve("changes")));
    return 0;
  }
}
