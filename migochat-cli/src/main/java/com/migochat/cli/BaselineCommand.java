package com.migochat.cli;

import com.migochat.runner.baseline.BaselineResult;
import com.migochat.runner.schema.ScratchDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    header =
        "Record every changeset as applied on a database created from the entities, once checked.",
    description = {
      "Put a database that was created without migrations (from the entities) under the",
      "changelog: check that its tables, columns, types, keys and indexes are exactly what the",
      "changelog builds (in a scratch database, dropped afterwards), and only then record every",
      "changeset as applied without running it. On any difference it refuses, lists them, and",
      "changes nothing. Alembic's 'stamp head', checked first."
    })
class BaselineCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Mixin ChangeLogOptions changeLogSource;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    BaselineResult result;
    try (ScratchDatabase scratch = database.scratch()) {
      result = database.runner().baseline(scratch.dataSource());
    }
    Printer.print(
        spec.commandLine().getOut(),
        database,
        result,
        out -> {
          out.printf(
              "The schema matches the changelog. Recorded %d changesets as applied, without"
                  + " running them:%n",
              result.marked().size());
          result.marked().forEach(changeSet -> out.println("  " + changeSet.id()));
        });
    return 0;
  }
}
