package com.migochat.it.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a PostgreSQL schema looks like, as comparable values: every column of every table (with type
 * and nullability) and the migration history. The instance registry is left out: an instance
 * registers before it migrates, so that others see its progress, whether the migration then works
 * or not.
 *
 * @param columns "table.column type nullable" for every column of the public schema but the
 *     instance registry's
 * @param history "id deployment-id" for every history row, in the order they ran
 */
public record SchemaSnapshot(List<String> columns, List<String> history) {

  public static SchemaSnapshot of(Connection connection) throws SQLException {
    return new SchemaSnapshot(
        strings(
            connection,
            "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable"
                + " FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND table_name <> 'databasechangelog_instance'"
                + " ORDER BY table_name, column_name"),
        historyIds(connection));
  }

  /** The changeset ids in the history, in the order they ran. */
  public static List<String> historyIdsOf(Connection connection) throws SQLException {
    return strings(connection, "SELECT id FROM databasechangelog ORDER BY orderexecuted");
  }

  private static List<String> historyIds(Connection connection) throws SQLException {
    return strings(
        connection,
        "SELECT id || ' ' || deployment_id FROM databasechangelog ORDER BY orderexecuted");
  }

  private static List<String> strings(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
