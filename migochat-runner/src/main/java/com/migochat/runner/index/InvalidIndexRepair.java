package com.migochat.runner.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.executor.Executor;
import liquibase.executor.ExecutorService;
import liquibase.executor.LoggingExecutor;
import liquibase.statement.core.RawParameterizedSqlStatement;

/**
 * Before a change builds an index, drops the invalid index of the same name on the same table that
 * an earlier, failed concurrent build of it left behind (a unique index on duplicate rows, a lock
 * timeout, a cancelled or killed migration). Without this, running the changeset again fails on
 * "relation already exists", or, with {@code IF NOT EXISTS}, succeeds and keeps the useless index.
 *
 * <p>The drop runs through Liquibase's executor, so {@code upgrade --sql} prints it instead. In a
 * changeset with {@code runInTransaction="false"} it is {@code DROP INDEX CONCURRENTLY}, which
 * takes no lock that blocks the table's readers or writers; in a transaction it is a plain {@code
 * DROP INDEX}, undone with the changeset if the changeset fails.
 */
public final class InvalidIndexRepair {

  private static final Logger LOG = Logger.getLogger(InvalidIndexRepair.class.getName());

  private InvalidIndexRepair() {}

  /** Drops the invalid indexes {@code change} is about to build again, and logs each. */
  public static void before(Change change, Database database) throws DatabaseException {
    if (!(database.getConnection() instanceof JdbcConnection jdbc)) {
      return;
    }
    Executor executor =
        Scope.getCurrentScope().getSingleton(ExecutorService.class).getExecutor("jdbc", database);
    Connection connection = jdbc.getUnderlyingConnection();
    try {
      for (CreatedIndex index : IndexesCreated.by(change, database)) {
        Optional<InvalidIndex> invalid = InvalidIndexes.named(connection, index);
        if (invalid.isPresent()) {
          drop(invalid.get(), connection.getAutoCommit(), executor, change);
        }
      }
    } catch (SQLException e) {
      throw new DatabaseException(
          "Could not look for invalid indexes that changeset "
              + change.getChangeSet().getId()
              + " builds: "
              + e.getMessage(),
          e);
    }
  }

  private static void drop(
      InvalidIndex invalid, boolean autoCommit, Executor executor, Change change)
      throws DatabaseException {
    String drop = (autoCommit ? "DROP INDEX CONCURRENTLY " : "DROP INDEX ") + invalid.name();
    executor.execute(new RawParameterizedSqlStatement(drop));
    if (!(executor instanceof LoggingExecutor)) {
      LOG.info(
          () ->
              "Dropped the invalid index "
                  + invalid.name()
                  + " on "
                  + invalid.table()
                  + " ("
                  + drop
                  + "), left by an earlier build that failed, so that changeset "
                  + change.getChangeSet().getId()
                  + " builds it again");
    }
  }
}
