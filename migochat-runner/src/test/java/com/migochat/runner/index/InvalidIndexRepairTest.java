package com.migochat.runner.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.testing.GeneratedChangeLogs;
import com.migochat.runner.testing.RecordedLog;
import com.migochat.runner.testing.SchemaAndHistory;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.upgrade.UpgradeTarget;
import com.migochat.runner.validation.ValidationFinding;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A concurrent build that fails (a unique index on duplicate rows) leaves an invalid index behind.
 * The next upgrade drops it and builds it again, and says so; {@code validate} reports it in the
 * meantime, and reports any other invalid index with its fix, which no upgrade touches.
 */
class InvalidIndexRepairTest {

  private static final String UNIQUE_EMAIL =
      ConcurrentIndexBuildTest.LEADS
          + """
          <changeSet id="duplicate-a-lead" author="test">
            <sql>UPDATE leads SET email = 'lead1@example.com' WHERE id = 2</sql>
          </changeSet>
          <changeSet id="index-leads-email" author="test" runInTransaction="false">
            <sql>CREATE UNIQUE INDEX CONCURRENTLY leads_email_uq ON leads (email)</sql>
          </changeSet>
          """;

  @Test
  void theInvalidIndexOfAFailedConcurrentBuildIsDroppedAndBuiltAgainByTheNextUpgrade()
      throws Exception {
    try (GeneratedChangeLogs files = GeneratedChangeLogs.create();
        ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner =
          database.runner(files.write("unique.xml", GeneratedChangeLogs.xml(UNIQUE_EMAIL)));
      MigrationException failed = assertThrows(MigrationException.class, runner::upgrade);
      assertTrue(failed.getMessage().contains("index-leads-email"), failed.getMessage());
      assertTrue(schema(database).contains(index("leads_email_uq", false)), schema(database));

      List<ValidationFinding> findings = invalidIndexes(runner);
      assertEquals(1, findings.size(), findings.toString());
      ValidationFinding finding = findings.get(0);
      assertEquals(ValidationFinding.Kind.INVALID_INDEX, finding.kind());
      assertEquals("index-leads-email", finding.changeSet().id());
      assertTrue(finding.problem().contains("public.leads_email_uq"), finding.problem());
      assertTrue(finding.fix().contains("DROP INDEX CONCURRENTLY public.leads_email_uq"));

      execute(database, "UPDATE leads SET email = 'lead2@example.com' WHERE id = 2");
      List<String> log = new CopyOnWriteArrayList<>();
      List<ChangeSetRef> applied = loggingRepairs(log, () -> runner.upgrade().applied());

      assertEquals(List.of("index-leads-email"), applied.stream().map(ChangeSetRef::id).toList());
      assertTrue(schema(database).contains(index("leads_email_uq", true)), schema(database));
      assertEquals(
          1, history(database).stream().filter(row -> row.startsWith("index-leads-email")).count());
      assertEquals(1, log.size(), log.toString());
      assertTrue(
          log.get(0)
              .startsWith(
                  "Dropped the invalid index public.leads_email_uq on leads (DROP INDEX"
                      + " CONCURRENTLY public.leads_email_uq)"),
          log.get(0));
      assertEquals(List.of(), invalidIndexes(runner));
    }
  }

  @Test
  void aChangeSetBuildingTheIndexInATransactionDropsTheInvalidOneInThatTransaction()
      throws Exception {
    try (GeneratedChangeLogs files = GeneratedChangeLogs.create();
        ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner =
          database.runner(files.write("unique.xml", GeneratedChangeLogs.xml(UNIQUE_EMAIL)));
      assertThrows(MigrationException.class, runner::upgrade);
      String rewritten =
          UNIQUE_EMAIL.substring(0, UNIQUE_EMAIL.indexOf("<changeSet id=\"index-leads-email\""))
              + """
              <changeSet id="index-leads-email-in-a-transaction" author="test"
                  labels="allow-hazard:index-not-concurrent">
                <sql>UPDATE leads SET email = 'lead2@example.com' WHERE id = 2</sql>
                <createIndex tableName="leads" indexName="leads_email_uq" unique="true">
                  <column name="email"/>
                </createIndex>
              </changeSet>
              """;
      files.write("unique.xml", GeneratedChangeLogs.xml(rewritten));
      List<String> log = new CopyOnWriteArrayList<>();

      loggingRepairs(log, runner::upgrade);

      assertTrue(schema(database).contains(index("leads_email_uq", true)), schema(database));
      assertEquals(1, log.size(), log.toString());
      assertTrue(log.get(0).contains("(DROP INDEX public.leads_email_uq)"), log.get(0));
    }
  }

  @Test
  void anInvalidIndexNoChangeSetBuildsIsReportedWithItsFixAndLeftAloneAnotherAppsIsNot()
      throws Exception {
    try (GeneratedChangeLogs files = GeneratedChangeLogs.create();
        ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner =
          database.runner(files.write("unique.xml", GeneratedChangeLogs.xml(UNIQUE_EMAIL)));
      runner.upgrade(new UpgradeTarget.ToChangeSet("duplicate-a-lead"));
      assertThrows(
          SQLException.class,
          () -> execute(database, "CREATE UNIQUE INDEX CONCURRENTLY by_hand ON leads (email)"));
      execute(database, "CREATE TABLE another_apps (x INT)");
      execute(database, "INSERT INTO another_apps VALUES (1), (1)");
      assertThrows(
          SQLException.class,
          () -> execute(database, "CREATE UNIQUE INDEX CONCURRENTLY theirs ON another_apps (x)"));

      List<ValidationFinding> findings = invalidIndexes(runner);

      assertEquals(1, findings.size(), findings.toString());
      ValidationFinding finding = findings.get(0);
      assertEquals(ValidationFinding.Kind.INVALID_INDEX, finding.kind());
      assertNull(finding.changeSet());
      assertTrue(finding.problem().contains("public.by_hand on leads is invalid"));
      assertTrue(finding.fix().contains("REINDEX INDEX CONCURRENTLY public.by_hand"));
      assertTrue(finding.fix().contains("DROP INDEX CONCURRENTLY public.by_hand"));
      assertTrue(finding.fix().contains("CREATE UNIQUE INDEX by_hand ON public.leads"));
      assertEquals(List.of(finding), runner.overview().drift());

      execute(database, "UPDATE leads SET email = 'lead2@example.com' WHERE id = 2");
      runner.upgrade();

      assertTrue(schema(database).contains(index("by_hand", false)), schema(database));
      assertTrue(schema(database).contains(index("leads_email_uq", true)), schema(database));
    }
  }

  @Test
  void upgradeSqlShowsTheDropAndChangesNothing() throws Exception {
    try (GeneratedChangeLogs files = GeneratedChangeLogs.create();
        ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner =
          database.runner(files.write("unique.xml", GeneratedChangeLogs.xml(UNIQUE_EMAIL)));
      assertThrows(MigrationException.class, runner::upgrade);
      SchemaAndHistory before = read(database);

      String sql = runner.upgradeSql(new UpgradeTarget.Head()).sql();

      assertTrue(
          sql.indexOf("DROP INDEX CONCURRENTLY public.leads_email_uq;")
              < sql.indexOf("CREATE UNIQUE INDEX CONCURRENTLY leads_email_uq"),
          sql);
      assertTrue(sql.contains("DROP INDEX CONCURRENTLY public.leads_email_uq;"), sql);
      assertEquals(before, read(database));
    }
  }

  private static List<ValidationFinding> invalidIndexes(MigrationRunner runner) {
    return runner.validate().findings().stream()
        .filter(finding -> finding.kind() == ValidationFinding.Kind.INVALID_INDEX)
        .toList();
  }

  private static String index(String name, boolean valid) {
    return " " + name + " ON public.leads USING btree (email) valid=" + valid;
  }

  private static <T> T loggingRepairs(List<String> log, java.util.concurrent.Callable<T> work)
      throws Exception {
    return RecordedLog.messagesOf(InvalidIndexRepair.class, log, work);
  }

  private static SchemaAndHistory read(ThrowawayDatabase database) throws SQLException {
    try (Connection connection = database.connect()) {
      return SchemaAndHistory.read(connection);
    }
  }

  private static String schema(ThrowawayDatabase database) throws SQLException {
    return String.join("\n", read(database).schema());
  }

  private static List<String> history(ThrowawayDatabase database) throws SQLException {
    return read(database).history();
  }

  private static void execute(ThrowawayDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
