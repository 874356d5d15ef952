package com.migochat.cli;

import com.migochat.runner.changeset.ChangeSetRef;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    header = "Write the next changeset file and include it at the end of the master changelog.",
    description = {
      "Write the next changeset file, changes/YYYYMMDD_HHMM_<slug>.xml, with a rollback section",
      "to fill in, and include it at the end of the master changelog."
    })
class NewCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MESSAGE", description = "What the change does, e.g. \"add phone\".")
  String message;

  @Mixin ChangeLogFolderOptions changes;

  @Override
  public Integer call() {
    ChangeSetRef created = changes.scaffold().create(message, changes.author);
    Printer.print(
        spec.commandLine().getOut(),
        database,
        created,
        out ->
            out.printf(
                "Created %s in %s; it is included at the end of the master changelog.%n"
                    + "Fill in the changes and the rollback, then run 'upgrade --sql' to check.%n",
                created.id(), changes.folder.resolve("changes")));
    return 0;
  }
}
