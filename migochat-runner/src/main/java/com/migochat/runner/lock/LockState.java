package com.migochat.runner.lock;

import com.migochat.runner.history.SchemaTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Liquibase's migration lock, as its lock table records it.
 *
 * @param locked whether a process holds it
 * @param lockedBy who holds it (host and address), or null
 * @param since since when, or null
 */
public record LockState(boolean locked, String lockedBy, Instant since) {

  static final LockState FREE = new LockState(false, null, null);

  /** The lock as the database records it now; free when there is no lock table yet. */
  public static LockState read(Connection connection) throws SQLException {
    if (!SchemaTables.exists(connection, "DATABASECHANGELOGLOCK")) {
      return FREE;
    }
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT LOCKED, LOCKEDBY, LOCKGRANTED FROM DATABASECHANGELOGLOCK WHERE ID = 1")) {
      if (!row.next() || !row.getBoolean("LOCKED")) {
        return FREE;
      }
      Timestamp since = row.getTimestamp("LOCKGRANTED");
      return new LockState(
          true, row.getString("LOCKEDBY"), since == null ? null : since.toInstant());
    }
  }
}
