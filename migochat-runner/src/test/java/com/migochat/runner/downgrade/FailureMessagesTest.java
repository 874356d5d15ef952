package com.migochat.runner.downgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.testing.RecordedLog;
import com.migochat.runner.testing.ThrowawayDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Each operation's failure says what that operation did and what to do next. */
class FailureMessagesTest {

  private static final String CHANGELOG = "db/test/no-rollback-changelog.xml";
  private static final String NO_ROLLBACK = "29991231_2355_sql_without_rollback";

  @Test
  void aDowngradeThroughAChangeSetWithoutRollbackSaysWhatWasRolledBackAndWhatToDo()
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner = database.runner(CHANGELOG);
      runner.upgrade();

      MigrationException refused =
          assertThrows(
              MigrationException.class, () -> runner.downgrade(new DowngradeTarget.Steps(4)));

      assertEquals(MigrationError.ROLLBACK_IMPOSSIBLE, refused.failure().error());
      assertEquals(NO_ROLLBACK, refused.failure().changeSet().id());
      String message = refused.getMessage();
      assertTrue(message.startsWith("Rollback of changeset " + NO_ROLLBACK), message);
      assertTrue(message.contains("<rollback>"), message);
      assertFalse(message.contains("redeploy"), message);
      assertFalse(message.contains("serves no requests"), message);
      assertTrue(tableExists(database, "sql_table"), "nothing of it was rolled back");
      assertTrue(tableExists(database, "first_table"));
    }
  }

  @Test
  void aChangeSetAllowedToFailIsOneWarningLineWithoutAStackTrace() throws Exception {
    List<LogRecord> records = new ArrayList<>();
    RecordedLog.recordsOf(
        "liquibase",
        records,
        () -> {
          try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
            return database.runner(CHANGELOG).upgrade();
          }
        });

    List<LogRecord> loud =
        records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    assertEquals(1, loud.size(), loud.stream().map(LogRecord::getMessage).toList().toString());
    LogRecord warning = loud.get(0);
    assertEquals(Level.WARNING, warning.getLevel());
    assertTrue(warning.getMessage().contains("29991231_2359_may_fail"), warning.getMessage());
    assertEquals(1, warning.getMessage().lines().count(), warning.getMessage());
    assertEquals(null, warning.getThrown());
  }

  private static boolean tableExists(ThrowawayDatabase database, String table) throws Exception {
    try (Connection connection = database.connect();
        ResultSet rows = connection.getMetaData().getTables(null, null, table, null)) {
      return rows.next();
    }
  }
}
