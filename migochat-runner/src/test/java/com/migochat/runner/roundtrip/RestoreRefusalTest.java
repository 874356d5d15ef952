package com.migochat.runner.roundtrip;

import static com.migochat.runner.roundtrip.BackupRestoreTest.backupsOf;
import static com.migochat.runner.roundtrip.BackupRestoreTest.execute;
import static com.migochat.runner.roundtrip.BackupRestoreTest.migrated;
import static com.migochat.runner.roundtrip.BackupRestoreTest.stateWithHistory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.backup.DatabaseBackup;
import com.migochat.runner.downgrade.DowngradeTarget;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A restore refuses, changing nothing, while the application may still use the database: while the
 * migration lock is held, or while another session is connected.
 */
class RestoreRefusalTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRestoreWhileTheMigrationLockIsHeldNamesTheHolderAndChangesNothing(
      Engine engine, @TempDir Path folder) throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      migrated(database).downgrade(new DowngradeTarget.Steps(1));
      DatabaseBackup backups = backupsOf(database);
      Path backup = backups.backup(folder).file();
      migrated(database);
      execute(
          database,
          "UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKEDBY = 'upgrader (10.0.0.9) pid 42',"
              + " LOCKGRANTED = CURRENT_TIMESTAMP");
      DatabaseState beforeRestore = stateWithHistory(database);

      MigrationException refused =
          assertThrows(MigrationException.class, () -> backups.restore(backup));

      assertEquals(MigrationError.RESTORE_REFUSED, refused.failure().error());
      assertTrue(
          refused.getMessage().contains("held by upgrader (10.0.0.9) pid 42"),
          refused.getMessage());
      assertTrue(refused.getMessage().contains("migochat unlock"), refused.getMessage());
      assertEquals(beforeRestore, stateWithHistory(database));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRestoreWhileAnotherSessionIsConnectedSaysWhichAndChangesNothing(
      Engine engine, @TempDir Path folder) throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      migrated(database).downgrade(new DowngradeTarget.Steps(1));
      DatabaseBackup backups = backupsOf(database);
      Path backup = backups.backup(folder).file();
      migrated(database);
      DatabaseState beforeRestore = stateWithHistory(database);

      MigrationException refused;
      try (Connection application = database.connect()) {
        refused = assertThrows(MigrationException.class, () -> backups.restore(backup));
      }

      assertEquals(MigrationError.RESTORE_REFUSED, refused.failure().error());
      assertTrue(
          refused.getMessage().contains("1 other session is connected to database "),
          refused.getMessage());
      assertTrue(refused.getMessage().contains("stop every instance"), refused.getMessage());
      assertEquals(beforeRestore, stateWithHistory(database));
    }
  }
}
