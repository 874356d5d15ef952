package com.migochat.migrations.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.migrations.runner.BackupBeforeUpgrade;
import com.migochat.migrations.runner.BackupBeforeUpgrade.Policy;
import com.migochat.migrations.runner.BackupResult;
import com.migochat.migrations.runner.DatabaseBackup;
import com.migochat.migrations.runner.MigrationRunner;
import com.migochat.migrations.runner.MigrationSettings;
import com.migochat.migrations.runner.UpgradeTarget;
import com.migochat.migrations.testing.ThrowawayDatabase;
import com.migochat.migrations.testing.ThrowawayDatabase.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backup an upgrade takes first: only when something is pending for a database with a history,
 * as the policy says, and good enough to undo the upgrade.
 */
class BackupBeforeUpgradeTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void backsUpOnlyWhenAnUpgradeWouldChangeADatabaseWithAHistory(Engine engine, @TempDir Path folder)
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner =
          new MigrationRunner(database.dataSource(), MigrationSettings.defaults());
      DatabaseBackup backups = new DatabaseBackup(database.url(), database.user(), "", null);
      int changeSets = runner.status().pending().size();

      assertEquals(
          Optional.empty(),
          backupBeforeUpgrade(backups, Policy.ALWAYS, folder).takeIfPending(runner::status),
          "a new database has nothing to lose");
      runner.upgrade(new UpgradeTarget.Steps(2));
      assertEquals(
          Optional.empty(),
          backupBeforeUpgrade(backups, Policy.NEVER, folder).takeIfPending(runner::status));
      assertEquals(
          engine == Engine.POSTGRESQL,
          backupBeforeUpgrade(backups, Policy.AUTO, folder)
              .takeIfPending(runner::status)
              .isPresent(),
          "auto backs up PostgreSQL, not H2");

      BackupResult backup =
          backupBeforeUpgrade(backups, Policy.ALWAYS, folder)
              .takeIfPending(runner::status)
              .orElseThrow();
      runner.upgrade();
      assertEquals(
          Optional.empty(),
          backupBeforeUpgrade(backups, Policy.ALWAYS, folder).takeIfPending(runner::status),
          "nothing pending, nothing to back up");

      assertTrue(Files.size(backup.file()) > 0);
      backups.restore(backup.file());
      assertEquals(2, runner.status().history().size(), "the backup undoes the upgrade");
      assertEquals(changeSets - 2, runner.status().pending().size());
    }
  }

  private static BackupBeforeUpgrade backupBeforeUpgrade(
      DatabaseBackup backups, Policy policy, Path folder) {
    return new BackupBeforeUpgrade(backups, policy, folder);
  }
}
