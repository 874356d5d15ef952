package com.migochat.runner.compatibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.instance.ChangeLogHead;
import com.migochat.runner.instance.InstanceRecord;
import com.migochat.runner.instance.InstanceRegistry;
import com.migochat.runner.instance.MappedSchema;
import com.migochat.runner.instance.Release;
import com.migochat.runner.testing.GeneratedChangeLogs;
import com.migochat.runner.testing.ThrowawayDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pending changesets judged against a live instance of an older release that maps users(id, email,
 * first_name): what breaks it is refused unless labelled contract, what keeps it working runs. One
 * database for the class; each case starts from the same table and registry.
 */
class CompatibilityCheckTest {

  private static final MappedSchema OLD_MAPPING =
      MappedSchema.of(Map.of("users", List.of("id", "email", "first_name")));
  private static final String SCHEMA =
      "DROP TABLE IF EXISTS users, users2, notes, databasechangelog, databasechangeloglock,"
          + " databasechangelog_fingerprint, databasechangelog_instance CASCADE;"
          + " CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(100), first_name"
          + " VARCHAR(50), legacy VARCHAR(10), note VARCHAR(10) DEFAULT 'x');"
          + " INSERT INTO users VALUES (1, 'a@example.com', 'A', 'l', 'n')";

  private static ThrowawayDatabase database;
  private static GeneratedChangeLogs files;
  private InstanceRegistry registry;

  @BeforeAll
  static void createDatabase() {
    database = ThrowawayDatabase.postgres();
    files = GeneratedChangeLogs.create();
  }

  @AfterAll
  static void dropDatabase() {
    files.close();
    database.close();
  }

  @BeforeEach
  void oldReleaseIsLive() throws SQLException {
    execute(SCHEMA);
    registry = new InstanceRegistry(database.dataSource());
    registry.register(oldRelease("old.xml::previous::me", Duration.ofSeconds(60)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<dropColumn tableName='users' columnName='email'/>",
        "<renameColumn tableName='users' oldColumnName='email' newColumnName='contact_email'/>",
        "<dropTable tableName='users'/>",
        "<renameTable oldTableName='users' newTableName='users2'/>",
        "<modifyDataType tableName='users' columnName='email' newDataType='VARCHAR(10)'/>",
        "<modifyDataType tableName='users' columnName='email' newDataType='INT'/>",
        "<addNotNullConstraint tableName='users' columnName='email' columnDataType='VARCHAR(100)'/>",
        "<addNotNullConstraint tableName='users' columnName='legacy' columnDataType='VARCHAR(10)' defaultNullValue='z'/>",
        "<addColumn tableName='users'><column name='phone' type='TEXT'><constraints nullable='false'/></column></addColumn>",
        "<sql>ALTER TABLE users DROP COLUMN email</sql>",
        "<sql>ALTER TABLE users RENAME COLUMN email TO contact_email</sql>",
        "<sql>ALTER TABLE users RENAME TO users2</sql>",
        "<sql>DROP TABLE users</sql>",
        "<sql>ALTER TABLE users ALTER COLUMN email TYPE VARCHAR(10)</sql>",
        "<sql>ALTER TABLE users ALTER COLUMN first_name SET NOT NULL</sql>",
        "<sql>ALTER TABLE users ADD COLUMN phone TEXT NOT NULL</sql>"
      })
  void aChangeThatBreaksALiveOlderReleaseIsRefusedAndNothingRuns(String change) throws Exception {
    MigrationRunner runner = runner(change, "");
    String before = columns();

    MigrationException refused = assertThrows(MigrationException.class, runner::upgrade);

    assertEquals(MigrationError.BREAKS_LIVE_RELEASE, refused.failure().error());
    String message = refused.getMessage();
    assertTrue(message.contains("changeset change ("), message);
    assertTrue(message.contains("release 1.0.0 (changelog head old.xml::previous::me)"), message);
    assertTrue(message.contains(" on " + registry.all().get(0).instance().host()), message);
    assertTrue(message.matches("(?s).*still maps \\(users(\\.email|\\.first_name|)\\).*"), message);
    assertTrue(message.contains("labelled 'contract'"), message);
    assertEquals(before, columns());
    assertEquals(0, appliedChangeSets());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<addColumn tableName='users'><column name='contact_email' type='VARCHAR(100)'/></addColumn>",
        "<addColumn tableName='users'><column name='state' type='TEXT' defaultValue='new'><constraints nullable='false'/></column></addColumn>",
        "<createTable tableName='notes'><column name='id' type='BIGINT'/></createTable>",
        "<createIndex tableName='users' indexName='users_email'><column name='email'/></createIndex>",
        "<modifyDataType tableName='users' columnName='email' newDataType='VARCHAR(200)'/>",
        "<modifyDataType tableName='users' columnName='email' newDataType='TEXT'/>",
        "<modifyDataType tableName='users' columnName='id' newDataType='BIGINT'/>",
        "<dropColumn tableName='users' columnName='legacy'/>",
        "<addNotNullConstraint tableName='users' columnName='note' columnDataType='VARCHAR(10)'/>",
        "<sql>ALTER TABLE users ADD COLUMN contact_email TEXT</sql>",
        "<sql>ALTER TABLE users DROP COLUMN legacy</sql>"
      })
  void aChangeThatEveryLiveReleaseSurvivesRuns(String change) throws Exception {
    MigrationRunner runner = runner(change, "");

    assertEquals(1, runner.upgrade().applied().size());
    assertEquals(1, appliedChangeSets());
  }

  @Test
  void aChangeSetLabelledContractRuns() throws Exception {
    MigrationRunner runner =
        runner("<dropColumn tableName='users' columnName='email'/>", "contract");

    assertEquals(1, runner.upgrade().applied().size());
  }

  @Test
  void instancesOfTheReleaseBeingMigratedAndGoneInstancesDoNotCount() throws Exception {
    MigrationRunner runner = runner("<dropColumn tableName='users' columnName='email'/>", "");
    String ownHead = ChangeLogHead.of(runner.configuration().changeLog());
    execute("DELETE FROM databasechangelog_instance");
    registry.register(oldRelease(ownHead, Duration.ofSeconds(60)));
    registry.register(oldRelease("old.xml::previous::me", Duration.ofMillis(200)));
    Thread.sleep(400);

    assertEquals(1, runner.upgrade().applied().size());
  }

  private static InstanceRecord oldRelease(String head, Duration timeout) {
    return InstanceRecord.ofThisProcess(new Release("1.0.0", head), timeout, OLD_MAPPING);
  }

  private static MigrationRunner runner(String change, String labels) {
    String changeLog =
        files.write(
            "changelog.xml",
            GeneratedChangeLogs.xml(
                "\n<changeSet id='change' author='test' labels='"
                    + labels
                    + "'>\n"
                    + change
                    + "\n</changeSet>"));
    return new MigrationRunner(database.configure().changeLog(changeLog).load());
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String columns() throws SQLException {
    return single(
        "SELECT string_agg(table_name || '.' || column_name || ' ' || data_type || ' '"
            + " || is_nullable, ', ' ORDER BY table_name, column_name) FROM"
            + " information_schema.columns WHERE table_schema = 'public'"
            + " AND table_name IN ('users', 'users2')");
  }

  private static long appliedChangeSets() throws SQLException {
    return Long.parseLong(
        single(
            "SELECT CASE WHEN to_regclass('databasechangelog') IS NULL THEN '0' ELSE"
                + " (xpath('/row/n/text()', query_to_xml('SELECT count(*) AS n FROM"
                + " databasechangelog', false, true, '')))[1]::text END"));
  }

  private static String single(String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }
}
