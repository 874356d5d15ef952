package com.migochat.runner.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockServiceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * unlock releases a lock whose holder is gone and refuses one whose holder still runs or cannot be
 * checked, unless forced. The lock is taken by Liquibase itself, which records who holds it.
 */
class UnlockTest {

  private static final Pattern BACKEND = Pattern.compile(".*, postgres backend (\\d+) started .*");

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aLiveHolderKeepsTheLockAndAGoneOneLosesIt(Engine engine) throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = database.runner();
      runner.upgrade();
      Connection holder = database.connect();
      Database liquibase =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(holder));
      LockServiceFactory.getInstance().getLockService(liquibase).acquireLock();

      LockState held = runner.health().lock();
      assertTrue(held.locked());
      assertTrue(
          held.lockedBy().contains(" pid " + ProcessHandle.current().pid()), held.lockedBy());
      MigrationException refused =
          assertThrows(MigrationException.class, () -> runner.unlock(false));
      assertEquals(MigrationError.LOCK_HELD, refused.failure().error());
      assertTrue(refused.getMessage().contains("still running"), refused.getMessage());

      if (engine == Engine.POSTGRESQL) {
        Matcher backend = BACKEND.matcher(held.lockedBy());
        assertTrue(backend.matches(), held.lockedBy());
        holder.close();
        awaitSessionEnd(database, Integer.parseInt(backend.group(1)));
      } else {
        holder.close();
        lockedBy(database, thisMachine(deadPid()));
      }
      UnlockResult released = runner.unlock(false);

      assertTrue(released.released());
      assertEquals(LockHolder.Liveness.DEAD, released.holder());
      assertFalse(runner.health().lock().locked());
    }
  }

  @Test
  void aHolderThatCannotBeCheckedNeedsForce() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.h2()) {
      MigrationRunner runner = database.runner();
      runner.upgrade();
      lockedBy(database, "build-agent-7 (10.0.0.7)");

      MigrationException refused =
          assertThrows(MigrationException.class, () -> runner.unlock(false));
      assertTrue(refused.getMessage().contains("cannot be checked"), refused.getMessage());
      assertTrue(runner.health().lock().locked());

      UnlockResult forced = runner.unlock(true);
      assertEquals(LockHolder.Liveness.UNKNOWN, forced.holder());
      assertFalse(runner.health().lock().locked());
      assertFalse(runner.unlock(false).released(), "nothing left to release");
    }
  }

  @Test
  void aLockTakenByAnotherProcessWhileUnlockCheckedTheDeadHolderStaysTaken() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner = database.runner();
      runner.upgrade();
      String dead = thisMachine(deadPid());
      String next = thisMachine(ProcessHandle.current().pid());
      lockedBy(database, dead);
      try (Connection taker = database.connect()) {
        // Another instance releases the dead holder's lock and takes it, in a transaction that
        // commits only once unlock has judged the dead holder and waits to release its lock.
        taker.setAutoCommit(false);
        lockedBy(taker, next);
        CompletableFuture<UnlockResult> unlock =
            CompletableFuture.supplyAsync(() -> runner.unlock(false));
        awaitBlockedOnLockTable(database, unlock);
        taker.commit();

        ExecutionException refused = assertThrows(ExecutionException.class, unlock::get);
        MigrationException failure = (MigrationException) refused.getCause();
        assertEquals(MigrationError.LOCK_HELD, failure.failure().error());
        assertTrue(failure.getMessage().contains("nothing was released"), failure.getMessage());
        assertTrue(failure.getMessage().contains("held by " + next), failure.getMessage());
      }
      LockState after = runner.health().lock();
      assertTrue(after.locked(), "the new holder's lock was released");
      assertEquals(next, after.lockedBy());
    }
  }

  /** A holder recorded on this machine, by the process {@code pid}. */
  private static String thisMachine(long pid) {
    LockHolder here = LockHolder.thisProcess(null);
    return new LockHolder(
            here.host(), here.address(), pid, here.started(), here.machine(), null, null)
        .recorded();
  }

  /** Waits until unlock's release waits for the lock row that another transaction changed. */
  private static void awaitBlockedOnLockTable(
      ThrowawayDatabase database, CompletableFuture<?> unlock) throws Exception {
    for (int attempt = 0; attempt < 200 && !unlock.isDone(); attempt++) {
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement();
          ResultSet waiting =
              statement.executeQuery(
                  "SELECT 1 FROM pg_stat_activity WHERE datname = current_database()"
                      + " AND wait_event_type = 'Lock' AND query LIKE 'UPDATE DATABASECHANGELOGLOCK%'")) {
        if (waiting.next()) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "unlock never waited for the lock row: "
            + (unlock.isDone() ? unlock.join() : "still running"));
  }

  private static long deadPid() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    return finished.pid();
  }

  static void lockedBy(ThrowawayDatabase database, String holder) throws SQLException {
    try (Connection connection = database.connect()) {
      lockedBy(connection, holder);
    }
  }

  private static void lockedBy(Connection connection, String holder) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement(
            "UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKEDBY = ?,"
                + " LOCKGRANTED = CURRENT_TIMESTAMP WHERE ID = 1")) {
      lock.setString(1, holder);
      assertEquals(1, lock.executeUpdate());
    }
  }

  /** PostgreSQL ends a closed session's backend shortly after the client goes. */
  static void awaitSessionEnd(ThrowawayDatabase database, int backend) throws Exception {
    for (int attempt = 0; attempt < 100; attempt++) {
      try (Connection connection = database.connect();
          PreparedStatement session =
              connection.prepareStatement("SELECT 1 FROM pg_stat_activity WHERE pid = ?")) {
        session.setInt(1, backend);
        try (ResultSet row = session.executeQuery()) {
          if (!row.next()) {
            return;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("PostgreSQL backend " + backend + " did not end within 5 s");
  }
}
