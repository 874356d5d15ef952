package com.migochat.runner.liquibase;

import com.migochat.runner.index.InvalidIndexRepair;
import java.util.List;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.DatabaseException;
import liquibase.exception.LiquibaseException;
import liquibase.sql.visitor.SqlVisitor;
import liquibase.statement.SqlStatement;

/**
 * Liquibase's PostgreSQL support, except that a changeset's changes and its {@code
 * DATABASECHANGELOG} row commit in one transaction. Stock Liquibase commits the changes, then
 * records them and commits again: a crash or a failed insert between the two leaves a change
 * applied but unrecorded, and the next run fails on it ("relation already exists"). Here the first
 * commit waits for the record, so PostgreSQL, whose DDL is transactional, holds both or neither. It
 * also saves a round trip per changeset.
 *
 * <p>Registered as a Liquibase service with a higher priority than the stock implementation, so
 * every Liquibase command of this application on PostgreSQL uses it. A changeset with {@code
 * runInTransaction="false"} runs in auto-commit as before; only its record is committed.
 *
 * <p>Every changeset's statements (and every rollback's) run under the configured {@code
 * lock_timeout}, see {@link ChangeSetLockTimeout}.
 *
 * <p>Before each change, an invalid index that an earlier failed concurrent build of that change
 * left behind is dropped ({@link InvalidIndexRepair}), so that the changeset can build it again;
 * the drop waits for locks no longer than the change itself.
 */
public class AtomicChangeSetPostgresDatabase extends PostgresDatabase {

  /** Where the current changeset is between its first change and the commit of its record. */
  private enum Progress {
    NOTHING_UNCOMMITTED,
    CHANGED_NOT_RECORDED,
    RECORDED
  }

  private Progress progress = Progress.NOTHING_UNCOMMITTED;

  private final ChangeSetLockTimeout lockTimeout = new ChangeSetLockTimeout(this);

  @Override
  public int getPriority() {
    return super.getPriority() + 1;
  }

  @Override
  public void executeStatements(
      Change change, DatabaseChangeLog changeLog, List<SqlVisitor> sqlVisitors)
      throws LiquibaseException {
    boolean transactionStart = progress == Progress.NOTHING_UNCOMMITTED;
    progress = Progress.CHANGED_NOT_RECORDED;
    lockTimeout.around(
        transactionStart,
        () -> {
          InvalidIndexRepair.before(change, this);
          super.executeStatements(change, changeLog, sqlVisitors);
        });
  }

  @Override
  public void executeRollbackStatements(SqlStatement[] statements, List<SqlVisitor> sqlVisitors)
      throws LiquibaseException {
    boolean transactionStart = progress == Progress.NOTHING_UNCOMMITTED;
    progress = Progress.CHANGED_NOT_RECORDED;
    lockTimeout.around(
        transactionStart, () -> super.executeRollbackStatements(statements, sqlVisitors));
  }

  @Override
  public void markChangeSetExecStatus(ChangeSet changeSet, ChangeSet.ExecType execType)
      throws DatabaseException {
    super.markChangeSetExecStatus(changeSet, execType);
    recorded();
  }

  @Override
  public void removeRanStatus(ChangeSet changeSet) throws DatabaseException {
    super.removeRanStatus(changeSet);
    recorded();
  }

  private void recorded() {
    if (progress == Progress.CHANGED_NOT_RECORDED) {
      progress = Progress.RECORDED;
    }
  }

  /** Commits, unless the changes of a changeset wait for their record to commit with them. */
  @Override
  public void commit() throws DatabaseException {
    if (progress == Progress.CHANGED_NOT_RECORDED) {
      return;
    }
    super.commit();
    progress = Progress.NOTHING_UNCOMMITTED;
  }

  @Override
  public void rollback() throws DatabaseException {
    progress = Progress.NOTHING_UNCOMMITTED;
    super.rollback();
  }
}
