package com.migochat.runner.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.backup.BackupResult;
import com.migochat.runner.backup.DatabaseBackup;
import com.migochat.runner.changeset.ChangeSetRun;
import com.migochat.runner.downgrade.DataLoss;
import com.migochat.runner.downgrade.DowngradeTarget;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.history.ChangeLogHistory;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A backup brings back Migochat's schema, history and rows, whatever happened after it; a restore
 * replaces all of Migochat's tables or none, and no other table.
 */
class BackupRestoreTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRestoredBackupHasTheSchemaHistoryAndRowsOfItsMoment(Engine engine, @TempDir Path folder)
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = migrated(database);
      try (Connection connection = database.connect()) {
        RepresentativeRows.insert(connection, 0, 5);
      }
      DatabaseState backedUp = stateWithHistory(database);
      DatabaseBackup backups = backupsOf(database);

      BackupResult backup = backups.backup(folder);
      runner.downgrade(new DowngradeTarget.Base(), DataLoss.ALLOW);
      assertNotEquals(backedUp, stateWithHistory(database));
      backups.restore(backup.file());

      assertTrue(Files.size(backup.file()) > 0);
      assertTrue(
          backup.file().getFileName().toString().matches("migochat-\\d{8}-\\d{6}-\\d{3}\\..+"));
      assertEquals(backedUp, stateWithHistory(database));
      assertTrue(runner.status().atHead());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aTruncatedBackupIsRefusedAndLeavesTheDatabaseAsItWas(Engine engine, @TempDir Path folder)
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      migrated(database);
      try (Connection connection = database.connect()) {
        RepresentativeRows.insert(connection, 0, 5);
      }
      DatabaseBackup backups = backupsOf(database);
      Path backup = backups.backup(folder).file();
      try (Connection connection = database.connect()) {
        RepresentativeRows.insert(connection, 1, 2);
      }
      DatabaseState beforeRestore = stateWithHistory(database);
      try (RandomAccessFile file = new RandomAccessFile(backup.toFile(), "rw")) {
        file.setLength(file.length() / 2);
      }

      MigrationException refused =
          assertThrows(MigrationException.class, () -> backups.restore(backup));

      assertEquals(MigrationError.BACKUP_FAILED, refused.failure().error());
      assertEquals(beforeRestore, stateWithHistory(database));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anotherApplicationsTableInTheSchemaIsNeitherBackedUpNorReplaced(
      Engine engine, @TempDir Path folder) throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = migrated(database);
      execute(database, "CREATE TABLE crm_notes (id INT PRIMARY KEY, note VARCHAR(100))");
      execute(database, "INSERT INTO crm_notes VALUES (1, 'written before the backup')");
      DatabaseBackup backups = backupsOf(database);
      Path backup = backups.backup(folder).file();
      execute(database, "INSERT INTO crm_notes VALUES (2, 'written after the backup')");
      runner.downgrade(new DowngradeTarget.Base());

      backups.restore(backup);

      try (Connection connection = database.connect()) {
        assertEquals(
            List.of(
                Map.of("id", "1", "note", "written before the backup"),
                Map.of("id", "2", "note", "written after the backup")),
            DatabaseState.read(connection).rows().get("crm_notes"));
      }
      assertTrue(runner.status().atHead(), "Migochat's tables came back");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aForeignKeyOfAnotherApplicationStopsTheRestoreAndNothingChanges(
      Engine engine, @TempDir Path folder) throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      migrated(database);
      try (Connection connection = database.connect()) {
        RepresentativeRows.insert(connection, 0, 2);
      }
      DatabaseBackup backups = backupsOf(database);
      Path backup = backups.backup(folder).file();
      execute(
          database,
          "CREATE TABLE crm_contacts (id INT PRIMARY KEY, user_id BIGINT REFERENCES users (id))");
      execute(database, "INSERT INTO crm_contacts SELECT 1, MIN(id) FROM users");
      DatabaseState beforeRestore = stateWithHistory(database);

      MigrationException stopped =
          assertThrows(MigrationException.class, () -> backups.restore(backup));

      assertTrue(
          stopped.getMessage().contains("another application's table"), stopped.getMessage());
      assertEquals(beforeRestore, stateWithHistory(database));
    }
  }

  @Test
  void anH2RestoreThatFailsHalfwayPutsMigochatsTablesBackAsTheyWere(@TempDir Path folder)
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.h2()) {
      migrated(database);
      try (Connection connection = database.connect()) {
        RepresentativeRows.insert(connection, 0, 3);
      }
      DatabaseBackup backups = backupsOf(database);
      // As an older Migochat wrote it: every sequence of the database, another application's too.
      Path backup =
          appendedTo(backups.backup(folder).file(), "CREATE SEQUENCE \"PUBLIC\".\"CRM_IDS\";");
      execute(database, "CREATE SEQUENCE crm_ids");
      try (Connection connection = database.connect()) {
        RepresentativeRows.insert(connection, 1, 2);
      }
      DatabaseState beforeRestore = stateWithHistory(database);

      MigrationException failed =
          assertThrows(MigrationException.class, () -> backups.restore(backup));

      assertTrue(failed.getMessage().contains("failed halfway"), failed.getMessage());
      assertTrue(
          failed.getMessage().contains("Migochat's tables were put back as they were"),
          failed.getMessage());
      assertEquals(beforeRestore, stateWithHistory(database));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aMigrationLockRecordedInTheBackupIsFreeAfterTheRestore(Engine engine, @TempDir Path folder)
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = migrated(database);
      execute(
          database,
          "UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKEDBY = 'upgrader (10.0.0.9) pid 42',"
              + " LOCKGRANTED = CURRENT_TIMESTAMP");
      DatabaseBackup backups = backupsOf(database);
      Path backup = backups.backup(folder).file();
      execute(database, "UPDATE DATABASECHANGELOGLOCK SET LOCKED = FALSE, LOCKEDBY = NULL");

      backups.restore(backup);

      assertFalse(runner.lock().state().locked(), runner.lock().toString());
    }
  }

  /** A copy of an H2 backup with one more statement at the end of its script. */
  private static Path appendedTo(Path backup, String statement) throws Exception {
    Path copy = backup.resolveSibling("migochat-20200101-000000-000.zip");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(backup));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
      out.putNextEntry(new ZipEntry(in.getNextEntry().getName()));
      in.transferTo(out);
      out.write((statement + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return copy;
  }

  static MigrationRunner migrated(ThrowawayDatabase database) {
    MigrationRunner runner = database.runner();
    runner.upgrade();
    return runner;
  }

  static DatabaseBackup backupsOf(ThrowawayDatabase database) {
    return DatabaseBackup.of(database.configure().load());
  }

  static void execute(ThrowawayDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  static DatabaseState stateWithHistory(ThrowawayDatabase database) throws SQLException {
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
