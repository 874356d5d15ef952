package com.migochat.runner.hazard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * What the live PostgreSQL catalog knows about the tables a changeset touches: their size, their
 * columns' types, which table an index is on, and whether a function is volatile. On any other
 * database it knows nothing, and every finding stays informational.
 */
final class TableCatalog {

  private final Connection connection;
  private final boolean postgres;
  private final long thresholdRows;

  TableCatalog(Connection connection, boolean postgres, long thresholdRows) {
    this.connection = connection;
    this.postgres = postgres;
    this.thresholdRows = thresholdRows;
  }

  boolean knowsSizes() {
    return postgres;
  }

  /**
   * The planner's estimate ({@code reltuples} scaled to the table's current pages, as the planner
   * does); for a table never analysed, its rows counted up to one past the threshold, which is all
   * the decision needs.
   */
  TableSize size(String table) throws SQLException {
    if (!postgres) {
      return TableSize.UNKNOWN;
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT c.oid::regclass::text, c.reltuples, c.relpages, pg_relation_size(c.oid),"
                + " pg_total_relation_size(c.oid), current_setting('block_size')::bigint"
                + " FROM pg_class c WHERE c.oid = to_regclass(?)")) {
      query.setString(1, table);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return TableSize.ABSENT;
        }
        double tuples = row.getDouble(2);
        long pages = row.getLong(3);
        long bytes = row.getLong(5);
        if (tuples > 0 && pages > 0) {
          double currentPages = (double) row.getLong(4) / row.getLong(6);
          return new TableSize(
              Math.round(tuples / pages * currentPages), bytes, TableSize.Source.ESTIMATE);
        }
        long counted = countUpToThreshold(row.getString(1));
        return new TableSize(
            counted,
            bytes,
            counted > thresholdRows ? TableSize.Source.COUNTED_UP_TO : TableSize.Source.ESTIMATE);
      }
    }
  }

  /** The column's type as PostgreSQL prints it, e.g. {@code character varying(2000)}. */
  Optional<String> columnType(String table, String column) throws SQLException {
    if (!postgres) {
      return Optional.empty();
    }
    return single(
        "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid ="
            + " to_regclass(?) AND a.attname = ? AND NOT a.attisdropped",
        table,
        column.toLowerCase(Locale.ROOT));
  }

  /** The table an existing index is on. */
  Optional<String> tableOfIndex(String index) throws SQLException {
    if (!postgres) {
      return Optional.empty();
    }
    return single(
        "SELECT i.indrelid::regclass::text FROM pg_index i WHERE i.indexrelid = to_regclass(?)",
        index);
  }

  /** Whether a function of that name is volatile; unknown functions (or engines) count as not. */
  boolean isVolatile(String function) throws SQLException {
    if (!postgres) {
      return false;
    }
    return single(
            "SELECT bool_or(provolatile = 'v')::text FROM pg_proc WHERE proname = ?",
            function.toLowerCase(Locale.ROOT))
        .map(Boolean::parseBoolean)
        .orElse(false);
  }

  private long countUpToThreshold(String qualifiedName) throws SQLException {
    try (PreparedStatement count =
        connection.prepareStatement(
            "SELECT count(*) FROM (SELECT 1 FROM " + qualifiedName + " LIMIT ?) AS r")) {
      count.setLong(1, thresholdRows + 1);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private Optional<String> single(String sql, String... parameters) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (int index = 0; index < parameters.length; index++) {
        query.setString(index + 1, parameters[index]);
      }
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
      }
    }
  }
}
