package com.migochat.migrations.startup;

import com.migochat.migrations.runner.BackupBeforeUpgrade;
import com.migochat.migrations.runner.BackupSettings;
import com.migochat.migrations.runner.ChangeSetRef;
import com.migochat.migrations.runner.DatabaseBackup;
import com.migochat.migrations.runner.DatabaseWait;
import com.migochat.migrations.runner.MigrationException;
import com.migochat.migrations.runner.MigrationRunner;
import com.migochat.migrations.runner.MigrationSettings;
import com.migochat.migrations.runner.UpgradeResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs the migration at most once per deployment, whichever adapter asks first, and keeps the
 * outcome for the others. The outcome is logged here, once: one INFO line on success, one SEVERE
 * line with the failed changeset, the database's error and the action on failure.
 */
public final class DeploymentMigration {

  static final String CHANGELOG_KEY = "migochat.migrations.changelog";
  static final String CONTEXTS_KEY = "migochat.migrations.contexts";
  static final String BACKUP_POLICY_KEY = "migochat.backup.before-upgrade";
  static final String BACKUP_DIR_KEY = "migochat.backup.dir";
  static final String DEFAULT_BACKUP_DIR = "./data/backups";
  static final String PG_BIN_KEY = "migochat.pg.bin";
  static final String BACKUP_KEEP_KEY = "migochat.backup.keep";
  static final String WAIT_KEY = "migochat.db.wait-seconds";
  static final long DEFAULT_WAIT_SECONDS = 60;

  private static final Logger LOG = Logger.getLogger(DeploymentMigration.class.getName());

  private static MigrationOutcome outcome;

  private DeploymentMigration() {}

  /** Migrates, unless this deployment already did; returns this deployment's outcome. */
  static synchronized MigrationOutcome ensureMigrated(
      Supplier<DataSource> dataSource, String trigger) {
    if (outcome == null) {
      outcome = migrate(dataSource, trigger);
    }
    return outcome;
  }

  /** This deployment's outcome, once the migration has run. */
  public static synchronized Optional<MigrationOutcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  static MigrationSettings settings() {
    var config = ConfigProvider.getConfig(DeploymentMigration.class.getClassLoader());
    return new MigrationSettings(
        config
            .getOptionalValue(CHANGELOG_KEY, String.class)
            .orElse(MigrationSettings.DEFAULT_CHANGELOG),
        config.getOptionalValue(CONTEXTS_KEY, String.class).orElse(""));
  }

  /** How long a deployment waits for a database that is not reachable yet. */
  private static long waitSeconds() {
    return ConfigProvider.getConfig(DeploymentMigration.class.getClassLoader())
        .getOptionalValue(WAIT_KEY, Long.class)
        .orElse(DEFAULT_WAIT_SECONDS);
  }

  /** The backup policy and folder, and the database as the data source definition names it. */
  private static BackupBeforeUpgrade backupBeforeUpgrade() {
    var config = ConfigProvider.getConfig(DeploymentMigration.class.getClassLoader());
    return new BackupBeforeUpgrade(
        databaseBackup(),
        BackupBeforeUpgrade.Policy.parse(
            config.getOptionalValue(BACKUP_POLICY_KEY, String.class).orElse("auto")),
        backupFolder());
  }

  /** Backups of the application's database, as the data source definition names it. */
  static DatabaseBackup databaseBackup() {
    var config = ConfigProvider.getConfig(DeploymentMigration.class.getClassLoader());
    return new DatabaseBackup(
        config
            .getOptionalValue(SchemaMigrator.URL_KEY, String.class)
            .orElse(SchemaMigrator.DEFAULT_URL),
        config
            .getOptionalValue(SchemaMigrator.USER_KEY, String.class)
            .orElse(SchemaMigrator.DEFAULT_USER),
        config.getOptionalValue(SchemaMigrator.PASSWORD_KEY, String.class).orElse(""),
        new BackupSettings(
            config.getOptionalValue(PG_BIN_KEY, String.class).map(Path::of).orElse(null),
            config
                .getOptionalValue(BACKUP_KEEP_KEY, Integer.class)
                .orElse(BackupSettings.DEFAULT_KEEP),
            settings().changeLog()));
  }

  /** Where backups go: {@code migochat.backup.dir}. */
  static Path backupFolder() {
    return Path.of(
        ConfigProvider.getConfig(DeploymentMigration.class.getClassLoader())
            .getOptionalValue(BACKUP_DIR_KEY, String.class)
            .orElse(DEFAULT_BACKUP_DIR));
  }

  private static MigrationOutcome migrate(Supplier<DataSource> dataSource, String trigger) {
    StartupTimeline.record(StartupTimeline.MIGRATION_STARTED, trigger);
    try {
      MigrationSettings settings = settings();
      DataSource database = dataSource.get();
      DatabaseWait.until(database, Duration.ofSeconds(waitSeconds()));
      MigrationRunner runner = new MigrationRunner(database, settings, new LoggedProgress());
      UpgradeResult result = runner.upgrade(backupBeforeUpgrade());
      if (result.backup() != null) {
        LOG.info(
            "Backed up the database to "
                + result.backup().file()
                + " before migrating ("
                + result.backup().bytes()
                + " bytes, "
                + result.backup().took().toMillis()
                + " ms). Restore it with: java -jar migochat-cli.jar restore "
                + result.backup().file());
      }
      StartupTimeline.record(
          StartupTimeline.MIGRATION_FINISHED, result.applied().size() + " changesets applied");
      LOG.info(describe(result, settings));
      return MigrationOutcome.succeeded(result, trigger);
    } catch (MigrationException e) {
      StartupTimeline.record(StartupTimeline.MIGRATION_FAILED, e.failure().error().name());
      LOG.log(Level.SEVERE, logLine(e));
      LOG.log(Level.FINE, "Migration failure details", e);
      return MigrationOutcome.failed(e.failure(), trigger);
    } catch (RuntimeException e) {
      MigrationException explained = MigrationException.unexpected(e);
      StartupTimeline.record(StartupTimeline.MIGRATION_FAILED, explained.failure().error().name());
      LOG.log(Level.SEVERE, logLine(explained), e);
      return MigrationOutcome.failed(explained.failure(), trigger);
    }
  }

  /** A failure that names no changeset still says, in the log, that it was the migration. */
  private static String logLine(MigrationException e) {
    return e.failure().changeSet() == null ? "Migration failed: " + e.getMessage() : e.getMessage();
  }

  private static String describe(UpgradeResult result, MigrationSettings settings) {
    long millis = result.took().toMillis();
    if (result.nothingApplied()) {
      return "Schema is current: nothing to apply from "
          + settings.changeLog()
          + " (checked in "
          + millis
          + " ms"
          + (result.checkedByFingerprint()
              ? ", by the fingerprint of the changelog and the history stored at the last upgrade"
              : " by Liquibase")
          + ")";
    }
    return "Schema migrated: applied "
        + result.applied().size()
        + " changesets in "
        + millis
        + " ms: "
        + result.applied().stream().map(ChangeSetRef::id).collect(Collectors.joining(", "));
  }
}
