package com.migochat.runner.compatibility;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live columns a change would alter, read from JDBC's metadata (PostgreSQL and H2 alike): their
 * type, to tell a widening from a narrowing, and whether they have a default.
 */
final class ColumnCatalog {

  private static final Pattern TYPE = Pattern.compile("\\s*([a-z ]+?)\\s*(?:\\((\\d+)\\))?\\s*");
  private static final List<String> CHARACTERS =
      List.of("varchar", "character varying", "text", "clob", "character large object");
  private static final Map<String, Integer> INTEGER_RANKS =
      Map.of("smallint", 1, "int2", 1, "integer", 2, "int", 2, "int4", 2, "bigint", 3, "int8", 3);

  /** A column's type as the database reports it. */
  private record Column(String type, int size, boolean hasDefault) {}

  private final Connection connection;

  ColumnCatalog(Connection connection) {
    this.connection = connection;
  }

  /**
   * Whether changing the column's type to {@code newType} keeps every value it holds and every
   * value an older release writes: a longer or unbounded text, a larger integer. Anything else (and
   * a column that cannot be found) counts as a narrowing.
   */
  boolean widens(String table, String column, String newType) throws SQLException {
    Optional<Column> old = column(table, column);
    Matcher target = TYPE.matcher(newType.toLowerCase(Locale.ROOT));
    if (old.isEmpty() || !target.matches()) {
      return false;
    }
    String oldName = old.get().type().toLowerCase(Locale.ROOT);
    String newName = target.group(1);
    int newSize = target.group(2) == null ? Integer.MAX_VALUE : Integer.parseInt(target.group(2));
    if (CHARACTERS.contains(oldName) && CHARACTERS.contains(newName)) {
      return newName.equals("text") || newSize >= old.get().size();
    }
    Integer oldRank = INTEGER_RANKS.get(oldName);
    Integer newRank = INTEGER_RANKS.get(newName);
    return oldRank != null && newRank != null && newRank >= oldRank;
  }

  /** Whether the database fills the column when an insert leaves it out. */
  boolean hasDefault(String table, String column) throws SQLException {
    return column(table, column).map(Column::hasDefault).orElse(false);
  }

  private Optional<Column> column(String table, String column) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String schema = connection.getSchema();
    String bareTable = table.substring(table.lastIndexOf('.') + 1).replace("\"", "");
    for (boolean upper : new boolean[] {false, true}) {
      try (ResultSet columns =
          metaData.getColumns(
              null, schema, cased(bareTable, upper), cased(column.replace("\"", ""), upper))) {
        if (columns.next()) {
          return Optional.of(
              new Column(
                  columns.getString("TYPE_NAME"),
                  columns.getInt("COLUMN_SIZE"),
                  columns.getString("COLUMN_DEF") != null));
        }
      }
    }
    return Optional.empty();
  }

  private static String cased(String name, boolean upper) {
    return upper ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
  }
}
