package com.migochat.cli;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.backup.BackupResult;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.config.BackupPolicy;
import com.migochat.runner.upgrade.UpgradeResult;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "upgrade",
    mixinStandardHelpOptions = true,
    description = "Apply pending changesets: to head, up to a changeset id, or +N of them.")
class UpgradeCommand implements Callable<Integer> {

  @Mixin DatabaseOptions database;

  @Mixin ChangeLogOptions changeLogSource;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      defaultValue = "head",
      paramLabel = "TARGET",
      description = "head (default), a changeset id, or +N.")
  String target;

  @Option(names = "--sql", description = "Print the SQL it would run; change nothing.")
  boolean sql;

  @Option(
      names = "--backup",
      defaultValue = "${env:MIGOCHAT_BACKUP_BEFORE_UPGRADE:-auto}",
      description = {
        "Back up before applying anything to a database with a history: auto (PostgreSQL",
        "only), always or never (env MIGOCHAT_BACKUP_BEFORE_UPGRADE; default: ${DEFAULT-VALUE})."
      })
  String backup;

  @Option(
      names = "--allow-out-of-order",
      defaultValue = "${env:MIGOCHAT_MIGRATIONS_ALLOW_OUT_OF_ORDER:-false}",
      description =
          "Apply pending changesets that sort before applied ones (two branches met), if they"
              + " touch no table the changesets applied after them touched (env"
              + " MIGOCHAT_MIGRATIONS_ALLOW_OUT_OF_ORDER; default: ${DEFAULT-VALUE}).")
  boolean allowOutOfOrder;

  @Mixin BackupOptions backups;

  @Mixin LockWaitOptions lockWaits;

  @Mixin OfflineOptions offline;

  @Override
  public Integer call() {
    UpgradeTarget to = UpgradeTarget.parse(target);
    if (offline.requested()) {
      SqlPrinting.print(
          spec.commandLine().getOut(), database, offline.upgrade(database.runner(), to));
      return 0;
    }
    if (sql) {
      SqlPrinting.print(spec.commandLine().getOut(), database, database.runner().upgradeSql(to));
      return 0;
    }
    UpgradeResult result =
        new MigrationRunner(
                database
                    .configure(backups.settings(BackupPolicy.parse(backup)))
                    .lockWaits(lockWaits.settings())
                    .allowOutOfOrder(allowOutOfOrder)
                    .load())
            .upgrade(to);
    BackupResult backupTaken = result.backup();
    Printer.print(
        spec.commandLine().getOut(),
        database,
        result,
        out -> {
          if (backupTaken != null) {
            out.printf(
                "Backed up to %s first (%d bytes); undo with 'restore %s'.%n",
                backupTaken.file(), backupTaken.bytes(), backupTaken.file());
          }
          if (result.nothingApplied()) {
            out.printf("Nothing to apply: the database is already at %s.%n", target);
            return;
          }
          out.printf(
              "Applied %d changesets in %d ms:%n",
              result.applied().size(), result.took().toMillis());
          for (ChangeSetRef changeSet : result.applied()) {
            out.printf("  %s%n", changeSet.id());
          }
        });
    return 0;
  }
}
