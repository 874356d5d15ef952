package com.migochat.runner.upgrade;

import static com.migochat.runner.testing.GeneratedChangeLogs.createTable;
import static com.migochat.runner.testing.GeneratedChangeLogs.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.MigrationProgress;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.GeneratedChangeLogs;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import liquibase.Scope;
import liquibase.changelog.FastCheckService;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fast boot check: a database migrated to this changelog is recognised without Liquibase, and
 * every real change sends the upgrade through Liquibase again.
 */
class FastUpgradeCheckTest {

  private static final String FULL_NAME = ExpectedChangeSets.FULL_NAME;
  private static final String BEFORE_FULL_NAME = "db/test/before-full-name-changelog.xml";

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aDatabaseAtHeadIsRecognisedWithoutLiquibase(Engine engine) {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = database.runner();

      UpgradeResult first = runner.upgrade();
      UpgradeResult second = runner.upgrade();

      assertEquals(ExpectedChangeSets.IDS, ids(first));
      assertFalse(first.checkedByFingerprint());
      assertTrue(second.nothingApplied());
      assertTrue(second.checkedByFingerprint());
    }
  }

  @Test
  void aNewChangeSetIsApplied() {
    try (ThrowawayDatabase database = ThrowawayDatabase.h2()) {
      database.runner(BEFORE_FULL_NAME).upgrade();
      assertTrue(database.runner(BEFORE_FULL_NAME).upgrade().checkedByFingerprint());

      UpgradeResult upgrade = database.runner().upgrade();

      assertFalse(upgrade.checkedByFingerprint());
      assertEquals(
          ExpectedChangeSets.IDS.subList(
              ExpectedChangeSets.IDS.indexOf(FULL_NAME), ExpectedChangeSets.IDS.size()),
          ids(upgrade));
    }
  }

  @Test
  void anEditedAppliedChangeSetStillStopsTheUpgrade() {
    try (ThrowawayDatabase database = ThrowawayDatabase.h2()) {
      database.runner().upgrade();
      MigrationRunner edited = database.runner("db/test/diverged-changelog.xml");

      MigrationException stopped =
          org.junit.jupiter.api.Assertions.assertThrows(MigrationException.class, edited::upgrade);
      assertEquals(MigrationError.CHECKSUM_MISMATCH, stopped.failure().error());
      assertEquals("20250527_1100_add_full_name_to_users", stopped.failure().changeSet().id());
      assertTrue(stopped.getMessage().contains("revert the edit"), stopped.getMessage());
      assertTrue(stopped.getMessage().contains("<validCheckSum>9:"), stopped.getMessage());
    }
  }

  @Test
  void aRollbackDoneWithStockLiquibaseIsUpgradedAgain() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner = database.runner();
      runner.upgrade();
      try (Connection connection = database.connect()) {
        Database liquibase =
            DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        new CommandScope("rollbackCount")
            .addArgumentValue("database", liquibase)
            .addArgumentValue("changelogFile", MigrationConfiguration.DEFAULT_CHANGELOG)
            .addArgumentValue("count", 1)
            .execute();
      }

      UpgradeResult upgrade = runner.upgrade();

      assertFalse(upgrade.checkedByFingerprint());
      assertEquals(
          List.of(ExpectedChangeSets.IDS.get(ExpectedChangeSets.IDS.size() - 1)), ids(upgrade));
    }
  }

  @Test
  void aHistoryRowDeletedByHandIsNoticed() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner = database.runner();
      runner.upgrade();
      execute(database, "ALTER TABLE users DROP COLUMN full_name");
      execute(database, "DELETE FROM databasechangelog WHERE id = '" + FULL_NAME + "'");
      // Pending again, it sorts before applied changesets: it runs only when that is allowed.
      MigrationRunner allowing =
          new MigrationRunner(database.configure().allowOutOfOrder(true).load());

      UpgradeResult upgrade = allowing.upgrade();

      assertFalse(upgrade.checkedByFingerprint());
      assertEquals(List.of(FULL_NAME), ids(upgrade));
    }
  }

  @Test
  void anotherLiquibaseVersionOrOtherContextsCheckThroughLiquibaseOnce() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.h2()) {
      MigrationRunner runner = database.runner();
      runner.upgrade();
      execute(database, "UPDATE DATABASECHANGELOG_FINGERPRINT SET LIQUIBASE = '4.21.0'");

      assertFalse(runner.upgrade().checkedByFingerprint(), "another Liquibase version");
      assertTrue(runner.upgrade().checkedByFingerprint(), "recorded again by the full check");
      assertFalse(
          new MigrationRunner(database.configure().contexts("demo").load())
              .upgrade()
              .checkedByFingerprint(),
          "other contexts");
    }
  }

  @Test
  void aChangeSetAddedToAFileIncludedWithSingleQuotesIsApplied() {
    try (ThrowawayDatabase database = ThrowawayDatabase.h2();
        GeneratedChangeLogs files = GeneratedChangeLogs.create()) {
      String inner = files.write("inner.xml", xml(createTable("first_table")));
      String master = files.write("master.xml", xml("<include file='" + inner + "'/>"));
      MigrationRunner runner = database.runner(master);
      runner.upgrade();
      assertTrue(runner.upgrade().checkedByFingerprint(), "single quotes are read like double");

      files.write("inner.xml", xml(createTable("first_table") + createTable("second_table")));
      UpgradeResult upgrade = runner.upgrade();

      assertFalse(upgrade.checkedByFingerprint());
      assertEquals(List.of("second_table"), ids(upgrade));
    }
  }

  @Test
  void aYamlChangeLogAlwaysTakesTheFullPath() {
    try (ThrowawayDatabase database = ThrowawayDatabase.h2();
        GeneratedChangeLogs files = GeneratedChangeLogs.create()) {
      String inner = files.write("inner.yaml", yaml("first_table"));
      String master =
          files.write(
              "master.yaml", "databaseChangeLog:\n  - include:\n      file: " + inner + "\n");
      MigrationRunner runner = database.runner(master);
      runner.upgrade();
      assertFalse(runner.upgrade().checkedByFingerprint(), "YAML is not read for a fingerprint");

      files.write("inner.yaml", yaml("first_table", "second_table"));
      // Liquibase remembers for the rest of the JVM that a changelog was up to date; a changed
      // changelog comes with a new deployment, in a new JVM.
      Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
      UpgradeResult upgrade = runner.upgrade();

      assertFalse(upgrade.checkedByFingerprint());
      assertEquals(List.of("second_table"), ids(upgrade));
    }
  }

  @Test
  void aDowngradeThatRunsAsSoonAsTheUpgradeEndsIsNotHiddenByTheFingerprint() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      database.runner(BEFORE_FULL_NAME).upgrade();
      List<String> sinceFullName =
          ExpectedChangeSets.IDS.subList(
              ExpectedChangeSets.IDS.indexOf(FULL_NAME), ExpectedChangeSets.IDS.size());
      MigrationRunner runner = database.runner();
      try (Connection fingerprintWriteBlocker = database.connect()) {
        fingerprintWriteBlocker.setAutoCommit(false);
        execute(fingerprintWriteBlocker, "LOCK TABLE databasechangelog_fingerprint IN SHARE MODE");
        CompletableFuture<UpgradeResult> upgrade = CompletableFuture.supplyAsync(runner::upgrade);
        awaitWaitingFor(database, "DELETE FROM DATABASECHANGELOG_FINGERPRINT", upgrade);
        CountDownLatch downgradeWaitsForTheLock = new CountDownLatch(1);
        CompletableFuture<Void> downgrade =
            CompletableFuture.runAsync(
                () -> rollBackOneWithStockLiquibase(database, downgradeWaitsForTheLock));
        while (!downgrade.isDone() && !downgradeWaitsForTheLock.await(50, TimeUnit.MILLISECONDS)) {
          // The downgrade runs at once while the upgrade holds no lock, or waits for its lock.
        }
        fingerprintWriteBlocker.commit();
        assertEquals(sinceFullName, ids(upgrade.get(1, TimeUnit.MINUTES)));
        downgrade.get(1, TimeUnit.MINUTES);
      }

      UpgradeResult upgrade = runner.upgrade();

      assertFalse(upgrade.checkedByFingerprint(), "the downgrade was hidden by the fingerprint");
      assertEquals(List.of(sinceFullName.get(sinceFullName.size() - 1)), ids(upgrade));
    }
  }

  private static void rollBackOneWithStockLiquibase(
      ThrowawayDatabase database, CountDownLatch waitsForTheLock) {
    MigrationProgress progress =
        new MigrationProgress() {
          @Override
          public void waitingForLock(String holder, Instant since) {
            waitsForTheLock.countDown();
          }

          @Override
          public void applying(ChangeSetRef changeSet, int number, int total) {}
        };
    try (Connection connection = database.connect()) {
      Database liquibase =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Scope.child(
          Map.of(MigrationProgress.SCOPE_KEY, progress, "liquibase.changelogLockPollRate", 1L),
          () ->
              new CommandScope("rollbackCount")
                  .addArgumentValue("database", liquibase)
                  .addArgumentValue("changelogFile", MigrationConfiguration.DEFAULT_CHANGELOG)
                  .addArgumentValue("count", 1)
                  .execute());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until a statement starting with {@code sql} waits for a lock another session holds. */
  private static void awaitWaitingFor(
      ThrowawayDatabase database, String sql, CompletableFuture<?> work) throws Exception {
    for (int attempt = 0; attempt < 600 && !work.isDone(); attempt++) {
      try (Connection connection = database.connect();
          PreparedStatement waiting =
              connection.prepareStatement(
                  "SELECT 1 FROM pg_stat_activity WHERE datname = current_database()"
                      + " AND wait_event_type = 'Lock' AND query LIKE ?")) {
        waiting.setString(1, sql + "%");
        try (ResultSet row = waiting.executeQuery()) {
          if (row.next()) {
            return;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(sql + " never waited: " + (work.isDone() ? work.join() : "timed out"));
  }

  /** A YAML changelog with a changeset per table, each creating it. */
  private static String yaml(String... tables) {
    StringBuilder changeLog = new StringBuilder("databaseChangeLog:\n");
    for (String table : tables) {
      changeLog.append(
          ("  - changeSet:\n"
                  + "      id: %1$s\n"
                  + "      author: test\n"
                  + "      changes:\n"
                  + "        - createTable:\n"
                  + "            tableName: %1$s\n"
                  + "            columns:\n"
                  + "              - column:\n"
                  + "                  name: id\n"
                  + "                  type: BIGINT\n")
              .formatted(table));
    }
    return changeLog.toString();
  }

  private static List<String> ids(UpgradeResult upgrade) {
    return upgrade.applied().stream().map(ChangeSetRef::id).toList();
  }

  private static void execute(ThrowawayDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect()) {
      execute(connection, sql);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
