package com.migochat.runner.lockwait;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Watches, on a second session, which sessions block the migration's backend. Once the migration
 * gave up waiting, {@code pg_blocking_pids} no longer names anyone, so the watch asks while it
 * waits, a few times per lock timeout, and keeps what it saw last.
 */
public final class BlockerWatch implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(BlockerWatch.class.getName());
  private static final String BLOCKERS =
      "SELECT a.pid, COALESCE(a.application_name, ''), COALESCE(a.state, 'unknown state'),"
          + " CAST(EXTRACT(EPOCH FROM now() - COALESCE(a.xact_start, a.backend_start)) * 1000"
          + " AS BIGINT), LEFT(regexp_replace(COALESCE(a.query, ''), '\\s+', ' ', 'g'), 80)"
          + " FROM pg_stat_activity a WHERE a.pid = ANY (pg_blocking_pids(?)) ORDER BY a.pid";

  private final Connection watching;
  private final int migrationPid;
  private final ScheduledExecutorService poller;
  private volatile Sighting last = new Sighting(List.of(), 0);

  /** The sessions seen blocking the migration, and when ({@link System#nanoTime()}). */
  private record Sighting(List<Blocker> blockers, long seenAt) {}

  private BlockerWatch(Connection watching, int migrationPid, Duration period) {
    this.watching = watching;
    this.migrationPid = migrationPid;
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "migochat-blocker-watch");
              thread.setDaemon(true);
              return thread;
            });
    long millis = period.toMillis();
    poller.scheduleWithFixedDelay(this::look, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts watching the backend of {@code migration}, on a session of {@code dataSource}, every
   * {@code period}. Opens that session on the calling thread.
   */
  public static BlockerWatch start(DataSource dataSource, Connection migration, Duration period)
      throws SQLException {
    int pid;
    try (Statement statement = migration.createStatement();
        ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
      result.next();
      pid = result.getInt(1);
    }
    Connection watching = dataSource.getConnection();
    try {
      watching.setAutoCommit(true);
      return new BlockerWatch(watching, pid, period);
    } catch (SQLException | RuntimeException e) {
      watching.close();
      throw e;
    }
  }

  /** The blockers seen within {@code maxAge}; empty when none was seen that recently. */
  public List<Blocker> recent(Duration maxAge) {
    Sighting sighting = last;
    return System.nanoTime() - sighting.seenAt() <= maxAge.toNanos()
        ? sighting.blockers()
        : List.of();
  }

  private void look() {
    try (PreparedStatement statement = watching.prepareStatement(BLOCKERS)) {
      statement.setInt(1, migrationPid);
      List<Blocker> blockers = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          blockers.add(
              new Blocker(
                  rows.getInt(1),
                  rows.getString(2),
                  rows.getString(3),
                  Duration.ofMillis(rows.getLong(4)),
                  rows.getString(5)));
        }
      }
      if (!blockers.isEmpty()) {
        last = new Sighting(List.copyOf(blockers), System.nanoTime());
      }
    } catch (SQLException e) {
      // Naming the blocker is a courtesy: the lock wait is bounded without it.
      LOG.log(Level.FINE, "Could not read who blocks the migration", e);
    }
  }

  @Override
  public void close() throws SQLException {
    poller.shutdownNow();
    try {
      poller.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      watching.close();
    }
  }
}
