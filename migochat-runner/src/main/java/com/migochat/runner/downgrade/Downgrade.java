package com.migochat.runner.downgrade;

import com.migochat.runner.changeset.SqlPreview;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.liquibase.ChangeSetRecorder;
import com.migochat.runner.liquibase.LiquibaseSession;
import com.migochat.runner.lockwait.LockWaitRetry;
import com.migochat.runner.status.ReadStatus;
import com.migochat.runner.status.StatusReport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.RollbackCountSqlCommandStep;

/**
 * {@code downgrade}: rolls back every changeset applied after the target, newest first, under the
 * migration lock, once it is sure no rollback drops data unasked; a changeset that gives up waiting
 * for a table lock is tried again (see {@link LockWaitRetry}).
 */
public final class Downgrade {

  private static final String COUNT = "count";

  private final LiquibaseSession session;

  public Downgrade(LiquibaseSession session) {
    this.session = session;
  }

  /**
   * Rolls back to {@code target}; a rollback that would drop data is refused unless {@code
   * dataLoss} allows it (see {@link RollbackDataLoss}).
   */
  public DowngradeResult run(DowngradeTarget target, DataLoss dataLoss) {
    long started = System.nanoTime();
    int steps = target.stepsFrom(new ReadStatus(session).status());
    if (steps == 0) {
      return new DowngradeResult(List.of(), Duration.ofNanos(System.nanoTime() - started));
    }
    ChangeSetRecorder recorder = session.recorder();
    MigrationConfiguration configuration = session.configuration();
    LockWaitRetry retry = new LockWaitRetry(configuration.lockWaits(), configuration.dataSource());
    List<LostData> lost =
        session.underLock(
            (connection, database, lock) -> {
              List<LostData> losing =
                  new RollbackDataLoss(session).check(connection, database, steps, dataLoss);
              // Tried again after a lock wait, it rolls back only what the earlier attempts did
              // not.
              retry.run(
                  connection,
                  () ->
                      lock.around(
                          () ->
                              session.command(
                                  database,
                                  RollbackCountCommandStep.COMMAND_NAME,
                                  Map.of(COUNT, steps - recorder.rolledBack().size()),
                                  null,
                                  recorder)));
              return losing;
            });
    return new DowngradeResult(
        recorder.rolledBack(), Duration.ofNanos(System.nanoTime() - started), lost);
  }

  /** The SQL that {@link #run} would run for {@code target}; changes nothing. */
  public SqlPreview sql(DowngradeTarget target) {
    StatusReport status = new ReadStatus(session).status();
    int steps = target.stepsFrom(status);
    ByteArrayOutputStream sql = new ByteArrayOutputStream();
    if (steps > 0) {
      session.command(RollbackCountSqlCommandStep.COMMAND_NAME, Map.of(COUNT, steps), sql);
    }
    return new SqlPreview(status.applied().subList(0, steps), sql.toString(StandardCharsets.UTF_8));
  }
}
