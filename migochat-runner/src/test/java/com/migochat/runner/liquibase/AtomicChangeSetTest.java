package com.migochat.runner.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.upgrade.UpgradeResult;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a changeset and its history row commit together: when recording a changeset fails,
 * its change is gone too, so the next run applies it again instead of failing on it. Stock
 * Liquibase commits the change first and would leave the column behind, unrecorded.
 */
class AtomicChangeSetTest {

  private static final String ADD_EMAIL = "20250303_1030_add_email_to_users";

  @Test
  void aChangeSetWhoseHistoryRowCannotBeWrittenLeavesNothingBehind() throws SQLException {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner = database.runner();
      runner.upgrade(new UpgradeTarget.Steps(1));
      database.execute(
          "CREATE FUNCTION refuse_add_email() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
              + " IF NEW.id = '"
              + ADD_EMAIL
              + "' THEN RAISE EXCEPTION 'history is read-only for this test'; END IF;"
              + " RETURN NEW; END $$",
          "CREATE TRIGGER refuse_add_email BEFORE INSERT ON databasechangelog"
              + " FOR EACH ROW EXECUTE FUNCTION refuse_add_email()");

      assertThrows(MigrationException.class, runner::upgrade);

      assertFalse(usersColumns(database).contains("email"), usersColumns(database).toString());
      assertEquals(1, runner.status().history().size());

      database.execute("DROP TRIGGER refuse_add_email ON databasechangelog");
      UpgradeResult retried = runner.upgrade();

      assertEquals(ADD_EMAIL, retried.applied().get(0).id());
      assertEquals(true, runner.status().atHead());
    }
  }

  private static List<String> usersColumns(ThrowawayDatabase database) throws SQLException {
    try (Connection connection = database.connect();
        ResultSet columns = connection.getMetaData().getColumns(null, "public", "users", null)) {
      List<String> names = new java.util.ArrayList<>();
      while (columns.next()) {
        names.add(columns.getString("COLUMN_NAME"));
      }
      return names;
    }
  }
}
