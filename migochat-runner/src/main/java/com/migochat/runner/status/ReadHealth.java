package com.migochat.runner.status;

import com.migochat.runner.liquibase.LiquibaseSession;
import com.migochat.runner.lock.LockState;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code health}: the version, the pending changesets, the migration lock and the rows of every
 * application table. Unhealthy when changesets are pending or the lock is held.
 */
public final class ReadHealth {

  private final LiquibaseSession session;

  public ReadHealth(LiquibaseSession session) {
    this.session = session;
  }

  public HealthReport health() {
    CurrentVersion version = new ReadStatus(session).current();
    return session.jdbc(
        connection -> {
          LockState lock = LockState.read(connection);
          List<String> problems = new ArrayList<>();
          if (!version.atHead()) {
            problems.add(
                version.pending() + " changesets pending: run upgrade, or deploy the application");
          }
          if (lock.locked()) {
            problems.add(
                "the migration lock is held by "
                    + lock.lockedBy()
                    + " since "
                    + lock.since()
                    + ": a migration is running, or its process died holding the lock");
          }
          return new HealthReport(version, lock, RowCounts.of(connection), problems);
        });
  }
}
