package com.migochat.migrations.runner;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    if (!tableExists()) {
      return List.of();
    }
    String sql =
        "SELECT ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION,"
            + " COMMENTS, TAG, LIQUIBASE, DEPLOYMENT_ID FROM "
            + TABLE
            + " ORDER BY DATEEXECUTED DESC, ORDEREXECUTED DESC";
    List<ChangeSetRun> runs = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
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
    return runs;
  }

  private boolean tableExists() throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String schema = connection.getSchema();
    for (String name : List.of(TABLE, TABLE.toLowerCase(Locale.ROOT))) {
      try (ResultSet tables = metaData.getTables(null, schema, name, new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
