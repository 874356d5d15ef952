package com.migochat.runner.liquibase;

import com.migochat.runner.config.LockWaitSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.exception.LiquibaseException;
import liquibase.executor.ExecutorService;
import liquibase.executor.LoggingExecutor;

/**
 * Runs a changeset's statements under the configured {@code lock_timeout}, and only them: the
 * migration lock's statements and the wait for that lock run outside, without it. In a changeset's
 * transaction a {@code SET LOCAL} at its start lasts until its commit or rollback; a changeset with
 * {@code runInTransaction="false"} runs in auto-commit, so its session gets the timeout before each
 * change and its own value back after. Nothing is set when Liquibase only writes SQL out ({@code
 * --sql}), or without a timeout configured.
 */
final class ChangeSetLockTimeout {

  /** Statements of one change, or of one rollback. */
  @FunctionalInterface
  interface Statements {
    void run() throws LiquibaseException;
  }

  private final Database database;

  ChangeSetLockTimeout(Database database) {
    this.database = database;
  }

  /**
   * Runs {@code statements} under the timeout; {@code transactionStart} says whether they are the
   * first of their changeset's transaction.
   */
  void around(boolean transactionStart, Statements statements) throws LiquibaseException {
    Connection connection = connection();
    LockWaitSettings settings =
        Scope.getCurrentScope().get(LockWaitSettings.SCOPE_KEY, LockWaitSettings.class);
    if (connection == null || settings == null || !settings.bounded() || writesSqlOnly()) {
      statements.run();
      return;
    }
    long millis = settings.lockTimeout().toMillis();
    if (!autoCommit(connection)) {
      if (transactionStart) {
        execute(connection, "SET LOCAL lock_timeout = " + millis);
      }
      statements.run();
      return;
    }
    execute(connection, "SET lock_timeout = " + millis);
    try {
      statements.run();
    } finally {
      execute(connection, "RESET lock_timeout");
    }
  }

  private Connection connection() {
    return database.getConnection() instanceof JdbcConnection jdbc
        ? jdbc.getUnderlyingConnection()
        : null;
  }

  private boolean writesSqlOnly() {
    return Scope.getCurrentScope().getSingleton(ExecutorService.class).getExecutor("jdbc", database)
        instanceof LoggingExecutor;
  }

  private static boolean autoCommit(Connection connection) throws DatabaseException {
    try {
      return connection.getAutoCommit();
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  private static void execute(Connection connection, String sql) throws DatabaseException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new DatabaseException("Could not run " + sql + ": " + e.getMessage(), e);
    }
  }
}
