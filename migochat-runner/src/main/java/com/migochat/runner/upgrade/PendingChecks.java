package com.migochat.runner.upgrade;

import com.migochat.runner.compatibility.PendingCompatibility;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.liquibase.LiquibaseSession;
import java.sql.Connection;
import liquibase.database.Database;

/**
 * What an upgrade checks, under the migration lock, before it applies anything: changesets out of
 * order ({@link OutOfOrderGuard}), lock hazards ({@link PendingHazards}) and changes that would
 * break a live instance of another release ({@link PendingCompatibility}). The first that refuses
 * stops the upgrade, with nothing migrated.
 */
record PendingChecks(LiquibaseSession session) {

  /** Refuses the next {@code steps} pending changesets if any check does. */
  void refuseUnsafe(Connection connection, Database database, int steps) throws Exception {
    MigrationConfiguration configuration = session.configuration();
    new OutOfOrderGuard(session, configuration.allowOutOfOrder())
        .check(connection, database, steps);
    new PendingHazards(session, configuration.hazardRows())
        .refuseBlocking(connection, database, steps);
    new PendingCompatibility(session).refuseBreaking(connection, database, steps);
  }
}
