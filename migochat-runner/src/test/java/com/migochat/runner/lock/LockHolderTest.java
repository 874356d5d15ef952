package com.migochat.runner.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.TransactionPooledConnection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockServiceFactory;
import org.junit.jupiter.api.Test;

/**
 * The migration lock names its holder exactly enough that a live holder is never called dead: not
 * one on another machine or container that shares this host's name and process ids, and not one
 * whose PostgreSQL session belongs to a pooler.
 */
class LockHolderTest {

  @Test
  void aRecordedHolderFitsTheLockColumnAndReadsBackFieldByField() {
    LockHolder longest =
        new LockHolder(
            "h".repeat(64),
            "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255",
            (long) Integer.MAX_VALUE * 2,
            Instant.parse("2026-11-29T08:53:01Z"),
            "326a3859/4026531836",
            Integer.MAX_VALUE,
            "2026-11-29T08:53:02.456789Z");

    assertTrue(longest.recorded().length() <= 255, longest.recorded().length() + " characters");
    assertEquals(longest, LockHolder.parse(longest.recorded()));
  }

  @Test
  void holdersRecordedByStockLiquibaseAndEarlierMigochatVersionsStillParse() {
    assertEquals(
        new LockHolder("build-7", "10.0.0.7", null, null, null, null, null),
        LockHolder.parse("build-7 (10.0.0.7)"));
    assertEquals(
        new LockHolder("web-1", "10.0.0.5", 4242L, null, null, 5678, null),
        LockHolder.parse("web-1 (10.0.0.5) pid 4242, postgres backend 5678"));
  }

  @Test
  void aGoneProcessOnAnotherMachineWithThisHostNameCannotBeToldDead() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.h2()) {
      MigrationRunner runner = database.runner();
      runner.upgrade();
      LockHolder here = LockHolder.thisProcess(null);
      long gone = gonePid();

      UnlockTest.lockedBy(
          database,
          new LockHolder(
                  here.host(),
                  here.address(),
                  gone,
                  here.started(),
                  "0badc0de/4026531836",
                  null,
                  null)
              .recorded());
      assertEquals(
          LockHolder.Liveness.UNKNOWN, runner.lock().holder(), "another machine or container");

      UnlockTest.lockedBy(database, here.host() + " (" + here.address() + ") pid " + gone);
      assertEquals(
          LockHolder.Liveness.UNKNOWN, runner.lock().holder(), "an earlier Migochat's holder");

      UnlockTest.lockedBy(
          database,
          new LockHolder(
                  here.host(), here.address(), gone, here.started(), here.machine(), null, null)
              .recorded());
      assertEquals(
          LockHolder.Liveness.DEAD,
          runner.lock().holder(),
          "this machine, and the process is gone");
    }
  }

  @Test
  void aHolderBehindATransactionPoolerIsJudgedByItsProcessNotByThePoolersSession()
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner = database.runner();
      runner.upgrade();
      Connection first = database.connect();
      Connection second = database.connect();
      List<Integer> backends = List.of(backend(first), backend(second));
      Database pooled =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(
                  new JdbcConnection(TransactionPooledConnection.over(first, second)));
      List<LogRecord> warnings = warningsOf(PostgresSession.class);

      assertTrue(LockServiceFactory.getInstance().getLockService(pooled).acquireLock());
      String holder = runner.health().lock().lockedBy();
      assertFalse(holder.contains("postgres backend"), holder);
      assertEquals(1, warnings.size(), "warned once about the pooler");
      assertTrue(
          warnings.get(0).getMessage().contains("pooler in transaction mode"),
          warnings.get(0).getMessage());

      first.close();
      second.close();
      for (int backend : backends) {
        UnlockTest.awaitSessionEnd(database, backend);
      }
      assertEquals(
          LockHolder.Liveness.ALIVE,
          runner.lock().holder(),
          "the pooler's sessions ended, not the holder");
    }
  }

  private static List<LogRecord> warningsOf(Class<?> source) {
    List<LogRecord> warnings = new ArrayList<>();
    Logger.getLogger(source.getName())
        .addHandler(
            new Handler() {
              @Override
              public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                  warnings.add(record);
                }
              }

              @Override
              public void flush() {}

              @Override
              public void close() {}
            });
    return warnings;
  }

  private static int backend(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
      row.next();
      return row.getInt(1);
    }
  }

  private static long gonePid() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    return finished.pid();
  }
}
