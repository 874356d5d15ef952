package com.migochat.migrations.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.migrations.runner.BackupResult;
import com.migochat.migrations.runner.ChangeLogHistory;
import com.migochat.migrations.runner.ChangeSetRun;
import com.migochat.migrations.runner.DatabaseBackup;
import com.migochat.migrations.runner.DowngradeTarget;
import com.migochat.migrations.runner.MigrationRunner;
import com.migochat.migrations.runner.MigrationSettings;
import com.migochat.migrations.testing.ThrowawayDatabase;
import com.migochat.migrations.testing.ThrowawayDatabase.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A backup brings back the schema, the history and every row, whatever happened after it. */
class BackupRestoreTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRestoredBackupHasTheSchemaHistoryAndRowsOfItsMoment(Engine engine, @TempDir Path folder)
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner =
          new MigrationRunner(database.dataSource(), MigrationSettings.defaults());
      runner.upgrade();
      try (Connection connection = database.connect()) {
        RepresentativeRows.insert(connection, 0, 5);
      }
      DatabaseState backedUp = stateWithHistory(database);
      DatabaseBackup backups = new DatabaseBackup(database.url(), database.user(), "", null);

      BackupResult backup = backups.backup(folder);
      runner.downgrade(new DowngradeTarget.Base());
      assertNotEquals(backedUp, stateWithHistory(database));
      backups.restore(backup.file());

      assertTrue(Files.size(backup.file()) > 0);
      assertTrue(
          backup.file().getFileName().toString().matches("migochat-\\d{8}-\\d{6}-\\d{3}\\..+"));
      assertEquals(backedUp, stateWithHistory(database));
      assertTrue(runner.status().atHead());
    }
  }

  private static DatabaseState stateWithHistory(ThrowawayDatabase database) throws SQLException {
    try (Connection connection = database.connect()) {
      DatabaseState state = DatabaseState.read(connection);
      List<ChangeSetRun> history = new ChangeLogHistory(connection).newestFirst();
      state
          .rows()
          .put("(history)", history.stream().map(run -> Map.of("run", run.toString())).toList());
      return state;
    }
  }
}
