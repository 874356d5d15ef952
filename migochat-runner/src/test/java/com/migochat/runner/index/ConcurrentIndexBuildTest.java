package com.migochat.runner.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.downgrade.DowngradeTarget;
import com.migochat.runner.testing.GeneratedChangeLogs;
import com.migochat.runner.testing.SchemaAndHistory;
import com.migochat.runner.testing.StockLiquibase;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.upgrade.UpgradeResult;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Changesets with {@code runInTransaction="false"} that build and drop indexes {@code CONCURRENTLY}
 * run with Migochat's atomic changeset commit, leave the same schema and history rows as stock
 * Liquibase 4.33, and let the application's writes go on while a build waits.
 */
class ConcurrentIndexBuildTest {

  static final String LEADS =
      """
      <changeSet id="create-leads" author="test">
        <createTable tableName="leads">
          <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
          <column name="email" type="VARCHAR(100)"/>
          <column name="score" type="INT"/>
        </createTable>
        <sql>INSERT INTO leads SELECT g, 'lead' || g || '@example.com', g % 7
          FROM generate_series(1, 20000) g</sql>
      </changeSet>
      """;

  static final String CONCURRENT_INDEXES =
      LEADS
          + """
          <changeSet id="index-leads-email" author="test" runInTransaction="false">
            <comment>Unique, built without blocking writes.</comment>
            <sql>CREATE UNIQUE INDEX CONCURRENTLY leads_email_uq ON leads (email)</sql>
          </changeSet>
          <changeSet id="index-leads-score" author="test" runInTransaction="false">
            <sql>CREATE INDEX CONCURRENTLY leads_score_idx ON leads (score)</sql>
          </changeSet>
          <changeSet id="drop-leads-score" author="test" runInTransaction="false">
            <sql>DROP INDEX CONCURRENTLY leads_score_idx</sql>
          </changeSet>
          <changeSet id="index-leads-score-email" author="test" runInTransaction="false">
            <sql>CREATE INDEX CONCURRENTLY IF NOT EXISTS leads_score_email_idx
              ON leads (score, email)</sql>
            <rollback><sql>DROP INDEX CONCURRENTLY leads_score_email_idx</sql></rollback>
          </changeSet>
          """;

  @Test
  void concurrentBuildsAndDropsLeaveWhatStockLiquibaseLeaves() throws Exception {
    try (GeneratedChangeLogs files = GeneratedChangeLogs.create();
        ThrowawayDatabase migochat = ThrowawayDatabase.postgres();
        ThrowawayDatabase stock = ThrowawayDatabase.postgres()) {
      String changeLog =
          files.write("concurrent.xml", GeneratedChangeLogs.xmlWithSchema(CONCURRENT_INDEXES));

      List<String> applied =
          migochat.runner(changeLog).upgrade().applied().stream().map(ChangeSetRef::id).toList();
      StockLiquibase.update(stock, changeLog);

      assertEquals(
          List.of(
              "create-leads",
              "index-leads-email",
              "index-leads-score",
              "drop-leads-score",
              "index-leads-score-email"),
          applied);
      SchemaAndHistory migrated = read(migochat);
      assertEquals(read(stock), migrated);
      assertTrue(
          migrated.schema().stream()
              .anyMatch(
                  line ->
                      line.startsWith("index CREATE UNIQUE INDEX leads_email_uq")
                          && line.endsWith("valid=true ready=true")),
          migrated.schema().toString());
      assertTrue(
          migrated.schema().stream().noneMatch(line -> line.contains("leads_score_idx")),
          migrated.schema().toString());
    }
  }

  @Test
  void aConcurrentBuildIsRolledBackByAConcurrentDrop() throws Exception {
    try (GeneratedChangeLogs files = GeneratedChangeLogs.create();
        ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner =
          database.runner(
              files.write("concurrent.xml", GeneratedChangeLogs.xml(CONCURRENT_INDEXES)));
      runner.upgrade();

      runner.downgrade(new DowngradeTarget.Steps(1));

      SchemaAndHistory downgraded = read(database);
      assertEquals(4, downgraded.history().size(), downgraded.history().toString());
      assertTrue(
          downgraded.schema().stream().noneMatch(line -> line.contains("leads_score_email_idx")),
          downgraded.schema().toString());
      assertEquals(
          List.of("index-leads-score-email"),
          runner.upgrade().applied().stream().map(ChangeSetRef::id).toList());
    }
  }

  @Test
  void applicationWritesGoOnWhileAConcurrentBuildWaitsForAnOpenWrite() throws Exception {
    try (GeneratedChangeLogs files = GeneratedChangeLogs.create();
        ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner =
          database.runner(
              files.write("concurrent.xml", GeneratedChangeLogs.xml(CONCURRENT_INDEXES)));
      runner.upgrade(new UpgradeTarget.Steps(1));
      try (Connection openWrite = database.connect();
          Connection application = database.connect()) {
        openWrite.setAutoCommit(false);
        execute(openWrite, "INSERT INTO leads VALUES (20001, 'open@example.com', 1)");
        CompletableFuture<UpgradeResult> upgrade =
            CompletableFuture.supplyAsync(() -> runner.upgrade(new UpgradeTarget.Steps(1)));
        awaitBuildWaiting(database, upgrade);

        long slowest = 0;
        for (int id = 30001; id <= 30020; id++) {
          long start = System.nanoTime();
          execute(application, "INSERT INTO leads VALUES (" + id + ", 'w" + id + "@x.org', 2)");
          slowest = Math.max(slowest, System.nanoTime() - start);
        }
        assertTrue(!upgrade.isDone(), "the build did not wait for the open write");
        openWrite.commit();

        assertEquals(
            List.of("index-leads-email"),
            upgrade.get(1, TimeUnit.MINUTES).applied().stream().map(ChangeSetRef::id).toList());
        assertTrue(
            slowest < TimeUnit.MILLISECONDS.toNanos(500), "slowest write " + slowest + " ns");
      }
      assertTrue(
          read(database).schema().stream()
              .anyMatch(
                  line ->
                      line.contains(" leads_email_uq ") && line.endsWith("valid=true ready=true")),
          read(database).schema().toString());
    }
  }

  /** Waits until the migration's CREATE INDEX CONCURRENTLY waits for a lock. */
  static void awaitBuildWaiting(ThrowawayDatabase database, CompletableFuture<?> upgrade)
      throws Exception {
    for (int attempt = 0; attempt < 600 && !upgrade.isDone(); attempt++) {
      try (Connection connection = database.connect();
          Statement statement = connection.createStatement();
          ResultSet waiting =
              statement.executeQuery(
                  "SELECT 1 FROM pg_stat_activity WHERE datname = current_database()"
                      + " AND wait_event_type = 'Lock'"
                      + " AND query LIKE 'CREATE UNIQUE INDEX CONCURRENTLY%'")) {
        if (waiting.next()) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the build never waited: " + (upgrade.isDone() ? upgrade.join() : ""));
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static SchemaAndHistory read(ThrowawayDatabase database) throws SQLException {
    try (Connection connection = database.connect()) {
      return SchemaAndHistory.read(connection);
    }
  }
}
