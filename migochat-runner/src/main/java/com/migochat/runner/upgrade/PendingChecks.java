package com.migochat.runner.upgrade;

import com.migochat.runner.compatibility.PendingCompatibility;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.liquibase.LiquibaseSession;
import java.sql.Connection;
import java.util.List;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;

/**
 * What an upgrade checks, under the migration lock, before it applies anything: changesets out of
 * order ({@link OutOfOrderGuard}), lock hazards ({@link PendingHazards}) and changes that would
 * break a live instance of another release ({@link PendingCompatibility}). The first that refuses
 * stops the upgrade, with nothing migrated.
 */
record PendingChecks(LiquibaseSession session) {

  /**
   * Refuses the next {@code steps} pending changesets if any check does. The changelog is parsed
   * and the pending changesets listed once, for all three.
   */
  void refuseUnsafe(Connection connection, Database database, int steps) throws Exception {
    MigrationConfiguration configuration = session.configuration();
    DatabaseChangeLog changeLog = session.parseChangeLog(database);
    List<ChangeSet> pending = session.unrun(changeLog, database);
    List<ChangeSet> next = pending.subList(0, Math.min(steps, pending.size()));
    new OutOfOrderGuard(session, configuration.allowOutOfOrder())
        .check(connection, database, changeLog, next);
    new PendingHazards(session, configuration.hazardRows())
        .refuseBlocking(connection, database, next);
    PendingCompatibility.refuseBreaking(connection, database, changeLog, next);
  }
}
