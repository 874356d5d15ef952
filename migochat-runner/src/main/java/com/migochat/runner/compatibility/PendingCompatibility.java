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
 */
public final class PendingCompatibility {

  private PendingCompatibility() {}

  /**
   * Refuses the upgrade when one of {@code next}, the pending changesets of {@code changeLog} it is
   * about to apply, is unmarked and would break a live release.
   */
  public static void refuseBreaking(
      Connection connection, Database database, DatabaseChangeLog changeLog, List<ChangeSet> next)
      throws Exception {
    List<InstanceState> live = InstanceRegistry.live(connection);
    if (live.isEmpty()) {
      return;
    }
    CompatibilityReport report =
        new CompatibilityCheck(database, live, ChangeLogHead.of(changeLog)).check(next);
    LiquibaseSession.restoreAutoCommit(connection);
    report.refuseIfBreaking();
  }
}
