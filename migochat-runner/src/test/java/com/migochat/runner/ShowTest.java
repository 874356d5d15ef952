package com.migochat.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.changeset.ChangeSetDetails;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShowTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void showGivesAChangeSetsFileCommentChangesAndTheSqlOfBothDirections(Engine engine) {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = database.runner();
      runner.upgrade(new UpgradeTarget.Steps(3));

      ChangeSetDetails pending = runner.show("20250527_1100_add_full_name_to_users");
      ChangeSetDetails applied = runner.show("20250303_1030_add_email_to_users");

      assertEquals("migochat/20250527_1100_add_full_name_to_users.xml", pending.changeSet().file());
      assertTrue(pending.comment().startsWith("Agents address leads by one display name."));
      assertEquals(
          List.of("addColumn tableName=users", "update tableName=users"), pending.changes());
      assertNull(pending.run());
      String sql = pending.sql().toLowerCase(Locale.ROOT);
      assertTrue(sql.contains("add full_name varchar(201)"), pending.sql());
      assertTrue(sql.contains("update") && sql.contains("full_name = case"), pending.sql());
      assertTrue(
          pending.rollbackSql().toLowerCase(Locale.ROOT).contains("drop column full_name"),
          pending.rollbackSql());
      assertNotNull(applied.run());
      assertEquals("EXECUTED", applied.run().execType());
      assertTrue(
          applied.rollbackSql().toLowerCase(Locale.ROOT).contains("drop column email"),
          "derived rollback: " + applied.rollbackSql());
      MigrationException unknown =
          assertThrows(MigrationException.class, () -> runner.show("no_such_id"));
      assertEquals(MigrationError.UNKNOWN_TARGET, unknown.failure().error());
    }
  }
}
