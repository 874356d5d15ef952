package com.migochat.runner.roundtrip;

import com.migochat.runner.history.SchemaTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The application's tables of a database, read from JDBC metadata. */
final class Tables {

  /** A column that references another table's column. */
  record ForeignKey(String column, String referencedTable, String referencedColumn) {
    @Override
    public String toString() {
      return column + " -> " + referencedTable + "." + referencedColumn;
    }
  }

  private Tables() {}

  /** Every table except Liquibase's, parents before the tables that reference them. */
  static List<String> of(Connection connection) throws SQLException {
    List<String> tables = SchemaTables.application(connection);
    Set<String> ordered = new LinkedHashSet<>();
    while (ordered.size() < tables.size()) {
      for (String table : tables) {
        if (!ordered.contains(table) && ordered.containsAll(parentsOf(connection, table))) {
          ordered.add(table);
        }
      }
    }
    return List.copyOf(ordered);
  }

  static List<ForeignKey> foreignKeys(Connection connection, String table) throws SQLException {
    List<ForeignKey> keys = new ArrayList<>();
    try (ResultSet result =
        connection.getMetaData().getImportedKeys(null, connection.getSchema(), table)) {
      while (result.next()) {
        keys.add(
            new ForeignKey(
                result.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
                result.getString("PKTABLE_NAME"),
                result.getString("PKCOLUMN_NAME")));
      }
    }
    keys.sort((left, right) -> left.toString().compareTo(right.toString()));
    return keys;
  }

  private static Set<String> parentsOf(Connection connection, String table) throws SQLException {
    Set<String> parents = new LinkedHashSet<>();
    for (ForeignKey key : foreignKeys(connection, table)) {
      if (!key.referencedTable().equals(table)) {
        parents.add(key.referencedTable());
      }
    }
    return parents;
  }
}
