package com.migochat.runner.batch;

import liquibase.exception.ValidationErrors;

/**
 * The parameters of a {@link BatchedUpdate}, as the changeset gives them.
 *
 * @param schemaName the table's schema; null for the default one
 * @param tableName the table to update
 * @param set the assignments of the update, SQL, e.g. {@code full_name = first_name || ' ' ||
 *     last_name}
 * @param where the rows still to do, SQL; must stop selecting a row once it is updated
 * @param keyColumn a unique, indexed column (the primary key) the batches walk in order
 * @param batchSize the most rows one batch, and so one transaction, updates
 * @param pauseMillis how long to wait between batches
 * @param progressSeconds how often to log the progress
 */
record BatchParameters(
    String schemaName,
    String tableName,
    String set,
    String where,
    String keyColumn,
    Integer batchSize,
    Integer pauseMillis,
    Integer progressSeconds) {

  ValidationErrors validate() {
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

  /** What the update will do, for {@code upgrade --sql} and the console's pending changesets. */
  String description() {
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
}
