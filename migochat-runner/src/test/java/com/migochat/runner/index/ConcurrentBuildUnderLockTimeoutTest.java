package com.migochat.runner.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.config.LockWaitSettings;
import com.migochat.runner.testing.GeneratedChangeLogs;
import com.migochat.runner.testing.SchemaAndHistory;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.upgrade.UpgradeResult;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A concurrent build waits for every open transaction that wrote to its table, and that wait is a
 * lock wait: the lock timeout cuts it, leaving an invalid index. The retry drops that index (itself
 * waiting, and cut, the same way) and builds it again, so once the open transaction ends the index
 * is valid and the changeset is recorded once.
 */
class ConcurrentBuildUnderLockTimeoutTest {

  @Test
  void aBuildCutByTheLockTimeoutIsBuiltAgainOnceTheOpenWriteEnds() throws Exception {
    try (GeneratedChangeLogs files = GeneratedChangeLogs.create();
        ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      String changeLog =
          files.write(
              "concurrent.xml",
              GeneratedChangeLogs.xml(ConcurrentIndexBuildTest.CONCURRENT_INDEXES));
      MigrationRunner runner =
          new MigrationRunner(
              database
                  .configure()
                  .changeLog(changeLog)
                  .lockWaits(new LockWaitSettings(Duration.ofMillis(500), Duration.ofMinutes(2)))
                  .load());
      runner.upgrade(new UpgradeTarget.Steps(1));
      try (Connection openWrite = database.connect()) {
        openWrite.setAutoCommit(false);
        try (Statement statement = openWrite.createStatement()) {
          statement.execute("INSERT INTO leads VALUES (20001, 'open@example.com', 1)");
        }
        CompletableFuture<UpgradeResult> upgrade =
            CompletableFuture.supplyAsync(() -> runner.upgrade(new UpgradeTarget.Steps(1)));
        ConcurrentIndexBuildTest.awaitBuildWaiting(database, upgrade);
        Thread.sleep(3000);
        assertFalse(upgrade.isDone(), "the build did not wait for the open write");
        openWrite.commit();

        assertEquals(
            List.of("index-leads-email"),
            upgrade.get(2, TimeUnit.MINUTES).applied().stream().map(ChangeSetRef::id).toList());
      }
      SchemaAndHistory migrated;
      try (Connection connection = database.connect()) {
        migrated = SchemaAndHistory.read(connection);
        assertEquals(0, invalidIndexes(connection));
      }
      assertEquals(2, migrated.history().size(), migrated.history().toString());
      assertTrue(
          migrated.schema().stream()
              .anyMatch(
                  line ->
                      line.contains(" leads_email_uq ") && line.endsWith("valid=true ready=true")),
          migrated.schema().toString());
    }
  }

  private static int invalidIndexes(Connection connection) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT count(*) FROM pg_index WHERE NOT indisvalid")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
