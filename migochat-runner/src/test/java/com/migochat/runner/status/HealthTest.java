package com.migochat.runner.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.ThrowawayDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class HealthTest {

  @Test
  void healthIsBadWhileChangeSetsArePendingOrTheLockIsHeld() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner = database.runner();

      HealthReport empty = runner.health();
      runner.upgrade();
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "INSERT INTO users (psid, created_at, updated_at) VALUES ('p', now(), now())");
      }
      HealthReport migrated = runner.health();
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "UPDATE databasechangeloglock SET locked = TRUE, lockedby = 'host-a (10.0.0.9)',"
                + " lockgranted = now() WHERE id = 1");
      }
      HealthReport locked = runner.health();

      assertFalse(empty.healthy());
      assertTrue(
          empty.problems().get(0).startsWith(ExpectedChangeSets.IDS.size() + " changesets pending"),
          empty.problems().get(0));
      assertTrue(migrated.healthy(), migrated.problems().toString());
      assertEquals(1L, migrated.rowCounts().get("users"));
      assertEquals(0L, migrated.rowCounts().get("messages"));
      assertFalse(locked.healthy());
      assertEquals("host-a (10.0.0.9)", locked.lock().lockedBy());
      assertTrue(locked.problems().get(0).contains("held by host-a"), locked.problems().get(0));
    }
  }

  @Test
  void rowCountsReadATableWhoseNameNeedsQuotingAsATableName() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner = database.runner();
      runner.upgrade();
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate("CREATE TABLE \"Lead Notes; DROP TABLE users\" (id INT)");
        statement.executeUpdate("INSERT INTO \"Lead Notes; DROP TABLE users\" VALUES (1), (2)");
      }

      HealthReport health = runner.health();

      assertEquals(2L, health.rowCounts().get("lead notes; drop table users"));
      assertEquals(0L, health.rowCounts().get("users"));
    }
  }
}
