package com.migochat.runner.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.testing.ThrowawayDatabase;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instances that start together on a database with something pending back it up once: the backup is
 * taken under the migration lock, and an instance that gets the lock after another migrated finds
 * nothing pending and takes none.
 */
class BackupUnderLockTest {

  private static final String PAUSE_CHANGELOG = "db/test/pause-changelog.xml";
  private static final int INSTANCES = 3;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void instancesStartingTogetherTakeOneBackup(@TempDir Path backups, @TempDir Path logs)
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner = database.runner(PAUSE_CHANGELOG);
      int changeSets = runner.status().pending().size();
      runner.upgrade(new UpgradeTarget.Steps(changeSets - 1));
      List<Process> instances = new ArrayList<>();
      try {
        for (int instance = 0; instance < INSTANCES; instance++) {
          instances.add(start(database, backups, logs.resolve(instance + ".log")));
        }
        for (int instance = 0; instance < INSTANCES; instance++) {
          awaitReady(instances.get(instance), logs.resolve(instance + ".log"));
        }
        for (Process instance : instances) {
          Writer go = new OutputStreamWriter(instance.getOutputStream(), StandardCharsets.UTF_8);
          go.write("go\n");
          go.flush();
        }
        for (int instance = 0; instance < INSTANCES; instance++) {
          assertEquals(
              0,
              instances.get(instance).waitFor(),
              Files.readString(logs.resolve(instance + ".log")));
        }
      } finally {
        for (Process instance : instances) {
          instance.destroyForcibly().waitFor();
        }
      }

      try (Stream<Path> files = Files.list(backups)) {
        assertEquals(1, files.count(), "backups taken");
      }
      assertEquals(changeSets, runner.status().history().size());
      assertEquals(0, runner.status().pending().size());
    }
  }

  private static Process start(ThrowawayDatabase database, Path backups, Path log)
      throws Exception {
    return new ProcessBuilder(
            ProcessHandle.current().info().command().orElse("java"),
            "-cp",
            System.getProperty("java.class.path"),
            UpgradingProcess.class.getName(),
            database.url(),
            database.user(),
            PAUSE_CHANGELOG,
            backups.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void awaitReady(Process instance, Path log) throws Exception {
    while (!Files.readAllLines(log).contains(UpgradingProcess.READY)) {
      if (!instance.isAlive()) {
        throw new AssertionError("The instance did not start:\n" + Files.readString(log));
      }
      Thread.sleep(50);
    }
  }
}
