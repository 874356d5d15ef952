package com.migochat.cli;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.config.BackupSettings;
import com.migochat.runner.downgrade.DataLoss;
import com.migochat.runner.downgrade.DowngradeResult;
import com.migochat.runner.downgrade.DowngradeTarget;
import com.migochat.runner.downgrade.LostData;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "downgrade",
    mixinStandardHelpOptions = true,
    description = {
      "Roll back applied changesets, newest first, down to a target.",
      "TARGET: -N, a changeset id (it stays applied), tag:NAME,",
      "date:2025-05-27T11:00:00Z, or base."
    })
class DowngradeCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Mixin ChangeLogOptions changeLogSource;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TARGET", description = "-N, a changeset id, tag:NAME, date:..., base.")
  String target;

  @Option(names = "--sql", description = "Print the SQL it would run; change nothing.")
  boolean sql;

  @Option(
      names = "--allow-data-loss",
      description =
          "Roll back even where a rollback drops a column or table that holds data; prints what"
              + " was lost (table, column, count).")
  boolean allowDataLoss;

  @Mixin LockWaitOptions lockWaits;

  @Mixin OfflineOptions offline;

  @Override
  public Integer call() {
    DowngradeTarget to = DowngradeTarget.parse(target);
    if (offline.requested()) {
      SqlPrinting.print(
          spec.commandLine().getOut(), database, offline.downgrade(database.runner(), to));
      return 0;
    }
    if (sql) {
      SqlPrinting.print(spec.commandLine().getOut(), database, database.runner().downgradeSql(to));
      return 0;
    }
    DowngradeResult result =
        database
            .runner(BackupSettings.none(), lockWaits.settings())
            .downgrade(to, allowDataLoss ? DataLoss.ALLOW : DataLoss.REFUSE);
    Printer.print(
        spec.commandLine().getOut(),
        database,
        result,
        out -> {
          if (result.rolledBack().isEmpty()) {
            out.printf("Nothing to roll back: the database is already at %s.%n", target);
            return;
          }
          out.printf(
              "Rolled back %d changesets in %d ms:%n",
              result.rolledBack().size(), result.took().toMillis());
          for (ChangeSetRef changeSet : result.rolledBack()) {
            out.printf("  %s%n", changeSet.id());
          }
          if (!result.lost().isEmpty()) {
            out.printf("Lost, as --allow-data-loss allowed:%n");
            for (LostData lost : result.lost()) {
              out.printf("  %s%n", lost.describe());
            }
          }
        });
    return 0;
  }
}
