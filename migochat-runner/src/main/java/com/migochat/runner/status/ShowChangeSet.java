package com.migochat.runner.status;

import com.migochat.runner.changeset.ChangeSetDetails;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.ChangeSetRun;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.liquibase.ChangeSetSql;
import com.migochat.runner.liquibase.LiquibaseSession;
import liquibase.changelog.ChangeSet;

/**
 * {@code show}: one changeset, its file, comment, changes, whether it ran, and the SQL it and its
 * rollback run on this database. Changes nothing.
 */
public final class ShowChangeSet {

  private final LiquibaseSession session;

  public ShowChangeSet(LiquibaseSession session) {
    this.session = session;
  }

  public ChangeSetDetails show(String id) {
    return session.read(
        (history, changeLog, database) -> {
          for (ChangeSet changeSet : changeLog.getChangeSets()) {
            if (changeSet.getId().equals(id)) {
              ChangeSetRef ref = ChangeSetRef.of(changeSet);
              ChangeSetRun run =
                  history.stream()
                      .filter(row -> row.changeSet().equals(ref))
                      .findFirst()
                      .orElse(null);
              return ChangeSetSql.describe(changeSet, run, database);
            }
          }
          throw MigrationException.unknownChangeSet(id);
        });
  }
}
