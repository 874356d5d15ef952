package com.migochat.runner.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;

/**
 * Restores an H2 backup. H2 2.2 commits every DDL statement, even with auto-commit off (a dropped
 * table stays dropped after a rollback), so the restore cannot be one transaction as on PostgreSQL.
 * Instead, nothing is dropped before the backup has been checked completely, Migochat's current
 * tables are saved first, and if the restore fails they are put back from that copy.
 */
final class H2Restore {

  private static final Logger LOG = Logger.getLogger(H2Restore.class.getName());

  private final Connection connection;
  private final ApplicationTables tables;
  private final String database;

  H2Restore(Connection connection, ApplicationTables tables, String database) {
    this.connection = connection;
    this.tables = tables;
    this.database = database;
  }

  /**
   * Replaces Migochat's tables with the backup's; returns where their previous content was saved
   * (beside the backup), or null when there were none.
   */
  Path restore(Path backup) throws SQLException {
    RestoreGuard.check(connection, false, database);
    List<String> restored = H2Script.check(backup);
    tables.checkRestorable(backup, restored, "script of a whole database is for H2's RUNSCRIPT");
    Path saved = saveCurrent(backup.getParent());
    try {
      drop();
    } catch (SQLException refused) {
      // H2 drops all the tables of one DROP TABLE or, when one cannot go, none.
      BackupFolder.deleteQuietly(saved);
      throw DatabaseBackup.failed(
          "cannot drop Migochat's tables to replace them: " + firstLine(refused),
          "another application's table or view depends on them; remove that dependency and run"
              + " restore again. Nothing was changed",
          refused);
    }
    try {
      load(backup);
    } catch (SQLException failure) {
      putBack(saved, backup, failure);
    }
    return saved;
  }

  private Path saveCurrent(Path folder) throws SQLException {
    List<String> present = tables.present(connection);
    if (present.isEmpty()) {
      return null;
    }
    try {
      Path saved = new BackupFolder(folder, 0).newFile("zip");
      H2Script.write(connection, tables, present, saved);
      LOG.info("Saved Migochat's tables to " + saved + " before restoring over them");
      return saved;
    } catch (IOException e) {
      throw DatabaseBackup.failed(
          "cannot save Migochat's current tables beside the backup, in "
              + folder
              + ", before replacing them: "
              + e.getMessage(),
          "make that folder writable, or copy the backup into the backup folder and restore it"
              + " from there; nothing was changed",
          e);
    }
  }

  private void drop() throws SQLException {
    List<String> present = tables.present(connection);
    if (!present.isEmpty()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "DROP TABLE " + ApplicationTables.qualified(connection.getSchema(), present));
      }
    }
  }

  /** Runs the script, which creates Migochat's tables, and frees the lock it may have recorded. */
  private void load(Path script) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("RUNSCRIPT FROM " + H2Script.literal(script) + " COMPRESSION ZIP");
      // A lock recorded in the backup belonged to a process of the past; the guard found it free.
      for (String table : tables.present(connection)) {
        if (table.equalsIgnoreCase("DATABASECHANGELOGLOCK")) {
          statement.executeUpdate(
              "UPDATE "
                  + ApplicationTables.qualified(connection.getSchema(), List.of(table))
                  + " SET LOCKED = FALSE, LOCKEDBY = NULL, LOCKGRANTED = NULL");
        }
      }
    }
  }

  private void putBack(Path saved, Path backup, SQLException failure) {
    String what = "restoring " + backup + " failed halfway: " + firstLine(failure);
    try {
      drop();
      if (saved != null) {
        load(saved);
      }
    } catch (SQLException again) {
      throw DatabaseBackup.failed(
          what + "; putting Migochat's previous tables back failed too: " + firstLine(again),
          saved == null
              ? "drop what is left of Migochat's tables and run upgrade"
              : "put the previous content back with 'migochat restore " + saved + " --yes'",
          failure);
    }
    throw DatabaseBackup.failed(
        what
            + "; Migochat's tables were put back as they were"
            + (saved == null ? "" : ", from " + saved),
        "fix the cause and run restore again",
        failure);
  }

  private static String firstLine(SQLException e) {
    return String.valueOf(e.getMessage()).split("\n", 2)[0];
  }
}
