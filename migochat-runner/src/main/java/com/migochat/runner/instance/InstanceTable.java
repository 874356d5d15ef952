package com.migochat.runner.instance;

import com.migochat.runner.database.OneTransaction;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Migochat's {@code DATABASECHANGELOG_INSTANCE} table, created on first use beside Liquibase's
 * tables (not by a changeset: the changelog's history stays stock Liquibase's).
 */
final class InstanceTable {

  static final String NAME = "DATABASECHANGELOG_INSTANCE";

  /** The PostgreSQL advisory lock that serialises the table's creation ("migoinst"). */
  private static final long CREATE_KEY = 0x6d69676f696e7374L;

  private static final String CREATE =
      "CREATE TABLE IF NOT EXISTS "
          + NAME
          + " (INSTANCE_ID VARCHAR(64) NOT NULL PRIMARY KEY, APP_VERSION VARCHAR(255) NOT NULL,"
          + " CHANGELOG_HEAD VARCHAR(1000) NOT NULL, HOST VARCHAR(255) NOT NULL,"
          + " PID BIGINT NOT NULL, STARTED_AT TIMESTAMP WITH TIME ZONE NOT NULL,"
          + " HEARTBEAT_AT TIMESTAMP WITH TIME ZONE NOT NULL, TIMEOUT_MS BIGINT NOT NULL,"
          + " PROGRESS VARCHAR(1000), MAPPING VARCHAR(1000000) NOT NULL)";

  static final String COLUMNS =
      "INSTANCE_ID, APP_VERSION, CHANGELOG_HEAD, HOST, PID, STARTED_AT, HEARTBEAT_AT, TIMEOUT_MS,"
          + " PROGRESS, MAPPING";

  private InstanceTable() {}

  /**
   * Creates the table unless it exists. {@code CREATE TABLE IF NOT EXISTS} alone is not safe when
   * instances start together on PostgreSQL (two sessions may both find no table and one fails on
   * the catalog's unique index), so there the creation runs under a transaction-scoped advisory
   * lock; H2 serialises DDL itself.
   */
  static void ensure(Connection connection) throws SQLException {
    if (exists(connection)) {
      return;
    }
    boolean postgres =
        connection
            .getMetaData()
            .getDatabaseProductName()
            .toLowerCase(Locale.ROOT)
            .contains("postgres");
    OneTransaction.run(
        connection,
        transaction -> {
          if (postgres) {
            try (PreparedStatement lock =
                transaction.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
              lock.setLong(1, CREATE_KEY);
              lock.execute();
            }
          }
          try (Statement create = transaction.createStatement()) {
            create.execute(CREATE);
          }
        });
  }

  /** Whether the table exists in the connection's schema. */
  static boolean exists(Connection connection) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String schema = connection.getSchema();
    for (String name : new String[] {NAME, NAME.toLowerCase(Locale.ROOT)}) {
      try (ResultSet tables = metaData.getTables(null, schema, name, new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every row, oldest first, with its heartbeat's age on the database's clock. */
  static List<InstanceState> read(Connection connection) throws SQLException {
    List<InstanceState> states = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + ", CURRENT_TIMESTAMP FROM "
                    + NAME
                    + " ORDER BY STARTED_AT, INSTANCE_ID");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        InstanceRecord instance =
            new InstanceRecord(
                rows.getString(1),
                new Release(rows.getString(2), rows.getString(3)),
                rows.getString(4),
                rows.getLong(5),
                Duration.ofMillis(rows.getLong(8)),
                MappedSchema.parse(rows.getString(10)));
        Instant heartbeat = instant(rows, 7);
        states.add(
            new InstanceState(
                instance,
                instant(rows, 6),
                heartbeat,
                Duration.between(heartbeat, instant(rows, 11)),
                rows.getString(9) == null ? "" : rows.getString(9)));
      }
    }
    return states;
  }

  private static Instant instant(ResultSet rows, int column) throws SQLException {
    return rows.getObject(column, OffsetDateTime.class).toInstant();
  }
}
