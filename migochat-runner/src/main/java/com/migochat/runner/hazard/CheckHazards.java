package com.migochat.runner.hazard;

import com.migochat.runner.liquibase.LiquibaseSession;
import liquibase.changelog.DatabaseChangeLog;

/**
 * {@code lint}: the lock hazards of every pending changeset on this database, weighed by the live
 * size of the tables they touch. Changes nothing.
 */
public final class CheckHazards {

  private final LiquibaseSession session;

  public CheckHazards(LiquibaseSession session) {
    this.session = session;
  }

  public HazardReport report() {
    return session.liquibase(
        (connection, database) -> {
          DatabaseChangeLog changeLog = session.parseChangeLog(database);
          return new HazardCheck(database, session.configuration().hazardRows())
              .check(session.unrun(changeLog, database));
        });
  }
}
