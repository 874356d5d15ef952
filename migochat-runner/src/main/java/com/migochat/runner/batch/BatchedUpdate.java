package com.migochat.runner.batch;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * A data migration of a big table in bounded batches, for a changeset with {@code
 * runInTransaction="false"}:
 *
 * <pre>{@code
 * <customChange class="com.migochat.runner.batch.BatchedUpdate">
 *   <param name="tableName" value="users"/>
 *   <param name="set" value="full_name = first_name || ' ' || last_name"/>
 *   <param name="where" value="full_name IS NULL"/>
 *   <param name="batchSize" value="1000"/>
 * </customChange>
 * }</pre>
 *
 * The other parameters: {@code schemaName}, {@code keyColumn} (default {@code id}), {@code
 * pauseMillis} (0) and {@code progressSeconds} (10). Each batch is one short transaction that
 * updates at most {@code batchSize} rows, taken in the order of {@code keyColumn} (unique, indexed:
 * the primary key), so application writes to the table wait at most for one batch. {@code where}
 * must select the rows still to do and no longer select a row once it is updated: then a run that
 * stopped half-way (a crash, a failed batch) is simply run again, and skips the rows committed
 * before. Liquibase records the changeset once, after the last batch committed.
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
    done = new BatchRun(parameters()).execute(database);
  }

  @Override
  public String getConfirmationMessage() {
    if (done == null) {
      return parameters().description();
    }
    return "Updated "
        + done.rows()
        + " rows of "
        + tableName
        + " in "
        + done.batches()
        + " batches of at most "
        + batchSize;
  }

  @Override
  public ValidationErrors validate(Database database) {
    return parameters().validate();
  }

  private BatchParameters parameters() {
    return new BatchParameters(
        schemaName, tableName, set, where, keyColumn, batchSize, pauseMillis, progressSeconds);
  }

  @Override
  public void setUp() {
    // Nothing to prepare: every parameter is read when the change runs.
  }

  @Override
  public void setFileOpener(ResourceAccessor resourceAccessor) {
    // Reads no file.
  }

  // Liquibase sets a custom change's parameters only where it finds a getter and a setter.

  public String getSchemaName() {
    return schemaName;
  }

  public void setSchemaName(String schemaName) {
    this.schemaName = schemaName;
  }

  public String getTableName() {
    return tableName;
  }

  public void setTableName(String tableName) {
    this.tableName = tableName;
  }

  public String getSet() {
    return set;
  }

  public void setSet(String set) {
    this.set = set;
  }

  public String getWhere() {
    return where;
  }

  public void setWhere(String where) {
    this.where = where;
  }

  public String getKeyColumn() {
    return keyColumn;
  }

  public void setKeyColumn(String keyColumn) {
    this.keyColumn = keyColumn;
  }

  public Integer getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(Integer batchSize) {
    this.batchSize = batchSize;
  }

  public Integer getPauseMillis() {
    return pauseMillis;
  }

  public void setPauseMillis(Integer pauseMillis) {
    this.pauseMillis = pauseMillis;
  }

  public Integer getProgressSeconds() {
    return progressSeconds;
  }

  public void setProgressSeconds(Integer progressSeconds) {
    this.progressSeconds = progressSeconds;
  }
}
