package com.migochat.runner.batch;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.DatabaseException;
import liquibase.executor.Executor;
import liquibase.executor.ExecutorService;
import liquibase.executor.LoggingExecutor;

/**
 * One run of a batched update on Liquibase's connection: only a description when Liquibase writes
 * SQL instead of running it ({@code upgrade --sql}); refused in a changeset's transaction, where no
 * batch could commit on its own; otherwise the batches.
 */
final class BatchRun {

  private final BatchParameters parameters;

  BatchRun(BatchParameters parameters) {
    this.parameters = parameters;
  }

  /** Runs the batches; null when it only described them. */
  BatchesDone execute(Database database) throws CustomChangeException {
    try {
      Executor executor =
          Scope.getCurrentScope().getSingleton(ExecutorService.class).getExecutor("jdbc", database);
      if (executor instanceof LoggingExecutor) {
        executor.comment(parameters.description());
        return null;
      }
      Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
      if (!connection.getAutoCommit()) {
        throw new CustomChangeException(
            "The batched update of "
                + parameters.tableName()
                + " runs in a changeset's transaction, so its batches could not commit one by one"
                + " and every updated row would stay locked until the end. Add"
                + " runInTransaction=\"false\" to its changeset");
      }
      BatchSql sql =
          new BatchSql(
              database,
              parameters.schemaName(),
              parameters.tableName(),
              parameters.keyColumn(),
              parameters.set(),
              parameters.where());
      BatchProgress progress =
          new BatchProgress(
              sql.table(),
              sql.countToDo(connection),
              Duration.ofSeconds(parameters.progressSeconds()));
      return new UpdateBatches(
              connection, sql, parameters.batchSize(), Duration.ofMillis(parameters.pauseMillis()))
          .run(progress);
    } catch (SQLException | DatabaseException e) {
      throw new CustomChangeException(
          "The batched update of " + parameters.tableName() + " failed: " + e.getMessage(), e);
    }
  }
}
