package com.migochat.runner.batch;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import liquibase.Scope;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.DatabaseException;
import liquibase.exception.ValidationErrors;
import liquibase.executor.Executor;
import liquibase.executor.ExecutorService;
import liquibase.executor.LoggingExecutor;
import liquibase.resource.ResourceAccessor;

/**
 * A data migration of a big table in bounded batches, for a changeset with {@code
 * runInTransaction="false"}:
 *
 * <pre>{@code
 * <customChange class="com.migochat.runner.batch.BatchedUpdate" tableName="users"
 *     set="full_name = first_name || ' ' || last_name" where="full_name IS NULL"
 *     keyColumn="id" batchSize="1000" pauseMillis="0" progressSeconds="10"/>
 * }</pre>
 *
 * Each batch is one short transaction that updates at most {@code batchSize} rows, taken in the
 * order of {@code keyColumn} (unique, indexed: the primary key), so application writes to the table
 * wait at most for one batch. {@code where} must select the rows still to do and no longer select a
 * row once it is updated: then a run that stopped half-way (a crash, a failed batch) is simply run
 * again, and skips the rows committed before. Liquibase records the changeset once, after the last
 * batch committed.
 */
public class BatchedUpdate implements CustomTaskChange {

  private String schemaName;
  private String tableName;
  private String set;
  private String where;
  private String keyColumn = "id";
  private Integer batchSize = 1000;
  private Integer pauseMillis = 0;
  private Integer progressSeconds = 10;
  private BatchesDone done;

  @Override
  public void execute(Database database) throws CustomChangeException {
    try {
      Executor executor =
          Scope.getCurrentScope().getSingleton(ExecutorService.class).getExecutor("jdbc", database);
      if (executor instanceof LoggingExecutor) {
        executor.comment(getConfirmationMessage());
        return;
      }
      Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
      if (!connection.getAutoCommit()) {
        throw new CustomChangeException(
            "The batched update of "
                + tableName
                + " runs in a changeset's transaction, so its batches could not commit one by one"
                + " and every updated row would stay locked until the end. Add"
                + " runInTransaction=\"false\" to its changeset");
      }
      BatchSql sql = new BatchSql(database, schemaName, tableName, keyColumn, set, where);
      BatchProgress progress =
          new BatchProgress(
              sql.table(), sql.countToDo(connection), Duration.ofSeconds(progressSeconds));
      done =
          new UpdateBatches(connection, sql, batchSize, Duration.ofMillis(pauseMillis))
              .run(progress);
    } catch (SQLException | DatabaseException e) {
      throw new CustomChangeException(
          "The batched update of " + tableName + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String getConfirmationMessage() {
    if (done != null) {
      return "Updated "
          + done.rows()
          + " rows of "
          + tableName
          + " in "
          + done.batches()
          + " batches of at most "
          + batchSize;
    }
    return "Batched update of "
        + tableName
        + ": SET "
        + set
        + " WHERE "
        + where
        + ", "
        + batchSize
        + " rows a batch, each committed on its own, in the order of "
        + keyColumn;
  }

  @Override
  public ValidationErrors validate(Database database) {
    ValidationErrors errors = new ValidationErrors();
    errors.checkRequiredField("tableName", tableName);
    errors.checkRequiredField("set", set);
    errors.checkRequiredField("where", where);
    errors.checkRequiredField("keyColumn", keyColumn);
    if (batchSize == null || batchSize < 1) {
      errors.addError("batchSize must be at least 1, it is " + batchSize);
    }
    if (pauseMillis == null || pauseMillis < 0) {
      errors.addError("pauseMillis must be 0 or more, it is " + pauseMillis);
    }
    if (progressSeconds == null || progressSeconds < 1) {
      errors.addError("progressSeconds must be at least 1, it is " + progressSeconds);
    }
    return errors;
  }

  @Override
  public void setUp() {
    // Nothing to prepare: every parameter is read when the change runs.
  }

  @Override
  public void setFileOpener(ResourceAccessor resourceAccessor) {
    // Reads no file.
  }

  public void setSchemaName(String schemaName) {
    this.schemaName = schemaName;
  }

  public void setTableName(String tableName) {
    this.tableName = tableName;
  }

  public void setSet(String set) {
    this.set = set;
  }

  public void setWhere(String where) {
    this.where = where;
  }

  public void setKeyColumn(String keyColumn) {
    this.keyColumn = keyColumn;
  }

  public void setBatchSize(Integer batchSize) {
    this.batchSize = batchSize;
  }

  public void setPauseMillis(Integer pauseMillis) {
    this.pauseMillis = pauseMillis;
  }

  public void setProgressSeconds(Integer progressSeconds) {
    this.progressSeconds = progressSeconds;
  }
}
