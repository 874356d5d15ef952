package com.migochat.runner.downgrade;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.ChangeSetRun;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.history.ChangeLogHistory;
import com.migochat.runner.liquibase.LiquibaseSession;
import com.migochat.runner.validation.RollbackLint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;

/**
 * Counts, on the live database, what the rollbacks of a downgrade would drop, before anything is
 * rolled back: the non-null values of each dropped column and the rows of each dropped table. A
 * changeset that carries {@code destructive-rollback} and says why in its comment is trusted that
 * nothing is lost. Whatever else holds data stops the downgrade, unless the loss is allowed.
 */
final class RollbackDataLoss {

  private static final Logger LOG = Logger.getLogger(Downgrade.class.getName());

  private final LiquibaseSession session;

  RollbackDataLoss(LiquibaseSession session) {
    this.session = session;
  }

  /**
   * What rolling back the {@code steps} newest changesets would lose; refuses the downgrade when
   * that is something and {@code dataLoss} does not allow it.
   */
  List<LostData> check(Connection connection, Database database, int steps, DataLoss dataLoss)
      throws Exception {
    Map<ChangeSetRef, ChangeSet> changeLog = new HashMap<>();
    session
        .parseChangeLog(database)
        .getChangeSets()
        .forEach(changeSet -> changeLog.put(ChangeSetRef.of(changeSet), changeSet));
    List<ChangeSetRun> history = new ChangeLogHistory(connection).newestFirst();
    LiquibaseSession.restoreAutoCommit(connection);
    List<LostData> lost = new ArrayList<>();
    for (ChangeSetRun run : history.subList(0, Math.min(steps, history.size()))) {
      ChangeSet changeSet = changeLog.get(run.changeSet());
      if (changeSet != null && !acceptsLoss(changeSet)) {
        for (RollbackDrops.Dropped dropped : RollbackDrops.of(changeSet, database)) {
          long count = count(connection, dropped);
          if (count > 0) {
            lost.add(new LostData(run.changeSet(), dropped.table(), dropped.column(), count));
          }
        }
      }
    }
    if (lost.isEmpty()) {
      return lost;
    }
    String what = lost.stream().map(LostData::describe).collect(Collectors.joining("; "));
    if (dataLoss == DataLoss.ALLOW) {
      LOG.warning(() -> "Downgrading with --allow-data-loss drops: " + what);
      return lost;
    }
    throw MigrationException.because(
        MigrationError.DESTRUCTIVE_ROLLBACK,
        "nothing was rolled back: the rollbacks would drop data: " + what,
        "keep what you need first (a backup: 'migochat backup'; or copy it where it survives),"
            + " then downgrade again with --allow-data-loss; or downgrade to a target that keeps"
            + " these changesets. If nothing is lost (the values can be computed again from"
            + " columns that stay), mark the changeset with labels=\""
            + RollbackLint.DESTRUCTIVE_ROLLBACK
            + "\" and say why in its comment");
  }

  /** Marked as losing nothing, with the reason in its comment. */
  private static boolean acceptsLoss(ChangeSet changeSet) {
    return changeSet.getLabels() != null
        && changeSet.getLabels().getLabels().contains(RollbackLint.DESTRUCTIVE_ROLLBACK)
        && changeSet.getComments() != null
        && !changeSet.getComments().isBlank();
  }

  /** Non-null values of the column, or rows of the table; none when it is not there any more. */
  private static long count(Connection connection, RollbackDrops.Dropped dropped) {
    String sql =
        "SELECT COUNT("
            + (dropped.column() == null ? "*" : dropped.column())
            + ") FROM "
            + dropped.table();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      LOG.fine(() -> "Not counted, " + sql + " failed: " + e.getMessage());
      return 0;
    }
  }
}
