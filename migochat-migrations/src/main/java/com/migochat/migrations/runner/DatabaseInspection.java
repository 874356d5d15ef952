package com.migochat.migrations.runner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Reads the migration lock and the size of the application's tables with plain JDBC. */
final class DatabaseInspection {

  private final Connection connection;

  DatabaseInspection(Connection connection) {
    this.connection = connection;
  }

  LockState lock() throws SQLException {
    if (!SchemaTables.exists(connection, "DATABASECHANGELOGLOCK")) {
      return LockState.FREE;
    }
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT LOCKED, LOCKEDBY, LOCKGRANTED FROM DATABASECHANGELOGLOCK WHERE ID = 1")) {
      if (!row.next() || !row.getBoolean("LOCKED")) {
        return LockState.FREE;
      }
      Timestamp since = row.getTimestamp("LOCKGRANTED");
      return new LockState(
          true, row.getString("LOCKEDBY"), since == null ? null : since.toInstant());
    }
  }

  /** Rows per application table (every table but Liquibase's), by lower-case table name. */
  Map<String, Long> rowCounts() throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    for (String table : SchemaTables.application(connection)) {
      try (Statement statement = connection.createStatement()) {
        // Quoted as the database spells it: a name with a space, a quote or mixed case is a table
        // name, never SQL.
        String quoted = statement.enquoteIdentifier(table, true);
        try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + quoted)) {
          count.next();
          counts.put(table.toLowerCase(Locale.ROOT), count.getLong(1));
        }
      }
    }
    return counts;
  }
}
