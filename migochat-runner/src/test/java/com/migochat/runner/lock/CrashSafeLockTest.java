package com.migochat.runner.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.testing.ExpectedChangeSets;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.upgrade.UpgradeResult;
import com.migochat.runner.upgrade.UpgradeTarget;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A process killed with SIGKILL while it holds the migration lock does not block the next
 * migration: stock Liquibase would wait for it for five minutes and fail, on every start, until
 * someone released the lock by hand.
 */
class CrashSafeLockTest {

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void theLockOfAKilledProcessIsReleasedByTheNextMigration() throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner = database.runner();
      runner.upgrade(new UpgradeTarget.Steps(1));
      Process holder =
          new ProcessBuilder(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-cp",
                  System.getProperty("java.class.path"),
                  LockTakingProcess.class.getName(),
                  database.url(),
                  database.user())
              .redirectErrorStream(true)
              .start();
      try (BufferedReader output =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        do {
          line = output.readLine();
        } while (line != null && !line.equals(LockTakingProcess.LOCKED));
        assertEquals(LockTakingProcess.LOCKED, line, "the holder process did not take the lock");
      } finally {
        holder.destroyForcibly().waitFor();
      }
      assertTrue(runner.health().lock().locked(), "the killed process left the lock taken");

      UpgradeResult upgrade = runner.upgrade();

      assertEquals(ExpectedChangeSets.IDS.size() - 1, upgrade.applied().size());
      assertTrue(runner.status().atHead());
      assertFalse(runner.health().lock().locked());
    }
  }
}
