package com.migochat.runner.downgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.testing.GeneratedChangeLogs;
import com.migochat.runner.testing.SchemaAndHistory;
import com.migochat.runner.testing.ThrowawayDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A downgrade counts, on the live database, what its rollbacks would drop, and refuses to drop data
 * unless the changeset says why nothing is lost or the loss is allowed.
 */
class DataLosingRollbackTest {

  private static final String NOTES =
      "<changeSet id='create_notes' author='test'><createTable tableName='notes'>"
          + "<column name='id' type='BIGINT'/><column name='body' type='VARCHAR(50)'/>"
          + "</createTable></changeSet>\n";
  private static final String EMAIL =
      "<changeSet id='add_email' author='test'><addColumn tableName='notes'>"
          + "<column name='email' type='VARCHAR(50)'/></addColumn></changeSet>\n";
  private static final String THREE_NOTES_TWO_EMAILS =
      "INSERT INTO notes (id, body, email) VALUES (1, 'a', 'a@example.org'),"
          + " (2, 'b', 'b@example.org'), (3, 'c', NULL)";

  @Test
  void aRollbackDroppingAColumnWithValuesIsRefusedNamingTheCountAndNothingIsRolledBack()
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        GeneratedChangeLogs files = GeneratedChangeLogs.create()) {
      MigrationRunner runner = migrated(database, files, NOTES + EMAIL);
      database.execute(THREE_NOTES_TWO_EMAILS);
      SchemaAndHistory before = read(database);

      MigrationException refused =
          assertThrows(
              MigrationException.class, () -> runner.downgrade(new DowngradeTarget.Steps(2)));

      assertEquals(MigrationError.DESTRUCTIVE_ROLLBACK, refused.failure().error());
      String message = refused.getMessage();
      assertTrue(
          message.contains("nothing was rolled back")
              && message.contains("public.notes.email: 2 non-null values (changeset add_email)")
              && message.contains("table public.notes: 3 rows (changeset create_notes)")
              && message.contains("--allow-data-loss")
              && message.contains("destructive-rollback"),
          message);
      assertEquals(before, read(database));
    }
  }

  @Test
  void allowedTheRollbackRunsAndSaysWhatWasLost() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        GeneratedChangeLogs files = GeneratedChangeLogs.create()) {
      MigrationRunner runner = migrated(database, files, NOTES + EMAIL);
      database.execute(THREE_NOTES_TWO_EMAILS);

      DowngradeResult result = runner.downgrade(new DowngradeTarget.Steps(1), DataLoss.ALLOW);

      assertEquals(
          List.of("public.notes.email: 2 non-null values (changeset add_email)"),
          result.lost().stream().map(LostData::describe).toList());
      assertEquals(1, result.rolledBack().size());
      assertTrue(read(database).schema().stream().noneMatch(line -> line.contains("email")));
    }
  }

  @Test
  void aColumnWithoutValuesAndAMarkedChangeSetThatSaysWhyAreRolledBackWithoutAsking()
      throws Exception {
    String marked =
        "<changeSet id='copy_body' author='test' labels='destructive-rollback'>"
            + "<comment>A copy of body: upgrade computes it again from body.</comment>"
            + "<addColumn tableName='notes'><column name='copy' type='VARCHAR(50)'/></addColumn>"
            + "<update tableName='notes'><column name='copy' valueComputed='body'/></update>"
            + "<rollback><sql>ALTER TABLE notes DROP COLUMN copy</sql></rollback></changeSet>\n";
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        GeneratedChangeLogs files = GeneratedChangeLogs.create()) {
      migrated(database, files, NOTES + EMAIL);
      database.execute("INSERT INTO notes (id, body) VALUES (1, 'a'), (2, 'b'), (3, 'c')");
      MigrationRunner runner = migrated(database, files, NOTES + EMAIL + marked);

      DowngradeResult result = runner.downgrade(new DowngradeTarget.Steps(2));

      assertEquals(List.of(), result.lost());
      assertEquals(2, result.rolledBack().size());
    }
  }

  @Test
  void theMarkerWithoutACommentSayingWhyDoesNotLetDataGo() throws Exception {
    String unexplained =
        "<changeSet id='archive_notes' author='test' labels='destructive-rollback'>"
            + "<sql>CREATE TABLE archive AS SELECT * FROM notes</sql>"
            + "<rollback><sql>DROP TABLE archive</sql></rollback></changeSet>\n";
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        GeneratedChangeLogs files = GeneratedChangeLogs.create()) {
      migrated(database, files, NOTES + EMAIL);
      database.execute(THREE_NOTES_TWO_EMAILS);
      MigrationRunner runner = migrated(database, files, NOTES + EMAIL + unexplained);

      MigrationException refused =
          assertThrows(
              MigrationException.class, () -> runner.downgrade(new DowngradeTarget.Steps(1)));

      assertEquals(MigrationError.DESTRUCTIVE_ROLLBACK, refused.failure().error());
      assertTrue(
          refused.getMessage().contains("table archive: 3 rows (changeset archive_notes)"),
          refused.getMessage());
    }
  }

  /** {@code changeSets} written as the changelog and applied. */
  private static MigrationRunner migrated(
      ThrowawayDatabase database, GeneratedChangeLogs files, String changeSets) {
    MigrationRunner runner =
        database.runner(files.write("changelog.xml", GeneratedChangeLogs.xml(changeSets)));
    runner.upgrade();
    return runner;
  }

  private static SchemaAndHistory read(ThrowawayDatabase database) throws Exception {
    try (Connection connection = database.connect()) {
      return SchemaAndHistory.read(connection);
    }
  }
}
