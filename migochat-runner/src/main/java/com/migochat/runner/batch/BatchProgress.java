package com.migochat.runner.batch;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * Counts a batched update's batches and logs its progress at INFO at most every interval: rows done
 * of the estimate taken at the start, batches and rate. Logs once more when it ends.
 */
final class BatchProgress {

  private static final Logger LOG = Logger.getLogger(BatchedUpdate.class.getName());

  private final String table;
  private final long toDo;
  private final long intervalNanos;
  private final long start = System.nanoTime();
  private long lastLog = start;
  private long rows;
  private int batches;

  BatchProgress(String table, long toDo, Duration interval) {
    this.table = table;
    this.toDo = toDo;
    this.intervalNanos = interval.toNanos();
    LOG.info(() -> "Batched update of " + table + ": about " + toDo + " rows to update");
  }

  void batchDone(int updated) {
    rows += updated;
    batches++;
    long now = System.nanoTime();
    if (now - lastLog >= intervalNanos) {
      lastLog = now;
      LOG.info(() -> "Batched update of " + table + ": " + summary(now));
    }
  }

  BatchesDone finished() {
    long now = System.nanoTime();
    LOG.info(() -> "Batched update of " + table + " done: " + summary(now));
    return done();
  }

  BatchesDone done() {
    return new BatchesDone(rows, batches);
  }

  private String summary(long now) {
    double seconds = Math.max(now - start, 1) / 1e9;
    long percent = toDo == 0 ? 100 : Math.min(100, rows * 100 / toDo);
    return String.format(
        "%d of about %d rows (%d %%) in %d batches, %.1f s, %.0f rows/s",
        rows, toDo, percent, batches, seconds, rows / seconds);
  }
}
