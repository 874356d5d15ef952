package com.migochat.runner.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import liquibase.database.Database;

/**
 * The statements of a batched update. A batch is the next {@code batchSize} rows the where-clause
 * selects after the previous batch's last key, in key order: the boundary query finds the batch's
 * last key, and the update changes the rows up to it that the where-clause still selects. Walking
 * the key keeps each batch an index range scan, and it ends even when the update leaves a row the
 * where-clause still selects (e.g. a {@code NULL} computed from {@code NULL}s).
 */
final class BatchSql {

  private final String table;
  private final String key;
  private final String set;
  private final String where;

  BatchSql(Database database, String schema, String table, String key, String set, String where) {
    this.table = database.escapeTableName(null, schema, table);
    this.key = database.escapeColumnName(null, schema, table, key);
    this.set = set;
    this.where = where;
  }

  String table() {
    return table;
  }

  /** How many rows the where-clause selects now: the work still to do. */
  long countToDo(Connection connection) throws SQLException {
    try (PreparedStatement count =
            connection.prepareStatement(
                "SELECT count(*) FROM " + table + " WHERE (" + where + ")");
        ResultSet row = count.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  /** The last key of the batch after {@code after} (null: the first batch); null when done. */
  Object boundary(Connection connection, Object after, int batchSize) throws SQLException {
    String sql =
        "SELECT max(batch_key) FROM (SELECT "
            + key
            + " AS batch_key FROM "
            + table
            + " WHERE ("
            + where
            + ")"
            + (after == null ? "" : " AND " + key + " > ?")
            + " ORDER BY "
            + key
            + " LIMIT "
            + batchSize
            + ") batch";
    try (PreparedStatement boundary = connection.prepareStatement(sql)) {
      if (after != null) {
        boundary.setObject(1, after);
      }
      try (ResultSet row = boundary.executeQuery()) {
        row.next();
        return row.getObject(1);
      }
    }
  }

  /** Updates the rows after {@code after} up to {@code last} that the where-clause selects. */
  int update(Connection connection, Object after, Object last) throws SQLException {
    String sql =
        "UPDATE "
            + table
            + " SET "
            + set
            + " WHERE ("
            + where
            + ") AND "
            + key
            + " <= ?"
            + (after == null ? "" : " AND " + key + " > ?");
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setObject(1, last);
      if (after != null) {
        update.setObject(2, after);
      }
      return update.executeUpdate();
    }
  }
}
