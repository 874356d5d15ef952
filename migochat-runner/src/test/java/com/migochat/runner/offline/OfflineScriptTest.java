package com.migochat.runner.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.SqlPreview;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.database.DatabaseLogin;
import com.migochat.runner.downgrade.DowngradeTarget;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.Psql;
import com.migochat.runner.testing.SchemaAndHistory;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline scripts, applied as an operator would (psql on PostgreSQL, H2's RUNSCRIPT on H2), leave
 * exactly what the live operation leaves: the same schema and the same history rows. They are
 * written by a runner whose database cannot be reached, so nothing of them comes from a database.
 */
class OfflineScriptTest {

  private static final MigrationRunner NO_DATABASE =
      new MigrationRunner(
          MigrationConfiguration.configure(
                  DatabaseLogin.of("jdbc:postgresql://127.0.0.1:1/nowhere", "nobody", ""))
              .load());

  private static final String FULL_NAME = ExpectedChangeSets.FULL_NAME;

  @TempDir Path folder;

  @Test
  void aScriptAppliedWithPsqlToAnEmptyDatabaseLeavesTheSchemaAndHistoryOfAnUpgrade()
      throws Exception {
    try (ThrowawayDatabase upgraded = ThrowawayDatabase.postgres();
        ThrowawayDatabase scripted = ThrowawayDatabase.postgres()) {
      upgraded.runner().upgrade();

      SqlPreview script =
          NO_DATABASE.offlineUpgradeSql(
              OfflineDialect.POSTGRESQL, OfflineScript.BASE, new UpgradeTarget.Head());
      Psql.apply(scripted, write(script));

      assertEquals(ExpectedChangeSets.IDS, ids(script));
      assertEquals(read(upgraded), read(scripted));
      assertTrue(scripted.runner().upgrade().nothingApplied());
    }
  }

  @Test
  void aScriptFromAChangeSetAppliesWhatFollowsItAndContinuesTheHistory() throws Exception {
    try (ThrowawayDatabase upgraded = ThrowawayDatabase.postgres();
        ThrowawayDatabase scripted = ThrowawayDatabase.postgres()) {
      upgraded.runner().upgrade(new UpgradeTarget.ToChangeSet(FULL_NAME));
      upgraded.runner().upgrade();
      scripted.runner().upgrade(new UpgradeTarget.ToChangeSet(FULL_NAME));

      SqlPreview script =
          NO_DATABASE.offlineUpgradeSql(
              OfflineDialect.POSTGRESQL, FULL_NAME, new UpgradeTarget.Head());
      Psql.apply(scripted, write(script));

      List<String> ids = ExpectedChangeSets.IDS;
      assertEquals(ids.subList(ids.indexOf(FULL_NAME) + 1, ids.size()), ids(script));
      assertFalse(script.sql().contains("CREATE TABLE databasechangelog"), script.sql());
      assertEquals(read(upgraded), read(scripted));
    }
  }

  @Test
  void aDowngradeScriptFromHeadLeavesWhatDowngradeLeaves() throws Exception {
    try (ThrowawayDatabase downgraded = ThrowawayDatabase.postgres();
        ThrowawayDatabase scripted = ThrowawayDatabase.postgres()) {
      downgraded.runner().upgrade();
      downgraded.runner().downgrade(new DowngradeTarget.ToChangeSet(FULL_NAME));
      scripted.runner().upgrade();

      SqlPreview script =
          NO_DATABASE.offlineDowngradeSql(
              OfflineDialect.POSTGRESQL,
              OfflineScript.HEAD,
              new DowngradeTarget.ToChangeSet(FULL_NAME));
      Psql.apply(scripted, write(script));

      List<String> ids = ExpectedChangeSets.IDS;
      assertEquals(ids.size() - 1 - ids.indexOf(FULL_NAME), script.changeSets().size());
      assertEquals(read(downgraded), read(scripted));
    }
  }

  @Test
  void anH2ScriptRunByH2LeavesTheSchemaAndHistoryOfAnUpgrade() throws Exception {
    try (ThrowawayDatabase upgraded = ThrowawayDatabase.h2();
        ThrowawayDatabase scripted = ThrowawayDatabase.h2()) {
      upgraded.runner().upgrade();

      SqlPreview script =
          NO_DATABASE.offlineUpgradeSql(
              OfflineDialect.H2, OfflineScript.BASE, new UpgradeTarget.Head());
      try (Connection connection = scripted.connect();
          Statement statement = connection.createStatement()) {
        statement.execute("RUNSCRIPT FROM '" + write(script) + "'");
      }

      assertEquals(h2SchemaAndHistory(upgraded), h2SchemaAndHistory(scripted));
      assertTrue(scripted.runner().status().atHead());
    }
  }

  @Test
  void aStartThatIsNoChangeSetOfTheChangeLogIsRefusedByName() {
    MigrationException refused =
        assertThrows(
            MigrationException.class,
            () ->
                NO_DATABASE.offlineUpgradeSql(
                    OfflineDialect.POSTGRESQL, "no_such_changeset", new UpgradeTarget.Head()));

    assertEquals(MigrationError.UNKNOWN_TARGET, refused.failure().error());
    assertTrue(refused.getMessage().contains("no_such_changeset"), refused.getMessage());
  }

  @Test
  void aDowngradeToADateIsRefusedForNobodyKnowsWhenTheChangeSetsWereApplied() {
    MigrationException refused =
        assertThrows(
            MigrationException.class,
            () ->
                NO_DATABASE.offlineDowngradeSql(
                    OfflineDialect.POSTGRESQL,
                    OfflineScript.HEAD,
                    new DowngradeTarget.ToDate(Instant.parse("2025-05-27T11:00:00Z"))));

    assertEquals(MigrationError.UNKNOWN_TARGET, refused.failure().error());
  }

  private Path write(SqlPreview script) throws Exception {
    return Files.writeString(Files.createTempFile(folder, "offline", ".sql"), script.sql());
  }

  private static List<String> ids(SqlPreview script) {
    return script.changeSets().stream().map(changeSet -> changeSet.id()).toList();
  }

  private static SchemaAndHistory read(ThrowawayDatabase database) throws Exception {
    try (Connection connection = database.connect()) {
      return SchemaAndHistory.read(connection);
    }
  }

  private static List<String> h2SchemaAndHistory(ThrowawayDatabase database) throws Exception {
    List<String> lines = new ArrayList<>();
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT * FROM (SELECT TABLE_NAME || '.' || COLUMN_NAME || ' ' || DATA_TYPE"
                    + " || ' nullable=' || IS_NULLABLE || ' default=' || COALESCE(COLUMN_DEFAULT, '')"
                    + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"
                    + " AND TABLE_NAME NOT LIKE 'DATABASECHANGELOG%' ORDER BY 1) UNION ALL"
                    + " SELECT * FROM (SELECT CONCAT_WS(' | ', ID, AUTHOR, FILENAME, ORDEREXECUTED,"
                    + " EXECTYPE, MD5SUM, DESCRIPTION, COMMENTS, TAG, LIQUIBASE, CONTEXTS, LABELS)"
                    + " FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED)")) {
      while (rows.next()) {
        lines.add(rows.getString(1));
      }
    }
    return lines;
  }
}
