package com.migochat.migrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.migrations.testing.ThrowawayDatabase;
import com.migochat.migrations.testing.ThrowawayDatabase.Engine;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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

  private static final String FULL_NAME = "20250527_1100_add_full_name_to_users";
  private static final MigrationSettings BEFORE_FULL_NAME =
      new MigrationSettings("db/test/before-full-name-changelog.xml", "");

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aDatabaseAtHeadIsRecognisedWithoutLiquibase(Engine engine) {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = runner(database, MigrationSettings.defaults());

      UpgradeResult first = runner.upgrade();
      UpgradeResult second = runner.upgrade();

      assertEquals(MigrationRunnerTest.CHANGELOG_IDS, ids(first));
      assertFalse(first.checkedByFingerprint());
      assertTrue(second.nothingApplied());
      assertTrue(second.checkedByFingerprint());
    }
  }

  @Test
  void aNewChangeSetIsApplied() {
    try (ThrowawayDatabase database = ThrowawayDatabase.h2()) {
      runner(database, BEFORE_FULL_NAME).upgrade();
      assertTrue(runner(database, BEFORE_FULL_NAME).upgrade().checkedByFingerprint());

      UpgradeResult upgrade = runner(database, MigrationSettings.defaults()).upgrade();

      assertFalse(upgrade.checkedByFingerprint());
      assertEquals(
          MigrationRunnerTest.CHANGELOG_IDS.subList(3, MigrationRunnerTest.CHANGELOG_IDS.size()),
          ids(upgrade));
    }
  }

  @Test
  void anEditedAppliedChangeSetStillStopsTheUpgrade() {
    try (ThrowawayDatabase database = ThrowawayDatabase.h2()) {
      runner(database, MigrationSettings.defaults()).upgrade();
      MigrationRunner edited =
          runner(database, new MigrationSettings("db/test/diverged-changelog.xml", ""));

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
      MigrationRunner runner = runner(database, MigrationSettings.defaults());
      runner.upgrade();
      try (Connection connection = database.connect()) {
        Database liquibase =
            DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        new CommandScope("rollbackCount")
            .addArgumentValue("database", liquibase)
            .addArgumentValue("changelogFile", MigrationSettings.DEFAULT_CHANGELOG)
            .addArgumentValue("count", 1)
            .execute();
      }

      UpgradeResult upgrade = runner.upgrade();

      assertFalse(upgrade.checkedByFingerprint());
      assertEquals(
          List.of(
              MigrationRunnerTest.CHANGELOG_IDS.get(MigrationRunnerTest.CHANGELOG_IDS.size() - 1)),
          ids(upgrade));
    }
  }

  @Test
  void aHistoryRowDeletedByHandIsNoticed() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner = runner(database, MigrationSettings.defaults());
      runner.upgrade();
      execute(database, "ALTER TABLE users DROP COLUMN full_name");
      execute(database, "DELETE FROM databasechangelog WHERE id = '" + FULL_NAME + "'");

      UpgradeResult upgrade = runner.upgrade();

      assertFalse(upgrade.checkedByFingerprint());
      assertEquals(List.of(FULL_NAME), ids(upgrade));
    }
  }

  @Test
  void anotherLiquibaseVersionOrOtherContextsCheckThroughLiquibaseOnce() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.h2()) {
      MigrationRunner runner = runner(database, MigrationSettings.defaults());
      runner.upgrade();
      execute(database, "UPDATE DATABASECHANGELOG_FINGERPRINT SET LIQUIBASE = '4.21.0'");

      assertFalse(runner.upgrade().checkedByFingerprint(), "another Liquibase version");
      assertTrue(runner.upgrade().checkedByFingerprint(), "recorded again by the full check");
      assertFalse(
          runner(database, new MigrationSettings(MigrationSettings.DEFAULT_CHANGELOG, "demo"))
              .upgrade()
              .checkedByFingerprint(),
          "other contexts");
    }
  }

  private static MigrationRunner runner(ThrowawayDatabase database, MigrationSettings settings) {
    return new MigrationRunner(database.dataSource(), settings);
  }

  private static List<String> ids(UpgradeResult upgrade) {
    return upgrade.applied().stream().map(ChangeSetRef::id).toList();
  }

  private static void execute(ThrowawayDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
