package com.migochat.runner.failure;

import com.migochat.runner.changeset.ChangeSetRef;

/**
 * Why a migration failed, in the words an operator needs.
 *
 * @param error the kind of failure
 * @param changeSet the changeset that failed, or null when the failure is not one changeset's
 * @param databaseError what the database (or Liquibase) said
 * @param action what the operator should do about it
 */
public record MigrationFailure(
    MigrationError error, ChangeSetRef changeSet, String databaseError, String action) {

  /**
   * One line: what failed (the changeset and its file, or the kind of failure), the database's
   * words and the action.
   */
  public String message() {
    String what =
        changeSet == null
            ? error.name()
            : (rollingBack() ? "Rollback of changeset " : "Migration of changeset ")
                + changeSet.id()
                + " (author "
                + changeSet.author()
                + ") in file "
                + changeSet.file()
                + " failed";
    return what + ": " + databaseError + ". Action: " + action;
  }

  private boolean rollingBack() {
    return error == MigrationError.ROLLBACK_IMPOSSIBLE || error == MigrationError.ROLLBACK_FAILED;
  }
}
