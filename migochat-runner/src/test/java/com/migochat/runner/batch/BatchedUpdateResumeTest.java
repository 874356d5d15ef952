package com.migochat.runner.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.testing.GeneratedChangeLogs;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A batched update stopped half-way (a batch that fails, a thread interrupted) keeps the batches it
 * committed and records nothing; the next upgrade finishes it without updating any row twice, and
 * the history holds the changeset once.
 */
class BatchedUpdateResumeTest {

  private static final int TO_DO = People.ROWS - People.ROWS / 30;

  @Test
  void aFailedBatchKeepsTheCommittedOnesAndTheNextUpgradeFinishesTheRest() throws Exception {
    try (GeneratedChangeLogs files = GeneratedChangeLogs.create();
        ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner = runner(files, database, "batchSize=1000");
      runner.upgrade(new UpgradeTarget.Steps(1));
      People.recordUpdates(database);
      People.execute(
          database,
          "CREATE FUNCTION refuse_person() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
              + " IF NEW.id = 30500 THEN RAISE EXCEPTION 'person 30500 refused'; END IF;"
              + " RETURN NEW; END $$",
          "CREATE TRIGGER refuse_person BEFORE UPDATE ON people FOR EACH ROW"
              + " EXECUTE FUNCTION refuse_person()");

      MigrationException failed = assertThrows(MigrationException.class, runner::upgrade);

      assertTrue(failed.getMessage().contains("person 30500 refused"), failed.getMessage());
      long committed = People.count(database, "SELECT count(*) FROM people_updates");
      assertEquals(
          committed,
          People.count(
              database, "SELECT count(*) FROM people WHERE full_name IS NOT NULL AND id < 30500"),
          "only the batches before the failing one committed");
      long batches = People.count(database, "SELECT count(DISTINCT txid) FROM people_updates");
      assertTrue(batches > 1, "batches committed: " + batches);
      assertTrue(
          failed
              .getMessage()
              .contains("stopped after " + committed + " rows in " + batches + " committed"),
          failed.getMessage());
      assertTrue(
          failed.failure().action().startsWith("this changeset runs outside a transaction"),
          failed.failure().action());
      assertEquals(
          0,
          People.count(
              database,
              "SELECT count(*) FROM people WHERE id >= 30500" + " AND full_name IS NOT NULL"));
      assertEquals(0, People.historyRows(database, "fill-full-name"));

      People.execute(database, "DROP TRIGGER refuse_person ON people");
      List<ChangeSetRef> applied = runner.upgrade().applied();

      assertEquals(List.of("fill-full-name"), applied.stream().map(ChangeSetRef::id).toList());
      assertEquals(0, People.wrongFullNames(database));
      assertEquals(TO_DO, People.count(database, "SELECT count(*) FROM people_updates"));
      assertEquals(TO_DO, People.count(database, "SELECT count(DISTINCT id) FROM people_updates"));
      assertEquals(1, People.historyRows(database, "fill-full-name"));
    }
  }

  @Test
  void anInterruptedUpgradeStopsBetweenBatchesAndTheNextOneFinishes() throws Exception {
    try (GeneratedChangeLogs files = GeneratedChangeLogs.create();
        ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner = runner(files, database, "batchSize=500", "pauseMillis=100");
      runner.upgrade(new UpgradeTarget.Steps(1));
      People.recordUpdates(database);
      AtomicReference<Thread> migrating = new AtomicReference<>();
      CompletableFuture<Object> upgrade =
          CompletableFuture.supplyAsync(
              () -> {
                migrating.set(Thread.currentThread());
                try {
                  return runner.upgrade();
                } finally {
                  // A pool thread is given back as it came.
                  Thread.interrupted();
                }
              });
      while (People.count(database, "SELECT count(DISTINCT txid) FROM people_updates") < 3) {
        assertTrue(!upgrade.isDone(), () -> "finished before it was interrupted: " + upgrade);
        Thread.sleep(20);
      }

      migrating.get().interrupt();

      Throwable stopped =
          assertThrows(Exception.class, () -> upgrade.get(1, TimeUnit.MINUTES)).getCause();
      assertTrue(stopped.getMessage().contains("its thread was interrupted"), stopped.getMessage());
      long committed = People.count(database, "SELECT count(*) FROM people_updates");
      assertTrue(committed > 0 && committed < TO_DO, "committed " + committed);
      assertEquals(0, People.historyRows(database, "fill-full-name"));

      runner.upgrade();

      assertEquals(0, People.wrongFullNames(database));
      assertEquals(TO_DO, People.count(database, "SELECT count(DISTINCT id) FROM people_updates"));
      assertEquals(TO_DO, People.count(database, "SELECT count(*) FROM people_updates"));
      assertEquals(1, People.historyRows(database, "fill-full-name"));
    }
  }

  private static MigrationRunner runner(
      GeneratedChangeLogs files, ThrowawayDatabase database, String... parameters) {
    return database.runner(
        files.write(
            "backfill.xml",
            GeneratedChangeLogs.xml(
                People.CREATE + People.backfill("runInTransaction=\"false\"", parameters))));
  }
}
