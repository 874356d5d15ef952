package com.migochat.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.database.DatabaseLogin;
import com.migochat.runner.downgrade.DowngradeResult;
import com.migochat.runner.downgrade.DowngradeTarget;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.failure.MigrationFailure;
import com.migochat.runner.status.StatusReport;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import com.migochat.runner.upgrade.UpgradeResult;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationRunnerTest {

  private static MigrationRunner runnerOn(ThrowawayDatabase database) {
    return database.runner();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void upgradeAppliesEveryChangeSetInOrderAndASecondUpgradeAppliesNothing(Engine engine) {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = runnerOn(database);

      UpgradeResult first = runner.upgrade();
      UpgradeResult second = runner.upgrade();

      assertEquals(ExpectedChangeSets.IDS, first.applied().stream().map(ChangeSetRef::id).toList());
      assertTrue(second.nothingApplied(), "second upgrade applied " + second.applied());
      StatusReport status = runner.status();
      assertTrue(status.atHead());
      List<String> newestFirst = new ArrayList<>(ExpectedChangeSets.IDS);
      Collections.reverse(newestFirst);
      assertEquals(
          newestFirst, status.history().stream().map(run -> run.changeSet().id()).toList());
      assertEquals(
          ExpectedChangeSets.IDS.get(ExpectedChangeSets.IDS.size() - 1),
          status.current().orElseThrow().changeSet().id());
      assertEquals(
          "migochat/" + ExpectedChangeSets.IDS.get(ExpectedChangeSets.IDS.size() - 1) + ".xml",
          status.current().orElseThrow().changeSet().file());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void statusOfAnEmptyDatabaseListsEveryChangeSetAsPendingAndCreatesNothing(Engine engine)
      throws SQLException {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      StatusReport status = runnerOn(database).status();

      assertEquals(
          ExpectedChangeSets.IDS, status.pending().stream().map(ChangeSetRef::id).toList());
      assertTrue(status.history().isEmpty());
      assertFalse(status.atHead());
      try (Connection connection = database.connect()) {
        assertEquals(List.of(), tableNames(connection));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void fullNameChangeFillsDisplayNamesAndItsRollbackKeepsEveryOriginalName(Engine engine)
      throws SQLException {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = runnerOn(database);
      runner.upgrade(new UpgradeTarget.ToChangeSet(ExpectedChangeSets.FULL_NAME));
      DowngradeResult down = runner.downgrade(new DowngradeTarget.Steps(1));
      assertEquals(
          List.of(ExpectedChangeSets.FULL_NAME),
          down.rolledBack().stream().map(ChangeSetRef::id).toList());
      List<List<String>> names =
          List.of(
              List.of("p1", "Mary Ann", "Smith"),
              List.of("p2", "José", "van der Berg"),
              Arrays.asList("p3", "Cher", null),
              Arrays.asList("p4", null, "Ng"),
              Arrays.asList("p5", null, null),
              List.of("p6", " leading", "trailing "));
      try (Connection connection = database.connect()) {
        insertUsers(connection, names);
      }

      runner.upgrade(new UpgradeTarget.ToChangeSet(ExpectedChangeSets.FULL_NAME));

      try (Connection connection = database.connect()) {
        assertEquals(
            Arrays.asList(
                "Mary Ann Smith", "José van der Berg", "Cher", "Ng", null, " leading trailing "),
            column(connection, "SELECT full_name FROM users ORDER BY psid"));
      }

      runner.downgrade(new DowngradeTarget.Steps(1));

      try (Connection connection = database.connect()) {
        assertEquals(names, nameRows(connection));
        assertFalse(columnNames(connection, "users").contains("full_name"));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aFailingChangeSetIsNamedWithItsFileTheDatabaseErrorAndAnAction(Engine engine)
      throws SQLException {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      runnerOn(database).upgrade();
      List<String> tablesBefore;
      try (Connection connection = database.connect()) {
        tablesBefore = tableNames(connection);
      }
      MigrationRunner failing = database.runner("db/test/failing-changelog.xml");

      MigrationException e = assertThrows(MigrationException.class, failing::upgrade);

      MigrationFailure failure = e.failure();
      assertEquals(MigrationError.CHANGESET_FAILED, failure.error());
      assertEquals("29991231_2359_fails_halfway", failure.changeSet().id());
      assertEquals("test/29991231_2359_fails_halfway.xml", failure.changeSet().file());
      assertTrue(
          failure.databaseError().toLowerCase().contains("no_such_table"), failure.databaseError());
      assertTrue(
          e.getMessage()
              .startsWith(
                  "Migration of changeset 29991231_2359_fails_halfway (author migochat-tests)"
                      + " in file test/29991231_2359_fails_halfway.xml failed: "),
          e.getMessage());
      assertTrue(e.getMessage().contains(". Action: "), e.getMessage());
      try (Connection connection = database.connect()) {
        assertEquals(
            ExpectedChangeSets.IDS.size(),
            column(connection, "SELECT ID FROM DATABASECHANGELOG").size());
        if (engine == Engine.POSTGRESQL) {
          assertEquals(tablesBefore, tableNames(connection), "PostgreSQL kept part of it");
          assertTrue(failure.action().startsWith("the database rolled back everything"));
        } else {
          assertTrue(failure.action().startsWith("this database commits each DDL statement"));
        }
      }
    }
  }

  @Test
  void anUnreachableDatabaseNamesTheSettingToCheck() {
    DatabaseLogin nowhere =
        DatabaseLogin.of("jdbc:postgresql://127.0.0.1:9/migochat?connectTimeout=2", "postgres", "");

    MigrationException e =
        assertThrows(
            MigrationException.class,
            () -> new MigrationRunner(MigrationConfiguration.configure(nowhere).load()).upgrade());

    assertEquals(MigrationError.DATABASE_UNREACHABLE, e.failure().error());
    assertNull(e.failure().changeSet());
    assertTrue(e.getMessage().contains("MIGOCHAT_DB_URL"), e.getMessage());
  }

  @Test
  void aUrlNoDriverAcceptsSaysWhichUrlsWork() {
    DatabaseLogin unknown = DatabaseLogin.of("jdbc:nosuchdb://host/db?password=secret", "", "");

    MigrationException e =
        assertThrows(
            MigrationException.class,
            () -> new MigrationRunner(MigrationConfiguration.configure(unknown).load()).status());

    assertTrue(e.getMessage().contains("No JDBC driver accepts the URL"), e.getMessage());
    assertTrue(e.getMessage().contains("jdbc:postgresql://"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), "the message leaked the URL's password");
  }

  private static void insertUsers(Connection connection, List<List<String>> names)
      throws SQLException {
    String sql =
        "INSERT INTO users (psid, first_name, last_name, created_at, updated_at)"
            + " VALUES (?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
    try (var statement = connection.prepareStatement(sql)) {
      for (List<String> row : names) {
        statement.setString(1, row.get(0));
        statement.setString(2, row.get(1));
        statement.setString(3, row.get(2));
        statement.executeUpdate();
      }
    }
  }

  private static List<List<String>> nameRows(Connection connection) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT psid, first_name, last_name FROM users ORDER BY psid")) {
      while (result.next()) {
        rows.add(Arrays.asList(result.getString(1), result.getString(2), result.getString(3)));
      }
    }
    return rows;
  }

  private static List<String> column(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        values.add(result.getString(1));
      }
    }
    return values;
  }

  static List<String> tableNames(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet tables =
        connection
            .getMetaData()
            .getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (tables.next()) {
        names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    names.sort(null);
    return names;
  }

  private static List<String> columnNames(Connection connection, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT))) {
      try (ResultSet columns =
          connection.getMetaData().getColumns(null, connection.getSchema(), candidate, "%")) {
        while (columns.next()) {
          names.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
      }
    }
    return names;
  }
}
