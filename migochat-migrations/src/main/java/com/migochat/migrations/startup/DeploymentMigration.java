package com.migochat.migrations.startup;

import com.migochat.migrations.config.DeployedSettings;
import com.migochat.migrations.config.MigochatSettings;
import com.migochat.migrations.instances.DeployedInstance;
import com.migochat.runner.MigrationRunner;
import com.migochat.runner.changeset.ChangeSetRef;
import com.migochat.runner.changeset.MigrationProgress;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.database.DatabaseWait;
import com.migochat.runner.failure.MigrationError;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.upgrade.UpgradeResult;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Runs the migration at most once per deployment, whichever adapter asks first, and keeps the
 * outcome for the others. The outcome is logged here, once: one INFO line on success, one SEVERE
 * line with the failed changeset, the database's error and the action on failure.
 */
public final class DeploymentMigration {

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

  /**
   * What the runner works with, from the settings: the changelog, contexts and backups configured,
   * on {@code dataSource} (the server's pool), telling {@code progress} how it gets on.
   */
  static MigrationConfiguration configuration(DataSource dataSource, MigrationProgress progress) {
    MigochatSettings settings;
    try {
      settings = DeployedSettings.current();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw MigrationException.because(
          MigrationError.SETTINGS_INVALID,
          e.getMessage(),
          "correct that setting (as a MIGOCHAT_... environment variable or a system property)"
              + " and deploy again");
    }
    return MigrationConfiguration.configure(settings.database())
        .dataSource(dataSource)
        .changeLog(settings.changeLog())
        .contexts(settings.contexts())
        .labels(settings.labels())
        .hazardRows(settings.hazardRows())
        .allowOutOfOrder(settings.allowOutOfOrder())
        .backups(settings.backups())
        .databaseWait(settings.databaseWait())
        .lockWaits(settings.lockWaits())
        .progress(progress)
        .load();
  }

  private static MigrationOutcome migrate(Supplier<DataSource> dataSource, String trigger) {
    StartupTimeline.record(StartupTimeline.MIGRATION_STARTED, trigger);
    try {
      MigrationConfiguration waiting = configuration(dataSource.get(), MigrationProgress.SILENT);
      DatabaseWait.until(waiting.dataSource(), waiting.databaseWait());
      MigrationConfiguration configuration =
          configuration(
              waiting.dataSource(),
              DeployedInstance.register(
                  waiting.dataSource(), waiting.changeLog(), new LoggedProgress()));
      UpgradeResult result = new MigrationRunner(configuration).upgrade();
      DeployedInstance.migrated(() -> describe(result, configuration.changeLog()));
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
      LOG.info(describe(result, configuration.changeLog()));
      return MigrationOutcome.succeeded(result, trigger);
    } catch (MigrationException e) {
      StartupTimeline.record(StartupTimeline.MIGRATION_FAILED, e.failure().error().name());
      DeployedInstance.migrated(() -> "migration failed: " + e.failure().error().name());
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

  private static String describe(UpgradeResult result, String changeLog) {
    long millis = result.took().toMillis();
    if (result.nothingApplied()) {
      return "Schema is current: nothing to apply from "
          + changeLog
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
