package com.migochat.benchmark;

import com.migochat.runner.schema.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of the blocked-migration scenario: a session reads table {@code people} in an open
 * transaction for a while (as {@code pg_dump} or a report does), the application writes to that
 * table at a steady rate, and meanwhile a contender adds a column to it. PostgreSQL queues every
 * later lock request of the table behind the waiting {@code ALTER TABLE}, so what the application
 * sees depends on how long the migration lets its lock request wait.
 *
 * <p>Writes are issued at their scheduled moments whatever came before (an open loop, from a pool
 * of connections), and each latency is measured from the moment the write was due, so a stalled
 * table shows as the time the application really waited.
 *
 * @param target the server each run gets a new database on
 * @param steps runs each migration in a JVM of its own
 */
record WritesWhileBlocked(BenchmarkTarget target, StepProcess steps) {

  private static final int CONNECTIONS = 25;
  private static final int ROWS = 10_000;

  /** What the application saw, and how long the migration took in all. */
  record Outcome(
      Contender contender,
      long[] sortedNanos,
      long failedWrites,
      double migrationSeconds,
      double afterReaderSeconds) {

    double percentileMillis(double percent) {
      return Percentile.millis(sortedNanos, percent);
    }
  }

  Outcome measure(Contender contender, Path addColumn, int holdSeconds, int writesPerSecond)
      throws Exception {
    try (ScratchDatabase database = target.scratch()) {
      people(database);
      List<Connection> pool = new ArrayList<>();
      for (int i = 0; i < CONNECTIONS; i++) {
        pool.add(database.dataSource().getConnection());
      }
      BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(CONNECTIONS, false, pool);
      ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
      AtomicLong failed = new AtomicLong();
      ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
      ExecutorService writers = Executors.newFixedThreadPool(CONNECTIONS);
      ExecutorService migrator = Executors.newSingleThreadExecutor();
      try (Connection reader = database.dataSource().getConnection()) {
        reader.setAutoCommit(false);
        try (Statement read = reader.createStatement()) {
          read.executeQuery("SELECT count(*) FROM people").close();
        }
        long periodNanos = 1_000_000_000L / writesPerSecond;
        long first = System.nanoTime();
        AtomicLong tick = new AtomicLong();
        ticker.scheduleAtFixedRate(
            () -> {
              long due = first + tick.getAndIncrement() * periodNanos;
              writers.submit(() -> write(idle, due, latencies, failed));
            },
            0,
            periodNanos,
            TimeUnit.NANOSECONDS);
        Thread.sleep(500);
        long started = System.nanoTime();
        Future<StepProcess.Timed> migration =
            migrator.submit(() -> steps.time(contender, database, addColumn));
        awaitExclusiveLockRequest(database, migration);
        Thread.sleep(holdSeconds * 1000L);
        reader.commit();
        long readerEnded = System.nanoTime();
        migration.get();
        long finished = System.nanoTime();
        Thread.sleep(1000);
        ticker.shutdown();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        writers.shutdown();
        writers.awaitTermination(1, TimeUnit.MINUTES);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Outcome(
            contender,
            sorted,
            failed.get(),
            (finished - started) / 1e9,
            (finished - readerEnded) / 1e9);
      } finally {
        ticker.shutdownNow();
        writers.shutdownNow();
        migrator.shutdownNow();
        for (Connection connection : pool) {
          connection.close();
        }
      }
    }
  }

  /**
   * Waits until the migration asks for its exclusive lock on {@code people} (and PostgreSQL makes
   * it wait behind the reader), so every tool is blocked for the same time whatever its start-up
   * costs.
   */
  private static void awaitExclusiveLockRequest(ScratchDatabase database, Future<?> migration)
      throws Exception {
    try (Connection monitor = database.dataSource().getConnection();
        PreparedStatement waiting =
            monitor.prepareStatement(
                "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                    + " WHERE c.relname = 'people' AND l.mode = 'AccessExclusiveLock'"
                    + " AND NOT l.granted")) {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (System.nanoTime() < deadline) {
        if (migration.isDone()) {
          migration.get();
          throw new IllegalStateException("the migration ended before it waited for its lock");
        }
        try (ResultSet rows = waiting.executeQuery()) {
          if (rows.next() && rows.getLong(1) > 0) {
            return;
          }
        }
        Thread.sleep(20);
      }
      throw new IllegalStateException("the migration did not ask for its lock within 2 minutes");
    }
  }

  private static void write(
      BlockingQueue<Connection> idle,
      long due,
      ConcurrentLinkedQueue<Long> latencies,
      AtomicLong failed) {
    try {
      Connection connection = idle.take();
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO people (first_name, last_name) VALUES ('Written', 'Meanwhile')")) {
        insert.executeUpdate();
        latencies.add(System.nanoTime() - due);
      } catch (SQLException e) {
        failed.incrementAndGet();
      } finally {
        idle.add(connection);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void people(ScratchDatabase database) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE people (id BIGSERIAL PRIMARY KEY, first_name VARCHAR(100),"
              + " last_name VARCHAR(100))");
      statement.execute(
          "INSERT INTO people (first_name, last_name) SELECT 'First ' || g, 'Last ' || g"
              + " FROM generate_series(1, "
              + ROWS
              + ") g");
    }
  }
}
