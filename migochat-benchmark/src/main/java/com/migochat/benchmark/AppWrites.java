package com.migochat.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The application's writes to {@code users} at a steady rate (open loop: a write is issued on time
 * whether or not the ones before it have finished, as requests arrive), each on a connection of a
 * pool of its own, each timed.
 */
final class AppWrites implements AutoCloseable {

  /** One write: when it was issued ({@link System#nanoTime()}) and how long it took. */
  record Write(long issuedNanos, long tookNanos) {}

  private static final int CONNECTIONS = 32;

  private final BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(CONNECTIONS);
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService writers = Executors.newFixedThreadPool(CONNECTIONS);
  private final List<Write> writes = new CopyOnWriteArrayList<>();
  private final List<SQLException> failures = new CopyOnWriteArrayList<>();
  private final int rows;

  private AppWrites(int rows) {
    this.rows = rows;
  }

  /** Starts {@code perSecond} writes a second to the {@code rows} users of {@code dataSource}. */
  static AppWrites start(DataSource dataSource, int rows, int perSecond) throws SQLException {
    AppWrites app = new AppWrites(rows);
    for (int i = 0; i < CONNECTIONS; i++) {
      app.pool.add(dataSource.getConnection());
    }
    app.clock.scheduleAtFixedRate(
        () -> {
          long issued = System.nanoTime();
          app.writers.submit(() -> app.write(issued));
        },
        0,
        1_000_000 / perSecond,
        TimeUnit.MICROSECONDS);
    return app;
  }

  /** Stops issuing writes, waits for those under way, and returns every write. */
  List<Write> stop() throws InterruptedException {
    clock.shutdown();
    clock.awaitTermination(10, TimeUnit.SECONDS);
    writers.shutdown();
    writers.awaitTermination(5, TimeUnit.MINUTES);
    if (!failures.isEmpty()) {
      throw new IllegalStateException(failures.size() + " writes failed", failures.get(0));
    }
    return List.copyOf(writes);
  }

  /** A write issued at {@code issued}: its time counts from then, also while it waited its turn. */
  private void write(long issued) {
    Connection connection = null;
    try {
      connection = pool.take();
      try (PreparedStatement update =
          connection.prepareStatement("UPDATE users SET updated_at = now() WHERE id = ?")) {
        update.setLong(1, 1 + ThreadLocalRandom.current().nextInt(rows));
        update.executeUpdate();
      }
      writes.add(new Write(issued, System.nanoTime() - issued));
    } catch (SQLException e) {
      failures.add(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (connection != null) {
        pool.add(connection);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    clock.shutdownNow();
    writers.shutdownNow();
    for (Connection connection : pool) {
      connection.close();
    }
  }
}
