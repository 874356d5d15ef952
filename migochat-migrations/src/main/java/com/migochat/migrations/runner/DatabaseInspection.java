package com.migochat.migrations.runner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
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
    if (!tableExists("DATABASECHANGELOGLOCK")) {
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
    for (String table : applicationTables()) {
      try (Statement statement = connection.createStatement();
          ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
        count.next();
        counts.put(table.toLowerCase(Locale.ROOT), count.getLong(1));
      }
    }
    return counts;
  }

  private List<String> applicationTables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet result =
        connection
            .getMetaData()
            .getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (result.next()) {
        String name = result.getString("TABLE_NAME");
        if (!name.toLowerCase(Locale.ROOT).startsWith("databasechangelog")) {
          tables.add(name);
        }
      }
    }
    return tables;
  }

  private boolean tableExists(String name) throws SQLException {
    for (String candidate : List.of(name, name.toLowerCase(Locale.ROOT))) {
      try (ResultSet tables =
          connection
              .getMetaData()
              .getTables(null, connection.getSchema(), candidate, new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
