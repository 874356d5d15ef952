package com.migochat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.baseline.BaselineResult;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.schema.ScratchDatabase;
import com.migochat.runner.status.StatusReport;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Baseline on a database that was created from the entities, the way the seed's create_all made it:
 * accepted when the schema is the changelog's, refused with the differences when it is not.
 */
class BaselineTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void recordsEveryChangeSetOnACreateAllDatabaseAndKeepsItsRows(Engine engine) throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine);
        ScratchDatabase scratch = ScratchDatabase.beside(database.login())) {
      EntitySchema.createIn(database.dataSource(), database.url());
      execute(
          database,
          "INSERT INTO users (psid, first_name, last_name, full_name, created_at, updated_at)"
              + " VALUES ('psid-1', 'Ana', 'Lima', 'Ana Lima', CURRENT_TIMESTAMP,"
              + " CURRENT_TIMESTAMP)");
      MigrationRunner runner = database.runner();
      int changeSets = runner.status().pending().size();

      BaselineResult result = runner.baseline(scratch.dataSource());

      assertEquals(changeSets, result.marked().size());
      StatusReport status = runner.status();
      assertTrue(status.atHead(), "after baseline nothing is pending: " + status.pending());
      List<ChangeSetRef> oldestFirst =
          new ArrayList<>(status.history().stream().map(run -> run.changeSet()).toList());
      Collections.reverse(oldestFirst);
      assertEquals(result.marked(), oldestFirst);
      assertTrue(
          status.history().stream().allMatch(run -> run.execType().equals("MARK_RAN")),
          "the history says they were not run: " + status.history());
      assertEquals(0, runner.upgrade().applied().size(), "upgrade finds nothing to do");
      assertEquals("Ana Lima", single(database, "SELECT full_name FROM users"));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void refusesADatabaseThatDiffersAndListsTheDifferences(Engine engine) throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine);
        ScratchDatabase scratch = ScratchDatabase.beside(database.login())) {
      EntitySchema.createIn(database.dataSource(), database.url());
      execute(database, "ALTER TABLE users DROP COLUMN email");
      execute(database, "DROP INDEX ix_messages_user_sent");
      MigrationRunner runner = database.runner();

      MigrationException refused =
          assertThrows(MigrationException.class, () -> runner.baseline(scratch.dataSource()));

      assertEquals(MigrationError.SCHEMA_MISMATCH, refused.failure().error());
      String message = refused.getMessage().toLowerCase(Locale.ROOT);
      assertTrue(message.contains("users.email: only in the changelog"), message);
      assertTrue(message.contains("ix_messages_user_sent"), message);
      assertTrue(runner.status().history().isEmpty(), "nothing was recorded");
    }
  }

  private static void execute(ThrowawayDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String single(ThrowawayDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }
}
