package com.migochat.runner.compatibility;

import com.migochat.runner.instance.ChangeLogHead;
import com.migochat.runner.instance.InstanceRegistry;
import com.migochat.runner.instance.InstanceState;
import com.migochat.runner.liquibase.LiquibaseSession;
import java.sql.Connection;
import java.util.List;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;

/**
 * The compatibility of the changesets an upgrade is about to apply with the live instances of other
 * releases, checked before anything runs (and before the backup).
 *
 * @param session the session the upgrade works through
 */
public record PendingCompatibility(LiquibaseSession session) {

  /** The classification of the next {@code steps} pending changesets; changes nothing. */
  public CompatibilityReport of(Connection connection, Database database, int steps)
      throws Exception {
    List<InstanceState> live = InstanceRegistry.live(connection);
    if (live.isEmpty()) {
      return new CompatibilityReport(List.of());
    }
    DatabaseChangeLog changeLog = session.parseChangeLog(database);
    List<ChangeSet> pending = session.unrun(changeLog, database);
    CompatibilityReport report =
        new CompatibilityCheck(database, live, ChangeLogHead.of(changeLog))
            .check(pending.subList(0, Math.min(steps, pending.size())));
    LiquibaseSession.restoreAutoCommit(connection);
    return report;
  }

  /** Refuses the upgrade when an unmarked changeset would break a live release. */
  public void refuseBreaking(Connection connection, Database database, int steps) throws Exception {
    of(connection, database, steps).refuseIfBreaking();
  }
}
