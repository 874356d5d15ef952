package com.migochat.runner.roundtrip;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The schema (tables, columns with type, size and nullability, primary keys, indexes, foreign keys)
 * and every row of the application's tables, as comparable text. Liquibase's own tables are left
 * out. The system tests compare it before and after a migration round trip too.
 *
 * @param schema one line per column, key and index
 * @param rows per table, its rows as column-to-text maps, sorted
 */
public record DatabaseState(TreeSet<String> schema, Map<String, List<Map<String, String>>> rows) {

  public static DatabaseState read(Connection connection) throws SQLException {
    TreeSet<String> schema = new TreeSet<>();
    Map<String, List<Map<String, String>>> rows = new TreeMap<>();
    DatabaseMetaData metaData = connection.getMetaData();
    for (String table : Tables.of(connection)) {
      String key = table.toLowerCase(Locale.ROOT);
      try (ResultSet columns = metaData.getColumns(null, connection.getSchema(), table, "%")) {
        while (columns.next()) {
          schema.add(
              key
                  + "."
                  + columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                  + " "
                  + columns.getString("TYPE_NAME")
                  + "("
                  + columns.getInt("COLUMN_SIZE")
                  + ") nullable="
                  + columns.getString("IS_NULLABLE"));
        }
      }
      try (ResultSet keys = metaData.getPrimaryKeys(null, connection.getSchema(), table)) {
        while (keys.next()) {
          schema.add(
              key + " primary key " + keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
      }
      try (ResultSet indexes =
          metaData.getIndexInfo(null, connection.getSchema(), table, false, false)) {
        while (indexes.next()) {
          if (indexes.getString("COLUMN_NAME") != null) {
            schema.add(
                key
                    + " index "
                    + indexName(indexes.getString("INDEX_NAME"))
                    + " unique="
                    + !indexes.getBoolean("NON_UNIQUE")
                    + " "
                    + indexes.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
          }
        }
      }
      for (Tables.ForeignKey foreignKey : Tables.foreignKeys(connection, table)) {
        schema.add(key + " foreign key " + foreignKey);
      }
      rows.put(key, rowsOf(connection, table));
    }
    return new DatabaseState(schema, rows);
  }

  /**
   * The index name, without the number H2 appends to the names it generates for backing indexes
   * ({@code primary_key_4d}, {@code uq_users_psid_index_6}): H2 renumbers them whenever it rebuilds
   * a table, which is no change of schema.
   */
  private static String indexName(String name) {
    return String.valueOf(name)
        .toLowerCase(Locale.ROOT)
        .replaceAll("(?<=primary_key|_index)_[0-9a-f]+$", "_#");
  }

  /** This state with only the tables and columns that {@code older} has. */
  DatabaseState projectedOnto(DatabaseState older) {
    Map<String, List<Map<String, String>>> projected = new TreeMap<>();
    older
        .rows()
        .forEach(
            (table, olderRows) -> {
              List<Map<String, String>> kept = new ArrayList<>();
              for (Map<String, String> row : rows.getOrDefault(table, List.of())) {
                Map<String, String> copy = new TreeMap<>(row);
                copy.keySet().removeIf(column -> !older.hasColumn(table, column));
                kept.add(copy);
              }
              kept.sort(DatabaseState::compareRows);
              projected.put(table, kept);
            });
    return new DatabaseState(older.schema(), projected);
  }

  private boolean hasColumn(String table, String column) {
    return schema.stream().anyMatch(line -> line.startsWith(table + "." + column + " "));
  }

  private static List<Map<String, String>> rowsOf(Connection connection, String table)
      throws SQLException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        Map<String, String> row = new TreeMap<>();
        for (int column = 1; column <= columns; column++) {
          row.put(
              result.getMetaData().getColumnName(column).toLowerCase(Locale.ROOT),
              String.valueOf(result.getString(column)));
        }
        rows.add(row);
      }
    }
    rows.sort(DatabaseState::compareRows);
    return rows;
  }

  private static int compareRows(Map<String, String> left, Map<String, String> right) {
    return left.toString().compareTo(right.toString());
  }
}
