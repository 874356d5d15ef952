package com.migochat.runner.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads PostgreSQL's catalog for invalid indexes. Changes nothing. */
public final class InvalidIndexes {

  private static final String SELECT =
      "SELECT format('%I.%I', n.nspname, c.relname), i.indrelid::regclass::text,"
          + " (SELECT relname FROM pg_class WHERE oid = i.indrelid), pg_get_indexdef(i.indexrelid)"
          + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
          + " JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE NOT i.indisvalid AND ";

  private InvalidIndexes() {}

  /** The invalid index of {@code index}'s name on its table, if there is one. */
  public static Optional<InvalidIndex> named(Connection connection, CreatedIndex index)
      throws SQLException {
    List<InvalidIndex> found =
        select(
            connection,
            "i.indrelid = to_regclass(?) AND c.relname = ?",
            index.table(),
            index.name());
    return found.stream().findFirst();
  }

  /** Every invalid index on a table of the connection's current schema, by name. */
  public static List<InvalidIndex> inCurrentSchema(Connection connection) throws SQLException {
    return select(connection, "n.nspname = current_schema() ORDER BY c.relname");
  }

  private static List<InvalidIndex> select(Connection connection, String where, String... values)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(SELECT + where)) {
      for (int i = 0; i < values.length; i++) {
        query.setString(i + 1, values[i]);
      }
      List<InvalidIndex> indexes = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          indexes.add(
              new InvalidIndex(
                  rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
        }
      }
      return indexes;
    }
  }
}
