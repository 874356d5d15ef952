package com.migochat.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import com.migochat.runner.validation.ValidationFinding;
import com.migochat.runner.validation.ValidationFinding.Kind;
import com.migochat.runner.validation.ValidationReport;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ValidationTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theShippedChangeLogAndAFreshHistoryHaveNothingToReport(Engine engine) {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = database.runner();
      runner.upgrade();

      ValidationReport report = runner.validate();

      assertEquals(List.of(), report.findings());
      assertTrue(report.passed());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void editsLostChangeSetsMetBranchesAndMissingRollbacksAreEachReportedWithAFix(Engine engine)
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      database.runner().upgrade();
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED,"
                + " EXECTYPE, MD5SUM) VALUES ('ghost', 'someone', 'gone/ghost.xml',"
                + " CURRENT_TIMESTAMP, 5, 'EXECUTED', NULL)");
      }
      MigrationRunner diverged = database.runner("db/test/diverged-changelog.xml");

      ValidationReport report = diverged.validate();

      assertFalse(report.passed());
      assertEquals(
          List.of(
              Kind.CHECKSUM_MISMATCH + " 20250527_1100_add_full_name_to_users",
              Kind.UNKNOWN_APPLIED + " ghost",
              Kind.OUT_OF_ORDER + " 20250401_0000_branch_b_backfill",
              Kind.NO_ROLLBACK + " 20250401_0000_branch_b_backfill"),
          report.findings().stream()
              .map(finding -> finding.kind() + " " + finding.changeSet().id())
              .toList());
      for (ValidationFinding finding : report.findings()) {
        assertFalse(finding.fix().isBlank(), finding.toString());
      }
      assertTrue(report.findings().get(0).problem().startsWith("edited after it was applied"));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRollbackThatDropsDataFilledFromOtherDataMustBeMarked(Engine engine) {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = database.runner("db/test/destructive-changelog.xml");

      ValidationReport report = runner.validate();

      assertEquals(
          List.of(Kind.DESTRUCTIVE_ROLLBACK + " 20250601_0000_move_names"),
          report.findings().stream()
              .map(finding -> finding.kind() + " " + finding.changeSet().id())
              .toList());
      ValidationFinding finding = report.findings().get(0);
      assertTrue(finding.problem().contains("column users.given_name"), finding.problem());
      assertTrue(finding.fix().contains("labels=\"destructive-rollback\""), finding.fix());
    }
  }
}
