package com.migochat.runner.lockwait;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Names the migration's PostgreSQL session {@code migochat-migration <host> <pid>}, so that a DBA
 * who sees it wait in {@code pg_stat_activity} knows what it is and where it runs. Set with SQL
 * rather than a connection property, so that a connection from the server's pool gets it too, and
 * reset before the connection goes back.
 */
public final class MigrationSessionName {

  private static final Logger LOG = Logger.getLogger(MigrationSessionName.class.getName());

  /** PostgreSQL keeps the first 63 bytes of an application name. */
  private static final int MAX_LENGTH = 63;

  private static final String NAME = name();

  private MigrationSessionName() {}

  /** {@code migochat-migration <host> <pid>} for this process. */
  public static String current() {
    return NAME;
  }

  /** Names the session of {@code connection}, on PostgreSQL; committed at once. */
  public static void set(Connection connection) throws SQLException {
    if (!isPostgres(connection)) {
      return;
    }
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT set_config('application_name', ?, false)")) {
      statement.setString(1, NAME);
      statement.execute();
    }
    commitUnlessAutoCommit(connection);
  }

  /**
   * Gives the session of {@code connection} the name it had when it was opened, rolling back what
   * its transaction left uncommitted. A connection that broke keeps its name: it is of no use any
   * more, and what broke it is the error to report.
   */
  public static void reset(Connection connection) {
    try {
      if (connection.isClosed() || !isPostgres(connection)) {
        return;
      }
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("RESET application_name");
      }
      commitUnlessAutoCommit(connection);
    } catch (SQLException e) {
      LOG.log(Level.FINE, "Could not reset the migration session's application_name", e);
    }
  }

  static boolean isPostgres(Connection connection) throws SQLException {
    return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
  }

  private static void commitUnlessAutoCommit(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }

  private static String name() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    String prefix = "migochat-migration ";
    String pid = " " + ProcessHandle.current().pid();
    int room = MAX_LENGTH - prefix.length() - pid.length();
    return prefix + (host.length() <= room ? host : host.substring(0, room)) + pid;
  }
}
