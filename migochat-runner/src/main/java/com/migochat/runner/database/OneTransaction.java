package com.migochat.runner.database;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs JDBC work in one transaction: all of it is committed, or none. */
public final class OneTransaction {

  /** Work on the connection that may fail with an SQLException. */
  @FunctionalInterface
  public interface Work {
    void run(Connection connection) throws SQLException;
  }

  private OneTransaction() {}

  /** Runs {@code work}, commits it, and leaves the connection's auto-commit as it found it. */
  public static void run(Connection connection, Work work) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      work.run(connection);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }
}
