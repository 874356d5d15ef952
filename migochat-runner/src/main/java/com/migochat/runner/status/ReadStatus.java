package com.migochat.runner.status;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.liquibase.LiquibaseSession;

/** {@code status} and {@code current}: where the database stands against the changelog. */
public final class ReadStatus {

  private final LiquibaseSession session;

  public ReadStatus(LiquibaseSession session) {
    this.session = session;
  }

  /** Reads the history and lists the changesets that have not run; changes nothing. */
  public StatusReport status() {
    return session.read(
        (history, changeLog, database) ->
            new StatusReport(
                history,
                session.unrun(changeLog, database).stream().map(ChangeSetRef::of).toList()));
  }

  /** The schema version: the last applied changeset, the latest tag, and whether it is head. */
  public CurrentVersion current() {
    StatusReport status = status();
    return new CurrentVersion(
        status.current().orElse(null),
        status.latestTag().orElse(null),
        status.atHead(),
        status.pending().size());
  }
}
