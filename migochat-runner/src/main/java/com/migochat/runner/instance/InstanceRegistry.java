package com.migochat.runner.instance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads and writes the instance registry ({@code DATABASECHANGELOG_INSTANCE}). Times are the
 * database's ({@code CURRENT_TIMESTAMP}), so hosts with different clocks agree on who is alive.
 * Each call uses a connection of its own; a failure says what could not be done and what to do.
 */
public final class InstanceRegistry {

  /** Rows of instances gone for longer than this are deleted when an instance registers. */
  static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

  private final DataSource dataSource;

  public InstanceRegistry(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records {@code instance} as alive now, creating the table if it is missing. */
  public void register(InstanceRecord instance) {
    run(
        "register this instance",
        connection -> {
          InstanceTable.ensure(connection);
          for (InstanceState state : InstanceTable.read(connection)) {
            if (state.heartbeatAge().compareTo(FORGOTTEN_AFTER) > 0) {
              deregister(connection, state.instance().id());
            }
          }
          deregister(connection, instance.id());
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO "
                      + InstanceTable.NAME
                      + " ("
                      + InstanceTable.COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, NULL, ?)")) {
            insert.setString(1, instance.id());
            insert.setString(2, instance.release().version());
            insert.setString(3, instance.release().changeLogHead());
            insert.setString(4, instance.host());
            insert.setLong(5, instance.pid());
            insert.setLong(6, instance.timeout().toMillis());
            insert.setString(7, instance.mapping().toString());
            insert.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Tells the registry {@code instance} is alive, with its current mapping; registers it again when
   * its row is missing (deleted by an operator, or the table was restored from a backup).
   */
  public void heartbeat(InstanceRecord instance) {
    boolean found =
        run(
            "record this instance's heartbeat",
            connection -> {
              if (!InstanceTable.exists(connection)) {
                return false;
              }
              try (PreparedStatement update =
                  connection.prepareStatement(
                      "UPDATE "
                          + InstanceTable.NAME
                          + " SET HEARTBEAT_AT = CURRENT_TIMESTAMP, MAPPING = ?"
                          + " WHERE INSTANCE_ID = ?")) {
                update.setString(1, instance.mapping().toString());
                update.setString(2, instance.id());
                return update.executeUpdate() == 1;
              }
            });
    if (!found) {
      register(instance);
    }
  }

  /** Records how {@code instanceId}'s migration gets on, for the other instances to see. */
  public void progress(String instanceId, String progress) {
    run(
        "record this instance's migration progress",
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE " + InstanceTable.NAME + " SET PROGRESS = ? WHERE INSTANCE_ID = ?")) {
            update.setString(1, progress.length() > 1000 ? progress.substring(0, 1000) : progress);
            update.setString(2, instanceId);
            update.executeUpdate();
          }
          return null;
        });
  }

  /** Removes {@code instanceId}: it stopped cleanly. */
  public void deregister(String instanceId) {
    run(
        "deregister this instance",
        connection -> {
          if (InstanceTable.exists(connection)) {
            deregister(connection, instanceId);
          }
          return null;
        });
  }

  /** Every registered instance, alive or gone, oldest first; none when the table is missing. */
  public List<InstanceState> all() {
    return run(
        "read the instance registry",
        connection ->
            InstanceTable.exists(connection) ? InstanceTable.read(connection) : List.of());
  }

  /** The instances alive now. */
  public List<InstanceState> live() {
    return all().stream().filter(InstanceState::alive).toList();
  }

  /** The instances alive now, read on {@code connection}; none when the table is missing. */
  public static List<InstanceState> live(Connection connection) throws SQLException {
    return InstanceTable.exists(connection)
        ? InstanceTable.read(connection).stream().filter(InstanceState::alive).toList()
        : List.of();
  }

  private static void deregister(Connection connection, String instanceId) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM " + InstanceTable.NAME + " WHERE INSTANCE_ID = ?")) {
      delete.setString(1, instanceId);
      delete.executeUpdate();
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T run(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not "
              + what
              + " in "
              + InstanceTable.NAME
              + ": "
              + e.getMessage()
              + ". Let the database user create, read and write "
              + InstanceTable.NAME
              + " (Migochat creates it beside Liquibase's tables)",
          e);
    }
  }
}
