package com.migochat.runner.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.testing.GeneratedChangeLogs;
import com.migochat.runner.testing.RecordedLog;
import com.migochat.runner.testing.SchemaAndHistory;
import com.migochat.runner.testing.StockLiquibase;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A batched update fills 50,000 rows in batches of 1,000, each its own transaction, logs its
 * progress, and is recorded as one changeset once the last batch committed.
 */
class BatchedUpdateTest {

  private static final int TO_DO = People.ROWS - People.ROWS / 30;

  @Test
  void fillsEveryRowInBoundedTransactionsAndRecordsOneChangeSet() throws Exception {
    try (GeneratedChangeLogs files = GeneratedChangeLogs.create();
        ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner =
          database.runner(
              files.write(
                  "backfill.xml",
                  GeneratedChangeLogs.xml(
                      People.CREATE
                          + People.backfill(
                              "runInTransaction=\"false\"",
                              "batchSize=1000",
                              "progressSeconds=1"))));
      runner.upgrade(new UpgradeTarget.Steps(1));
      People.recordUpdates(database);
      List<String> log = new CopyOnWriteArrayList<>();

      List<ChangeSetRef> applied = logging(log, () -> runner.upgrade().applied());

      assertEquals(List.of("fill-full-name"), applied.stream().map(ChangeSetRef::id).toList());
      assertEquals(0, People.wrongFullNames(database));
      assertEquals(1, People.historyRows(database, "fill-full-name"));
      assertEquals(TO_DO, People.count(database, "SELECT count(*) FROM people_updates"));
      assertEquals(TO_DO, People.count(database, "SELECT count(DISTINCT id) FROM people_updates"));
      long transactions = People.count(database, "SELECT count(DISTINCT txid) FROM people_updates");
      assertEquals((TO_DO + 999) / 1000, transactions);
      assertEquals(
          1000,
          People.count(
              database,
              "SELECT max(rows) FROM (SELECT count(*) AS rows FROM people_updates GROUP BY txid) t"));
      assertEquals(
          "Batched update of public.people: about " + TO_DO + " rows to update", log.get(0));
      assertTrue(
          log.get(log.size() - 1)
              .startsWith(
                  "Batched update of public.people done: "
                      + TO_DO
                      + " of about "
                      + TO_DO
                      + " rows (100 %) in "
                      + transactions
                      + " batches"),
          log.toString());
    }
  }

  @Test
  void stockLiquibaseWithTheChangeOnItsClassPathLeavesTheSameRowsAndHistory() throws Exception {
    try (GeneratedChangeLogs files = GeneratedChangeLogs.create();
        ThrowawayDatabase migochat = ThrowawayDatabase.postgres();
        ThrowawayDatabase stock = ThrowawayDatabase.postgres()) {
      String changeLog =
          files.write(
              "backfill.xml",
              GeneratedChangeLogs.xmlWithSchema(
                  People.CREATE + People.backfill("runInTransaction=\"false\"")));

      migochat.runner(changeLog).upgrade();
      StockLiquibase.update(stock, changeLog, batchClassesAlone());

      assertEquals(read(stock), read(migochat));
      assertEquals(0, People.wrongFullNames(stock));
      assertEquals(0, People.wrongFullNames(migochat));
    }
  }

  /** The batch package's classes in a folder of their own, without the rest of the runner. */
  private static Path batchClassesAlone() throws Exception {
    Path classes =
        Path.of(BatchedUpdate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path packageFolder = Path.of("com", "migochat", "runner", "batch");
    Path alone = Files.createTempDirectory("batch-classes");
    Files.createDirectories(alone.resolve(packageFolder));
    try (Stream<Path> files = Files.list(classes.resolve(packageFolder))) {
      for (Path file : files.toList()) {
        Files.copy(file, alone.resolve(packageFolder).resolve(file.getFileName()));
      }
    }
    return alone;
  }

  private static SchemaAndHistory read(ThrowawayDatabase database) throws Exception {
    try (Connection connection = database.connect()) {
      return SchemaAndHistory.read(connection);
    }
  }

  @Test
  void previewingABatchedUpdateDescribesItAndUpdatesNothing() throws Exception {
    try (GeneratedChangeLogs files = GeneratedChangeLogs.create();
        ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner =
          database.runner(
              files.write(
                  "backfill.xml",
                  GeneratedChangeLogs.xml(
                      People.CREATE
                          + People.backfill("runInTransaction=\"false\"", "batchSize=500"))));
      runner.upgrade(new UpgradeTarget.Steps(1));

      String sql = runner.upgradeSql(new UpgradeTarget.Head()).sql();
      String console = runner.overview().pending().get(0).sql();

      String description =
          "-- Batched update of people: SET " + People.FULL_NAME + " WHERE " + People.TO_DO;
      assertTrue(sql.contains(description), sql);
      assertTrue(console.startsWith(description + ", 500 rows a batch"), console);
      assertEquals(
          People.ROWS,
          People.count(database, "SELECT count(*) FROM people WHERE full_name IS NULL"));
    }
  }

  @Test
  void aBatchedUpdateInATransactionIsRefusedWithTheFix() throws Exception {
    try (GeneratedChangeLogs files = GeneratedChangeLogs.create();
        ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner =
          database.runner(
              files.write(
                  "backfill.xml", GeneratedChangeLogs.xml(People.CREATE + People.backfill(""))));
      runner.upgrade(new UpgradeTarget.Steps(1));

      MigrationException refused = assertThrows(MigrationException.class, runner::upgrade);

      assertTrue(
          refused.getMessage().contains("Add runInTransaction=\"false\" to its changeset"),
          refused.getMessage());
      assertEquals(
          People.ROWS,
          People.count(database, "SELECT count(*) FROM people WHERE full_name IS NULL"));
    }
  }

  static <T> T logging(List<String> log, java.util.concurrent.Callable<T> work) throws Exception {
    return RecordedLog.messagesOf(BatchedUpdate.class, log, work);
  }
}
