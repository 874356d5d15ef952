package com.migochat.runner.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.schema.ScratchDatabase;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DriftTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aDatabaseOnlyMigrationsChangedHasNoDriftEvenWithChangeSetsPending(Engine engine) {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine);
        ScratchDatabase scratch = ScratchDatabase.beside(database.login())) {
      MigrationRunner runner = database.runner();
      runner.upgrade(new UpgradeTarget.Steps(ExpectedChangeSets.IDS.size() - 2));

      DriftReport report = runner.drift(scratch.dataSource());

      assertFalse(report.drifted(), "no drift expected: " + report.differences());
      assertEquals(ExpectedChangeSets.IDS.size() - 2, report.appliedChangeSets());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void everyChangeMadeByHandIsReportedWhereItIs(Engine engine) throws SQLException {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine);
        ScratchDatabase scratch = ScratchDatabase.beside(database.login())) {
      MigrationRunner runner = database.runner();
      runner.upgrade();
      database.execute(
          "ALTER TABLE users ADD COLUMN nickname VARCHAR(40)",
          "ALTER TABLE users ALTER COLUMN email TYPE VARCHAR(500)",
          "DROP INDEX ix_messages_user_sent",
          "CREATE TABLE scratchpad (id INTEGER PRIMARY KEY)");

      DriftReport report = runner.drift(scratch.dataSource());

      assertTrue(report.drifted());
      String differences = String.join("\n", report.differences());
      for (String expected : List.of("nickname", "email", "ix_messages_user_sent", "scratchpad")) {
        assertTrue(
            differences.toLowerCase(Locale.ROOT).contains(expected),
            expected + " missing in:\n" + differences);
      }
      assertTrue(
          report.differences().stream()
              .anyMatch(
                  line ->
                      line.toLowerCase(Locale.ROOT).contains("nickname")
                          && line.contains("only in the live database")),
          differences);
      assertFalse(report.changes().isEmpty(), "the report drafts the changes that undo the drift");
    }
  }
}
