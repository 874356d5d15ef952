package com.migochat.runner.upgrade;

import com.migochat.runner.hazard.HazardCheck;
import com.migochat.runner.hazard.HazardFinding;
import com.migochat.runner.hazard.HazardReport;
import com.migochat.runner.liquibase.LiquibaseSession;
import java.sql.Connection;
import java.util.List;
import java.util.logging.Logger;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;

/**
 * The lock hazards of the changesets an upgrade is about to apply, checked before anything runs
 * (and before the backup).
 *
 * @param session the session the upgrade works through
 * @param hazardRows the row estimate above which a hazard blocks
 */
record PendingHazards(LiquibaseSession session, long hazardRows) {

  private static final Logger LOG = Logger.getLogger(Upgrade.class.getName());

  /** The hazards of the next {@code steps} pending changesets; changes nothing. */
  HazardReport of(Database database, int steps) throws Exception {
    List<ChangeSet> pending = session.unrun(session.parseChangeLog(database), database);
    return new HazardCheck(database, hazardRows)
        .check(pending.subList(0, Math.min(steps, pending.size())));
  }

  /**
   * Logs the informational findings of {@code next}, the pending changesets about to be applied,
   * and refuses the upgrade on a blocking one.
   */
  void refuseBlocking(Connection connection, Database database, List<ChangeSet> next)
      throws Exception {
    HazardReport report = new HazardCheck(database, hazardRows).check(next);
    LiquibaseSession.restoreAutoCommit(connection);
    // A blocking finding is in the failure's message, logged once where it is handled.
    report.findings().stream()
        .filter(finding -> finding.severity() != HazardFinding.Severity.BLOCKING)
        .forEach(finding -> LOG.info(finding::describe));
    report.refuseIfBlocking();
  }
}
