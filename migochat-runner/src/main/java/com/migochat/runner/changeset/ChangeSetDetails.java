package com.migochat.runner.changeset;

import java.util.List;

/**
 * One changeset as {@code show} presents it.
 *
 * @param changeSet its identity
 * @param comment why it exists
 * @param changes Liquibase's summary of each change
 * @param run its history row when applied, or null when pending
 * @param sql the SQL its changes run on this database
 * @param rollbackSql the SQL its rollback runs, or null when it cannot be rolled back
 */
public record ChangeSetDetails(
    ChangeSetRef changeSet,
    String comment,
    List<String> changes,
    ChangeSetRun run,
    String sql,
    String rollbackSql) {

  public ChangeSetDetails {
    changes = List.copyOf(changes);
  }
}
