package com.migochat.migrations.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Liquibase's history table directly with JDBC: cheap, and it never changes the database
 * (Liquibase's own history service creates its tables when they are missing).
 */
public final class ChangeLogHistory {

  private static final String TABLE = "DATABASECHANGELOG";

  private final Connection connection;

  public ChangeLogHistory(Connection connection) {
    this.connection = connection;
  }

  /** Every changeset that ran, newest first; empty when nothing was ever migrated. */
  public List<ChangeSetRun> newestFirst() throws SQLException {
    return newestFirst(0, Integer.MAX_VALUE);
  }

  /**
   * At most {@code limit} rows of the history, newest first, skipping the {@code offset} newest.
   */
  public List<ChangeSetRun> newestFirst(long offset, int limit) throws SQLException {
    if (!SchemaTables.exists(connection, TABLE)) {
      return List.of();
    }
    String sql =
        "SELECT ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION,"
            + " COMMENTS, TAG, LIQUIBASE, DEPLOYMENT_ID FROM "
            + TABLE
            + " ORDER BY DATEEXECUTED DESC, ORDEREXECUTED DESC"
            + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    List<ChangeSetRun> runs = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, offset);
      statement.setInt(2, limit);
      try (ResultSet rows = statement.executeQuery()) {
        collect(rows, runs);
      }
    }
    return runs;
  }

  /** Whether any stored checksum was computed with an algorithm older than {@code version}. */
  public boolean hasChecksumsOlderThan(int version) throws SQLException {
    if (!SchemaTables.exists(connection, TABLE)) {
      return false;
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT COUNT(*) FROM " + TABLE + " WHERE MD5SUM IS NOT NULL AND MD5SUM NOT LIKE ?")) {
      statement.setString(1, version + ":%");
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1) > 0;
      }
    }
  }

  /** How many changesets ran. */
  public long count() throws SQLException {
    if (!SchemaTables.exists(connection, TABLE)) {
      return 0;
    }
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT COUNT(*) FROM " + TABLE);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void collect(ResultSet rows, List<ChangeSetRun> runs) throws SQLException {
    while (rows.next()) {
      Timestamp executedAt = rows.getTimestamp("DATEEXECUTED");
      runs.add(
          new ChangeSetRun(
              new ChangeSetRef(
                  rows.getString("ID"), rows.getString("AUTHOR"), rows.getString("FILENAME")),
              executedAt == null ? null : executedAt.toInstant(),
              rows.getInt("ORDEREXECUTED"),
              rows.getString("EXECTYPE"),
              rows.getString("MD5SUM"),
              rows.getString("DESCRIPTION"),
              rows.getString("COMMENTS"),
              rows.getString("TAG"),
              rows.getString("LIQUIBASE"),
              rows.getString("DEPLOYMENT_ID")));
    }
  }
}
