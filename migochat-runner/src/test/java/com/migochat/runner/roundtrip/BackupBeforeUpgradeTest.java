package com.migochat.runner.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.migochat.runner.MigrationRunner;
import com.migochat.runner.backup.BackupBeforeUpgrade;
import com.migochat.runner.backup.BackupResult;
import com.migochat.runner.backup.DatabaseBackup;
import com.migochat.runner.config.BackupPolicy;
import com.migochat.runner.config.BackupSettings;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.database.DatabaseLogin;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.testing.RecordingPostgresTools;
import com.migochat.runner.testing.ThrowawayDatabase;
import com.migochat.runner.testing.ThrowawayDatabase.Engine;
import com.migochat.runner.upgrade.UpgradeResult;
import com.migochat.runner.upgrade.UpgradeTarget;
import com.migochat.testkit.FreePorts;
import com.migochat.testkit.TcpForwarder;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backup an upgrade takes first: only when something is pending for a database with a history,
 * as the policy says, good enough to undo the upgrade, for every URL the application connects with;
 * and when it cannot be taken, the upgrade stops.
 */
class BackupBeforeUpgradeTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void backsUpOnlyWhenAnUpgradeWouldChangeADatabaseWithAHistory(Engine engine, @TempDir Path folder)
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.create(engine)) {
      MigrationRunner runner = database.runner();
      DatabaseBackup backups = backups(database.url(), database.user(), "", null);
      int changeSets = runner.status().pending().size();

      assertEquals(
          Optional.empty(),
          backupBeforeUpgrade(database, BackupPolicy.ALWAYS, folder).takeIfPending(runner::status),
          "a new database has nothing to lose");
      runner.upgrade(new UpgradeTarget.Steps(2));
      assertEquals(
          Optional.empty(),
          backupBeforeUpgrade(database, BackupPolicy.NEVER, folder).takeIfPending(runner::status));
      assertEquals(
          engine == Engine.POSTGRESQL,
          backupBeforeUpgrade(database, BackupPolicy.AUTO, folder)
              .takeIfPending(runner::status)
              .isPresent(),
          "auto backs up PostgreSQL, not H2");

      BackupResult backup =
          backupBeforeUpgrade(database, BackupPolicy.ALWAYS, folder)
              .takeIfPending(runner::status)
              .orElseThrow();
      runner.upgrade();
      assertEquals(
          Optional.empty(),
          backupBeforeUpgrade(database, BackupPolicy.ALWAYS, folder).takeIfPending(runner::status),
          "nothing pending, nothing to back up");

      assertTrue(Files.size(backup.file()) > 0);
      backups.restore(backup.file());
      assertEquals(2, runner.status().history().size(), "the backup undoes the upgrade");
      assertEquals(changeSets - 2, runner.status().pending().size());
    }
  }

  @Test
  void aPostgresUrlWithAnIpv6AddressGetsItsBackup(@TempDir Path folder) throws Exception {
    int port = FreePorts.pick();
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres();
        TcpForwarder ipv6 =
            TcpForwarder.start(
                InetAddress.getByName("::1"),
                port,
                database.server().getHostString(),
                database.server().getPort())) {
      String url = database.url().replaceFirst("//[^/]+/", "//[::1]:" + port + "/");

      UpgradeResult upgrade =
          upgradeWithHistory(url, database.user(), BackupPolicy.AUTO, null, folder);

      assertTrue(upgrade.backup() != null, "auto backs up PostgreSQL, whatever its URL");
      assertTrue(Files.size(upgrade.backup().file()) > 0);
    }
  }

  @Test
  void aPostgresUrlWithSeveralHostsGetsItsBackupFromTheOneThatAnswers(@TempDir Path folder)
      throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      String url = database.url().replaceFirst("//", "//127.0.0.1:" + FreePorts.pick() + ",");

      UpgradeResult upgrade =
          upgradeWithHistory(url, database.user(), BackupPolicy.AUTO, null, folder);

      assertTrue(upgrade.backup() != null, "auto backs up PostgreSQL, whatever its URL");
      assertTrue(Files.size(upgrade.backup().file()) > 0);
    }
  }

  @Test
  void theUrlsSslModeReachesPgDumpAndThePasswordStaysOffItsCommandLine(@TempDir Path folder)
      throws Exception {
    RecordingPostgresTools tools =
        RecordingPostgresTools.in(Files.createDirectory(folder.resolve("bin")));
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      MigrationRunner runner = database.runner();
      runner.upgrade(new UpgradeTarget.Steps(2));

      backups(database.url() + "?sslmode=disable", database.user(), "not-for-ps", tools.folder())
          .backup(folder.resolve("backups"));

      List<String> calls = tools.calls();
      String name = database.url().substring(database.url().lastIndexOf('/') + 1);
      assertEquals("call pg_dump", calls.get(0));
      assertTrue(calls.contains("environment PGSSLMODE=disable"), calls.toString());
      assertTrue(calls.contains("environment PGHOST=127.0.0.1"), calls.toString());
      assertTrue(calls.contains("environment PGDATABASE=" + name), calls.toString());
      assertTrue(calls.contains("environment PGPASSWORD=not-for-ps"), calls.toString());
      assertFalse(
          calls.stream()
              .anyMatch(line -> line.startsWith("argument") && line.contains("not-for-ps")),
          calls.toString());
    }
  }

  @Test
  void aBackupThePolicyAsksForButCannotTakeStopsTheUpgrade(@TempDir Path folder) throws Exception {
    try (ThrowawayDatabase database = ThrowawayDatabase.postgres()) {
      String url = database.url().replaceFirst("//", "//127.0.0.1:" + FreePorts.pick() + ",");

      MigrationException stopped =
          assertThrows(
              MigrationException.class,
              () ->
                  upgradeWithHistory(
                      url, database.user(), BackupPolicy.AUTO, Path.of("/nonexistent"), folder));

      assertEquals(MigrationError.BACKUP_FAILED, stopped.failure().error());
      assertTrue(
          stopped.getMessage().contains("/nonexistent/pg_dump is missing"), stopped.getMessage());
      assertTrue(
          stopped.getMessage().contains("migochat.backup.before-upgrade=never"),
          stopped.getMessage());
      assertEquals(2, database.runner().status().history().size(), "nothing was migrated");
    }
  }

  /** Applies two changesets, then upgrades to head through {@code url} with a backup first. */
  private static UpgradeResult upgradeWithHistory(
      String url, String user, BackupPolicy policy, Path postgresTools, Path folder) {
    MigrationRunner runner =
        new MigrationRunner(
            MigrationConfiguration.configure(DatabaseLogin.of(url, user, ""))
                .backups(
                    new BackupSettings(policy, folder, BackupSettings.DEFAULT_KEEP, postgresTools))
                .load());
    runner.upgrade(new UpgradeTarget.Steps(2));
    return runner.upgrade();
  }

  private static DatabaseBackup backups(
      String url, String user, String password, Path postgresTools) {
    return new DatabaseBackup(
        DatabaseLogin.of(url, user, password),
        new BackupSettings(
            BackupPolicy.NEVER, Path.of("."), BackupSettings.DEFAULT_KEEP, postgresTools),
        MigrationConfiguration.DEFAULT_CHANGELOG);
  }

  private static BackupBeforeUpgrade backupBeforeUpgrade(
      ThrowawayDatabase database, BackupPolicy policy, Path folder) {
    return BackupBeforeUpgrade.of(
        database
            .configure()
            .backups(new BackupSettings(policy, folder, BackupSettings.DEFAULT_KEEP, null))
            .load());
  }
}
