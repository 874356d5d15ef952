package com.migochat.runner.lockwait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.config.LockWaitSettings;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.upgrade.UpgradeResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A migration that needs a table lock a long reader holds (a nightly {@code pg_dump} keeps ACCESS
 * SHARE on every table it dumps) waits at most one lock timeout at a time, so the application's
 * writes to that table, queued behind it, do too; it is tried again until the reader ends, or fails
 * as LOCK_TIMEOUT naming the reader once its budget is spent, leaving the table as it was.
 */
class BlockedMigrationTest {

  private static final String CHANGELOG = "db/test/blocked-changelog.xml";
  private static final String ADD_NICKNAME = "29991231_2359_add_nickname_to_users";
  private static final Duration LOCK_TIMEOUT = LockWaitSettings.DEFAULT_LOCK_TIMEOUT;

  /**
   * As long as a nightly pg_dump of a small database holds its locks: the migration times out and
   * tries again several times meanwhile (after pauses of about 0.5, 1, 2, 4, 8 and 10 s).
   */
  private static final Duration READER_HOLDS = Duration.ofSeconds(20);

  private static final Duration WRITE_MAY_WAIT = LOCK_TIMEOUT.plusMillis(500);
  private static final String READ = "SELECT count(*) FROM users";

  @Test
  void writesWaitAtMostTheLockTimeoutBehindABlockedMigrationWhichAppliesOnceTheReaderEnds()
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        RetryLog log = RetryLog.listen()) {
      database.runner().upgrade();
      try (Reader reader = Reader.open(database, "nightly pg_dump");
          Connection writer = database.connect();
          Connection observer = database.connect()) {
        long start = System.nanoTime();
        Future<UpgradeResult> migration =
            threads.submit(() -> runner(database, LOCK_TIMEOUT, Duration.ofMinutes(1)).upgrade());
        Future<Boolean> migrationSeenWaiting =
            threads.submit(() -> migrationWaitsForALock(observer, start));
        List<Duration> writes = new ArrayList<>();
        while (System.nanoTime() - start < READER_HOLDS.toNanos()) {
          writes.add(write(writer, writes.size()));
          Thread.sleep(50);
        }
        assertFalse(migration.isDone(), "the migration went past the reader");
        reader.end();
        UpgradeResult result = migration.get(30, TimeUnit.SECONDS);

        Duration slowest = writes.stream().max(Duration::compareTo).orElseThrow();
        assertTrue(
            slowest.compareTo(WRITE_MAY_WAIT) <= 0,
            "the slowest of " + writes.size() + " writes took " + slowest.toMillis() + " ms");
        assertTrue(writes.size() >= 20, writes.size() + " writes");
        assertTrue(
            migrationSeenWaiting.get(), "no session named migochat-migration waited for a lock");
        assertEquals(
            List.of(ADD_NICKNAME), result.applied().stream().map(ChangeSetRef::id).toList());
        assertTrue(usersColumns(database).contains("nickname"));
        String line = log.lines().get(0);
        assertTrue(
            line.contains(ADD_NICKNAME)
                && line.contains("pid " + reader.pid())
                && line.contains("'nightly pg_dump'")
                && line.contains("idle in transaction")
                && line.contains(READ),
            line);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aBlockerThatOutlastsTheBudgetLeavesTheTableUnchangedAndIsNamedInTheFailure()
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      database.runner().upgrade();
      try (Reader reader = Reader.open(database, "monthly report")) {
        int readerPid = reader.pid();
        MigrationRunner runner = runner(database, Duration.ofSeconds(1), Duration.ofSeconds(3));

        MigrationException failure = assertThrows(MigrationException.class, runner::upgrade);

        assertEquals(MigrationError.LOCK_TIMEOUT, failure.failure().error());
        assertEquals(ADD_NICKNAME, failure.failure().changeSet().id());
        String message = failure.getMessage();
        assertTrue(
            message.contains("pid " + readerPid)
                && message.contains("'monthly report'")
                && message.contains(READ)
                && message.contains("pg_terminate_backend(" + readerPid + ")")
                && message.contains("migochat.migrations.lock-wait-budget"),
            message);
        reader.end();
        assertFalse(usersColumns(database).contains("nickname"));
        assertFalse(
            runner.status().history().stream()
                .anyMatch(run -> run.changeSet().id().equals(ADD_NICKNAME)));
        assertFalse(migrationLockTaken(database), "the migration lock stayed taken");
      }
    }
  }

  @Test
  void theWaitForTheMigrationLockIsNotCutByTheLockTimeout() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      database.runner().upgrade();
      try (Connection holder = database.connect()) {
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
          statement.executeQuery("SELECT * FROM databasechangeloglock FOR UPDATE").close();
        }
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
          // Any lock wait cut short would fail at once: the budget allows no second attempt.
          Future<UpgradeResult> migration =
              threads.submit(
                  () -> runner(database, Duration.ofMillis(500), Duration.ZERO).upgrade());
          Thread.sleep(3000);
          assertFalse(migration.isDone(), "the migration did not wait for the lock table's row");
          holder.commit();
          UpgradeResult result = migration.get(30, TimeUnit.SECONDS);
          assertEquals(ADD_NICKNAME, result.applied().get(0).id());
        } finally {
          threads.shutdownNow();
        }
      }
    }
  }

  private static MigrationRunner runner(
      ThrowawayDatabase database, Duration lockTimeout, Duration budget) {
    return new MigrationRunner(
        database
            .configure()
            .changeLog(CHANGELOG)
            .lockWaits(new LockWaitSettings(lockTimeout, budget))
            .load());
  }

  /** A session that read users in a transaction it keeps open, as pg_dump does. */
  private record Reader(Connection connection, int pid) implements AutoCloseable {

    static Reader open(ThrowawayDatabase database, String name) throws SQLException {
      Connection connection = database.connect();
      int pid = BlockedMigrationTest.pid(connection);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET application_name = '" + name + "'");
        connection.setAutoCommit(false);
        statement.executeQuery(READ).close();
      }
      return new Reader(connection, pid);
    }

    void end() throws SQLException {
      connection.commit();
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  /** An INSERT or an UPDATE of users, as the application makes them; how long it took. */
  private static Duration write(Connection writer, int number) throws SQLException {
    long start = System.nanoTime();
    String sql =
        number % 2 == 0
            ? "INSERT INTO users (psid, created_at, updated_at) VALUES (?, now(), now())"
            : "UPDATE users SET updated_at = now() WHERE psid = ?";
    try (PreparedStatement statement = writer.prepareStatement(sql)) {
      statement.setString(1, "psid-" + (number - number % 2));
      assertEquals(1, statement.executeUpdate());
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Whether, while the reader holds on, a session named as a migration is seen waiting. */
  private static boolean migrationWaitsForALock(Connection observer, long start)
      throws SQLException, InterruptedException {
    while (System.nanoTime() - start < READER_HOLDS.toNanos()) {
      try (Statement statement = observer.createStatement();
          ResultSet waiting =
              statement.executeQuery(
                  "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                      + " AND application_name LIKE 'migochat-migration %'")) {
        waiting.next();
        if (waiting.getInt(1) > 0) {
          return true;
        }
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static int pid(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
      pid.next();
      return pid.getInt(1);
    }
  }

  private static boolean migrationLockTaken(ThrowawayDatabase database) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet lock = statement.executeQuery("SELECT locked FROM databasechangeloglock")) {
      return lock.next() && lock.getBoolean(1);
    }
  }

  private static List<String> usersColumns(ThrowawayDatabase database) throws SQLException {
    try (Connection connection = database.connect();
        ResultSet columns = connection.getMetaData().getColumns(null, "public", "users", null)) {
      List<String> names = new ArrayList<>();
      while (columns.next()) {
        names.add(columns.getString("COLUMN_NAME"));
      }
      return names;
    }
  }
}
