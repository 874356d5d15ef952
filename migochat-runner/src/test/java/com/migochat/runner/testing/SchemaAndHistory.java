package com.migochat.runner.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a migration leaves on PostgreSQL, as comparable text: the application's columns, indexes
 * (each with its definition and whether it is valid) and constraints (primary and foreign keys,
 * unique, check) in the current schema, Liquibase's and Migochat's own tables left out, and the
 * history rows as Liquibase records them, less what differs between any two runs (dates, deployment
 * ids).
 *
 * @param schema one line per column, index and constraint, sorted
 * @param history one line per history row, in execution order
 */
public record SchemaAndHistory(List<String> schema, List<String> history) {

  public static SchemaAndHistory read(Connection connection) throws SQLException {
    List<String> schema =
        lines(
            connection,
            "SELECT table_name || '.' || column_name || ' ' || data_type || ' nullable='"
                + " || is_nullable || ' default=' || coalesce(column_default, '')"
                + " FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name NOT LIKE 'databasechangelog%'"
                + " UNION ALL SELECT 'index ' || pg_get_indexdef(i.indexrelid)"
                + " || ' valid=' || i.indisvalid || ' ready=' || i.indisready"
                + " FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid"
                + " WHERE t.relnamespace = current_schema()::regnamespace"
                + " AND t.relname NOT LIKE 'databasechangelog%'"
                + " UNION ALL SELECT 'constraint ' || c.conrelid::regclass || ' ' || c.conname"
                + " || ' ' || pg_get_constraintdef(c.oid) FROM pg_constraint c"
                + " WHERE c.connamespace = current_schema()::regnamespace"
                + " AND c.conrelid::regclass::text NOT LIKE 'databasechangelog%' ORDER BY 1");
    List<String> history =
        lines(
            connection,
            "SELECT concat_ws(' | ', id, author, filename, orderexecuted, exectype, md5sum,"
                + " description, comments, tag, liquibase, contexts, labels)"
                + " FROM databasechangelog ORDER BY orderexecuted");
    return new SchemaAndHistory(schema, history);
  }

  private static List<String> lines(Connection connection, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        lines.add(rows.getString(1));
      }
    }
    return lines;
  }
}
