package com.migochat.runner.status;

import com.migochat.runner.history.SchemaTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The size of the application's tables, read with plain JDBC. */
final class RowCounts {

  private RowCounts() {}

  /** Rows per application table (every table but Liquibase's), by lower-case table name. */
  static Map<String, Long> of(Connection connection) throws SQLException {
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
