package com.migochat.runner.roundtrip;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Inserts rows into every application table from its metadata alone, so new tables and columns are
 * covered without touching the harness. Text columns get the values that break naive data
 * migrations: inner spaces, accents, quotes, leading and trailing blanks, and NULL.
 */
final class RepresentativeRows {

  private static final List<String> TEXTS =
      List.of("Mary Ann", "José Ñúñez-Łukasz", "O'Brien", " padded ", "van der Berg");

  private RepresentativeRows() {}

  /** Inserts {@code perTable} rows into each table; {@code round} keeps unique values unique. */
  static void insert(Connection connection, int round, int perTable) throws SQLException {
    for (String table : Tables.of(connection)) {
      List<Column> columns = columnsOf(connection, table);
      for (int row = 0; row < perTable; row++) {
        insertRow(connection, table, columns, round * 100 + row);
      }
    }
  }

  private record Column(String name, int type, int size, boolean nullable, boolean unique) {}

  private static void insertRow(Connection connection, String table, List<Column> columns, int n)
      throws SQLException {
    List<String> names = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (Column column : columns) {
      names.add(column.name());
      values.add(valueFor(connection, table, column, n));
    }
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", names)
            + ") VALUES ("
            + String.join(", ", names.stream().map(name -> "?").toList())
            + ")";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int index = 0; index < values.size(); index++) {
        statement.setObject(index + 1, values.get(index));
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      // A link table can draw the same pair of parents twice; one such row is enough.
      if (!"23505".equals(e.getSQLState())) {
        throw e;
      }
    }
  }

  private static Object valueFor(Connection connection, String table, Column column, int n)
      throws SQLException {
    for (Tables.ForeignKey key : Tables.foreignKeys(connection, table)) {
      if (key.column().equalsIgnoreCase(column.name())) {
        return parentKey(connection, key, n);
      }
    }
    return switch (column.type()) {
      case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB -> text(column, n);
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
          OffsetDateTime.of(2025, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC).plusMinutes(n);
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> (long) n;
      case Types.BOOLEAN, Types.BIT -> n % 2 == 0;
      default -> {
        if (column.nullable()) {
          yield null;
        }
        throw new IllegalStateException(
            "The harness cannot fill "
                + table
                + "."
                + column.name()
                + " (JDBC type "
                + column.type()
                + "): teach RepresentativeRows that type");
      }
    };
  }

  private static String text(Column column, int n) {
    if (column.nullable() && !column.unique() && n % TEXTS.size() == 2) {
      return null;
    }
    String text = TEXTS.get(n % TEXTS.size());
    if (column.unique()) {
      text = text + " #" + n;
    }
    return text.length() > column.size() ? text.substring(0, column.size()) : text;
  }

  private static Object parentKey(Connection connection, Tables.ForeignKey key, int n)
      throws SQLException {
    List<Object> keys = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT "
                    + key.referencedColumn()
                    + " FROM "
                    + key.referencedTable()
                    + " ORDER BY "
                    + key.referencedColumn())) {
      while (result.next()) {
        keys.add(result.getObject(1));
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalStateException(key.referencedTable() + " has no row to reference");
    }
    return keys.get((n * 7 + key.column().length()) % keys.size());
  }

  private static List<Column> columnsOf(Connection connection, String table) throws SQLException {
    Set<String> unique = new HashSet<>();
    try (ResultSet indexes =
        connection.getMetaData().getIndexInfo(null, connection.getSchema(), table, true, false)) {
      List<String> singleColumn = new ArrayList<>();
      String lastIndex = null;
      int columnsInIndex = 0;
      while (indexes.next()) {
        String index = indexes.getString("INDEX_NAME");
        String column = indexes.getString("COLUMN_NAME");
        if (column == null) {
          continue;
        }
        if (!index.equals(lastIndex)) {
          if (columnsInIndex == 1) {
            unique.addAll(singleColumn);
          }
          singleColumn.clear();
          columnsInIndex = 0;
          lastIndex = index;
        }
        singleColumn.add(column.toLowerCase(Locale.ROOT));
        columnsInIndex++;
      }
      if (columnsInIndex == 1) {
        unique.addAll(singleColumn);
      }
    }
    List<Column> columns = new ArrayList<>();
    try (ResultSet result =
        connection.getMetaData().getColumns(null, connection.getSchema(), table, "%")) {
      while (result.next()) {
        if ("YES".equals(result.getString("IS_AUTOINCREMENT"))) {
          continue;
        }
        String name = result.getString("COLUMN_NAME");
        columns.add(
            new Column(
                name,
                result.getInt("DATA_TYPE"),
                result.getInt("COLUMN_SIZE"),
                "YES".equals(result.getString("IS_NULLABLE")),
                unique.contains(name.toLowerCase(Locale.ROOT))));
      }
    }
    return columns;
  }
}
