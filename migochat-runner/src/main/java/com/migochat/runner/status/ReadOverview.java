package com.migochat.runner.status;

import com.migochat.runner.changeset.ChangeSetDetails;
import com.migochat.runner.hazard.HazardCheck;
import com.migochat.runner.liquibase.ChangeSetSql;
import com.migochat.runner.liquibase.LiquibaseSession;
import com.migochat.runner.validation.ChangeLogValidation;
import java.util.ArrayList;
import java.util.List;
import liquibase.changelog.ChangeSet;

/**
 * Everything the migration console shows besides the history's pages, from one connection and one
 * reading of the changelog: the version, the pending changesets with their SQL and their lock
 * hazards, and what {@code validate} finds. Changes nothing.
 */
public final class ReadOverview {

  private final LiquibaseSession session;

  public ReadOverview(LiquibaseSession session) {
    this.session = session;
  }

  public SchemaOverview overview() {
    return session.read(
        (history, changeLog, database) -> {
          List<ChangeSetDetails> pending = new ArrayList<>();
          List<ChangeSet> unrun = session.unrun(changeLog, database);
          for (ChangeSet changeSet : unrun) {
            pending.add(ChangeSetSql.describe(changeSet, null, database));
          }
          StatusReport status =
              new StatusReport(history, pending.stream().map(ChangeSetDetails::changeSet).toList());
          return new SchemaOverview(
              status.current().orElse(null),
              status.latestTag().orElse(null),
              history.size(),
              pending,
              ChangeLogValidation.check(changeLog, history, database),
              new HazardCheck(database, session.configuration().hazardRows()).check(unrun));
        });
  }
}
