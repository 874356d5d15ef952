package com.migochat.runner.validation;

import com.migochat.runner.liquibase.LiquibaseSession;

/**
 * {@code validate}: compares the changelog with the history: edited applied changesets, applied
 * changesets the changelog lost, pending changesets ordered before applied ones, and changesets
 * that cannot be rolled back. Changes nothing.
 */
public final class ValidateChangeLog {

  private final LiquibaseSession session;

  public ValidateChangeLog(LiquibaseSession session) {
    this.session = session;
  }

  public ValidationReport validate() {
    return session.read(
        (history, changeLog, database) -> ChangeLogValidation.check(changeLog, history, database));
  }
}
