package com.migochat.runner.downgrade;

import com.migochat.runner.changeset.ChangeSetRef;

/**
 * Data a rollback drops: the non-null values of a column, or the rows of a table.
 *
 * @param changeSet the changeset whose rollback drops it
 * @param table the table, as the rollback names it
 * @param column the column, or null when the whole table is dropped
 * @param count how many non-null values (a column) or rows (a table) it held
 */
public record LostData(ChangeSetRef changeSet, String table, String column, long count) {

  /** E.g. {@code users.email: 3 non-null values (changeset 20250303_1030_add_email_to_users)}. */
  public String describe() {
    return (column == null
            ? "table " + table + ": " + count + " rows"
            : table + "." + column + ": " + count + " non-null values")
        + " (changeset "
        + changeSet.id()
        + ")";
  }
}
