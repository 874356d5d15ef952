package com.migochat.runner.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.ChangeSetDetails;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.MigrationProgress;
import com.migochat.runner.history.HistoryPage;
import com.migochat.runner.history.HistoryQuery;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import com.migochat.runner.upgrade.UpgradeResult;
import com.migochat.runner.upgrade.UpgradeTarget;
import com.migochat.runner.validation.ValidationFinding;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the migration console reads: the history a page at a time, sorted and filtered by the
 * database; the overview of pending changesets with their SQL and the drift; and, from an upgrade,
 * each changeset's duration and its progress as it runs.
 */
class ConsoleReadingTest {

  private static final List<String> IDS = ExpectedChangeSets.IDS;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anUpgradeReportsEachChangeSetAsItStartsAndHowLongItTook(Engine engine) {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      List<String> heard = new CopyOnWriteArrayList<>();
      MigrationProgress progress = heardInto(heard);

      UpgradeResult result =
          new MigrationRunner(database.configure().progress(progress).load()).upgrade();

      List<String> expected = new ArrayList<>();
      for (int index = 0; index < IDS.size(); index++) {
        expected.add((index + 1) + "/" + IDS.size() + " " + IDS.get(index));
      }
      assertEquals(expected, heard);
      assertEquals(IDS, result.timings().stream().map(t -> t.changeSet().id()).toList());
      assertTrue(result.timings().stream().allMatch(t -> !t.took().isNegative()));
    }
  }

  @Test
  void anUpgradeWaitingForAnotherHoldersLockSaysWhoseLockItWaitsFor() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      database.runner().upgrade(new UpgradeTarget.ToChangeSet(IDS.get(0)));
      String holder = "deploy-7.example (10.0.0.7)";
      execute(
          database,
          "UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKEDBY = '"
              + holder
              + "', LOCKGRANTED = now() WHERE ID = 1");
      List<String> heard = new CopyOnWriteArrayList<>();
      MigrationProgress progress = heardInto(heard);
      MigrationRunner waiting = new MigrationRunner(database.configure().progress(progress).load());
      CompletableFuture<UpgradeResult> upgrade = CompletableFuture.supplyAsync(waiting::upgrade);

      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!heard.contains("waiting for " + holder) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertEquals(List.of("waiting for " + holder), List.copyOf(heard));
      execute(database, "UPDATE DATABASECHANGELOGLOCK SET LOCKED = FALSE WHERE ID = 1");

      assertEquals(IDS.size() - 1, upgrade.get(60, TimeUnit.SECONDS).applied().size());
      assertEquals("1/" + (IDS.size() - 1) + " " + IDS.get(1), heard.get(1));
    }
  }

  /** A listener that writes what it hears into {@code heard}, one line per call. */
  private static MigrationProgress heardInto(List<String> heard) {
    return new MigrationProgress() {
      @Override
      public void waitingForLock(String holder, Instant since) {
        heard.add("waiting for " + holder);
      }

      @Override
      public void applying(ChangeSetRef changeSet, int number, int total) {
        heard.add(number + "/" + total + " " + changeSet.id());
      }
    };
  }

  private static void execute(ThrowawayDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theHistoryIsPagedSortedAndFilteredByTheDatabase(Engine engine) throws SQLException {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = database.runner();
      runner.upgrade();
      seedOlderRows(database, 30);

      HistoryPage newest = runner.history(HistoryQuery.newestFirst(0, 10));
      assertEquals(30 + IDS.size(), newest.total());
      assertEquals(IDS.get(IDS.size() - 1), newest.runs().get(0).changeSet().id());
      assertEquals(
          String.format("legacy_%02d", 30 - (9 - IDS.size())),
          newest.runs().get(9).changeSet().id());

      HistoryPage lastPage = runner.history(HistoryQuery.newestFirst(3, 10));
      assertEquals(IDS.size(), lastPage.runs().size());
      assertEquals("legacy_01", lastPage.runs().get(IDS.size() - 1).changeSet().id());

      HistoryPage byIdAscending = runner.history(HistoryQuery.of(0, 3, "id", "asc", ""));
      assertEquals(
          List.of(IDS.get(0), IDS.get(1), IDS.get(2)),
          byIdAscending.runs().stream().map(run -> run.changeSet().id()).toList());

      HistoryPage filtered =
          runner.history(HistoryQuery.of(0, 50, "executed", "desc", "LEAD_tags"));
      assertEquals(1, filtered.total());
      assertEquals("20250412_1415_add_lead_tags", filtered.runs().get(0).changeSet().id());

      assertEquals(10, runner.history(HistoryQuery.of(0, 50, null, null, "legacy_1")).total());
      assertEquals(0, runner.history(HistoryQuery.of(0, 50, null, null, "100%_sure")).total());
      assertEquals(
          30, runner.history(HistoryQuery.of(0, 50, "exec-type", "desc", "legacy-team")).total());
      assertThrows(
          IllegalArgumentException.class, () -> HistoryQuery.of(0, 10, "colour", "asc", ""));
      assertThrows(IllegalArgumentException.class, () -> HistoryQuery.of(0, 10, "id", "up", ""));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theOverviewListsPendingChangeSetsWithTheirSqlAndTheDrift(Engine engine) throws SQLException {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = database.runner();
      runner.upgrade(new UpgradeTarget.ToChangeSet(IDS.get(IDS.size() - 2)));
      seedOlderRows(database, 2);

      SchemaOverview overview = runner.overview();

      assertFalse(overview.atHead());
      assertEquals(IDS.get(IDS.size() - 2), overview.current().changeSet().id());
      assertNull(overview.latestTag());
      assertEquals(IDS.size() - 1 + 2, overview.applied());
      ChangeSetDetails pending = overview.pending().get(0);
      assertEquals(IDS.get(IDS.size() - 1), pending.changeSet().id());
      assertTrue(pending.sql().toUpperCase().contains("ALTER TABLE"), pending.sql());
      assertEquals(
          List.of("legacy_01", "legacy_02"),
          overview.drift().stream().map(finding -> finding.changeSet().id()).toList());
      assertTrue(
          overview.drift().stream()
              .allMatch(finding -> finding.kind() == ValidationFinding.Kind.UNKNOWN_APPLIED));
    }
  }

  /** Rows older than the real history, from changesets the changelog does not have. */
  private static void seedOlderRows(ThrowawayDatabase database, int count) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      for (int n = 1; n <= count; n++) {
        String id = String.format("legacy_%02d", n);
        statement.executeUpdate(
            "INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED,"
                + " EXECTYPE, MD5SUM, DESCRIPTION, COMMENTS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('"
                + id
                + "', 'legacy-team', 'legacy/"
                + id
                + ".xml', TIMESTAMP '2020-01-01 00:00:00' + "
                + n
                + " * INTERVAL '1' HOUR, "
                + (n - 1000)
                + ", 'EXECUTED', NULL, 'createTable', 'legacy change', '4.33.0', '0000000001')");
      }
    }
  }
}
