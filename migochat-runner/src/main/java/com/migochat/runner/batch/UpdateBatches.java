package com.migochat.runner.batch;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import liquibase.exception.CustomChangeException;

/**
 * Runs the batches of a batched update one after the other on an auto-commit connection, so that
 * each commits on its own, with an optional pause between them (room for replicas and vacuum). It
 * stops at once when its thread is interrupted; what was committed stays and the next run resumes
 * after it.
 */
final class UpdateBatches {

  private final Connection connection;
  private final BatchSql sql;
  private final int batchSize;
  private final Duration pause;

  UpdateBatches(Connection connection, BatchSql sql, int batchSize, Duration pause) {
    this.connection = connection;
    this.sql = sql;
    this.batchSize = batchSize;
    this.pause = pause;
  }

  BatchesDone run(BatchProgress progress) throws CustomChangeException {
    Object after = null;
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw stopped(progress, "its thread was interrupted", null);
      }
      try {
        Object last = sql.boundary(connection, after, batchSize);
        if (last == null) {
          return progress.finished();
        }
        progress.batchDone(sql.update(connection, after, last));
        after = last;
      } catch (SQLException e) {
        throw stopped(progress, "batch " + (progress.done().batches() + 1) + " failed: " + e, e);
      }
      if (!pause.isZero()) {
        try {
          Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private CustomChangeException stopped(BatchProgress progress, String why, Exception cause) {
    BatchesDone done = progress.done();
    return new CustomChangeException(
        "The batched update of "
            + sql.table()
            + " stopped after "
            + done.rows()
            + " rows in "
            + done.batches()
            + " committed batches: "
            + why
            + ". The committed rows stay updated and the changeset is not recorded; fix the"
            + " cause and upgrade again, which resumes with the rows the where-clause still"
            + " selects",
        cause);
  }
}
