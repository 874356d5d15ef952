package com.migochat.runner.liquibase;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.ChangeSetTiming;
import com.migochat.runner.changeset.MigrationProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.ChangeSet.ExecType;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;

/**
 * Listens to one Liquibase run and remembers which changesets ran or were rolled back, how long
 * each took, and which one failed; tells its {@link MigrationProgress} which changeset of how many
 * starts.
 */
public final class ChangeSetRecorder extends AbstractChangeExecListener {

  private final MigrationProgress progress;
  private final ChangeSetFilters filters;
  private final List<ChangeSetRef> applied = new ArrayList<>();
  private final List<ChangeSetTiming> timings = new ArrayList<>();
  private final List<ChangeSetRef> rolledBack = new ArrayList<>();
  private ChangeSetRef failed;
  private boolean failedRollingBack;
  private boolean failedOutsideTransaction;
  private int started;
  private int pending = -1;
  private long startedAt;

  ChangeSetRecorder(MigrationProgress progress, ChangeSetFilters filters) {
    this.progress = progress;
    this.filters = filters;
  }

  @Override
  public void willRun(
      ChangeSet changeSet,
      DatabaseChangeLog changeLog,
      Database database,
      ChangeSet.RunStatus runStatus) {
    if (pending < 0) {
      pending = countPending(changeLog, database);
    }
    ChangeSetRef ref = ChangeSetRef.of(changeSet);
    startedAt = System.nanoTime();
    // A changeset tried again after a failure (a lock wait) is the same step of the same run.
    if (!ref.equals(failed)) {
      started++;
      progress.applying(ref, started, Math.max(started, pending));
    }
    failed = null;
  }

  /** How many changesets this run has to apply; read from Liquibase's cached history. */
  private int countPending(DatabaseChangeLog changeLog, Database database) {
    try {
      return filters.unrun(changeLog, database).size();
    } catch (Exception e) {
      // Progress is a courtesy: without the total it still counts the changesets that ran.
      return 0;
    }
  }

  @Override
  public void ran(
      ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ExecType execType) {
    if (execType.ran) {
      ChangeSetRef ref = ChangeSetRef.of(changeSet);
      applied.add(ref);
      timings.add(new ChangeSetTiming(ref, Duration.ofNanos(System.nanoTime() - startedAt)));
    }
  }

  @Override
  public void runFailed(
      ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, Exception exception) {
    failed = ChangeSetRef.of(changeSet);
    failedOutsideTransaction = !changeSet.isRunInTransaction();
  }

  @Override
  public void rolledBack(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
    rolledBack.add(ChangeSetRef.of(changeSet));
  }

  @Override
  public void rollbackFailed(
      ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, Exception exception) {
    failed = ChangeSetRef.of(changeSet);
    failedRollingBack = true;
  }

  /** Whether the changeset that failed failed on its way down, in a rollback. */
  public boolean failedRollingBack() {
    return failedRollingBack;
  }

  public List<ChangeSetRef> rolledBack() {
    return List.copyOf(rolledBack);
  }

  public List<ChangeSetRef> applied() {
    return List.copyOf(applied);
  }

  public List<ChangeSetTiming> timings() {
    return List.copyOf(timings);
  }

  public Optional<ChangeSetRef> failed() {
    return Optional.ofNullable(failed);
  }

  /** Whether the changeset that failed ran with {@code runInTransaction="false"}. */
  boolean failedOutsideTransaction() {
    return failedOutsideTransaction;
  }
}
