package com.migochat.runner.history;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.ChangeSetRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads Liquibase's history table directly with JDBC: cheap, and it never changes the database
 * (Liquibase's own history service creates its tables when they are missing).
 */
public final class ChangeLogHistory {

  private static final String TABLE = "DATABASECHANGELOG";

  /** The columns a filter text is looked for in. */
  private static final List<String> FILTERED =
      List.of(
          "ID",
          "AUTHOR",
          "FILENAME",
          "EXECTYPE",
          "MD5SUM",
          "DESCRIPTION",
          "COMMENTS",
          "TAG",
          "DEPLOYMENT_ID");

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
    return rows(HistoryOrder.EXECUTED.orderBy(false), "", offset, limit);
  }

  /** The page {@code query} asks for: filtered, sorted and cut in the database. */
  public List<ChangeSetRun> page(HistoryQuery query) throws SQLException {
    return rows(
        query.order().orderBy(query.ascending()), query.filter(), query.offset(), query.size());
  }

  /** How many rows contain {@code filter}, as {@link HistoryQuery} matches it. */
  public long count(String filter) throws SQLException {
    if (!SchemaTables.exists(connection, TABLE)) {
      return 0;
    }
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT COUNT(*) FROM " + TABLE + where(filter))) {
      bind(statement, filter, 1);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private List<ChangeSetRun> rows(String orderBy, String filter, long offset, int limit)
      throws SQLException {
    if (!SchemaTables.exists(connection, TABLE)) {
      return List.of();
    }
    String sql =
        "SELECT ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION,"
            + " COMMENTS, TAG, LIQUIBASE, DEPLOYMENT_ID FROM "
            + TABLE
            + where(filter)
            + " ORDER BY "
            + orderBy
            + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    List<ChangeSetRun> runs = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int next = bind(statement, filter, 1);
      statement.setLong(next, offset);
      statement.setInt(next + 1, limit);
      try (ResultSet rows = statement.executeQuery()) {
        collect(rows, runs);
      }
    }
    return runs;
  }

  private static String where(String filter) {
    if (filter.isEmpty()) {
      return "";
    }
    return FILTERED.stream()
        .map(column -> "LOWER(" + column + ") LIKE ? ESCAPE '\\'")
        .collect(Collectors.joining(" OR ", " WHERE ", ""));
  }

  /** Binds the filter's pattern to each searched column; returns the next parameter's index. */
  private static int bind(PreparedStatement statement, String filter, int first)
      throws SQLException {
    if (filter.isEmpty()) {
      return first;
    }
    String pattern =
        "%"
            + filter
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_")
            + "%";
    for (int index = 0; index < FILTERED.size(); index++) {
      statement.setString(first + index, pattern);
    }
    return first + FILTERED.size();
  }

  /** The history's {@link HistoryVersion}, in one aggregate query. */
  public HistoryVersion version() throws SQLException {
    if (!SchemaTables.exists(connection, TABLE)) {
      return new HistoryVersion(0, 0, null, 0, null, 0);
    }
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT COUNT(*), MAX(ORDEREXECUTED), MAX(DATEEXECUTED), COUNT(TAG), MAX(TAG),"
                    + " COUNT(MD5SUM) FROM "
                    + TABLE);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      Timestamp lastRun = rows.getTimestamp(3);
      return new HistoryVersion(
          rows.getLong(1),
          rows.getLong(2),
          lastRun == null ? null : lastRun.toInstant(),
          rows.getLong(4),
          rows.getString(5),
          rows.getLong(6));
    }
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
