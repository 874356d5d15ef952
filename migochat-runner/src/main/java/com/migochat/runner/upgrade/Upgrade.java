package com.migochat.runner.upgrade;

import com.migochat.runner.backup.BackupBeforeUpgrade;
import com.migochat.runner.backup.BackupResult;
import com.migochat.runner.changeset.SqlPreview;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.hazard.HazardComments;
import com.migochat.runner.hazard.HazardReport;
import com.migochat.runner.liquibase.ChangeSetFilters;
import com.migochat.runner.liquibase.ChangeSetRecorder;
import com.migochat.runner.liquibase.LiquibaseSession;
import com.migochat.runner.liquibase.UpgradeLock;
import com.migochat.runner.lockwait.LockWaitRetry;
import com.migochat.runner.status.ReadStatus;
import com.migochat.runner.status.StatusReport;
import com.migochat.runner.validation.AcceptChecksums;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.UpdateCountSqlCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;

/**
 * {@code upgrade}: applies pending changesets in changelog order, up to a target, and backs the
 * database up first as the configuration says. A database the fingerprint proves current is
 * answered without Liquibase and without a backup. Otherwise everything happens under the migration
 * lock, so that instances starting together take one backup and migrate once: the fingerprint is
 * checked again (another instance may have migrated while this one waited), the status is read for
 * the backup, Liquibase updates, and the new fingerprint is stored before the lock is released. A
 * changeset that gives up waiting for a table lock is tried again (see {@link LockWaitRetry}).
 * Before anything runs, the checks of {@link PendingChecks} may stop it.
 */
public final class Upgrade {

  private static final Logger LOG = Logger.getLogger(Upgrade.class.getName());
  private static final String COUNT = "count";

  private final LiquibaseSession session;
  private final MigrationConfiguration configuration;

  public Upgrade(LiquibaseSession session) {
    this.session = session;
    this.configuration = session.configuration();
  }

  public UpgradeResult run(UpgradeTarget target) {
    return target instanceof UpgradeTarget.Head ? toHead() : toTarget(target);
  }

  /** The SQL that {@link #run} would run for {@code target}; changes nothing. */
  public SqlPreview sql(UpgradeTarget target) {
    StatusReport status = status();
    int steps = target.stepsFrom(status);
    ByteArrayOutputStream sql = new ByteArrayOutputStream();
    if (steps == 0) {
      return new SqlPreview(List.of(), "");
    }
    Map<String, Object> arguments = new HashMap<>(filters().arguments());
    arguments.put(COUNT, steps);
    session.command(UpdateCountSqlCommandStep.COMMAND_NAME, arguments, sql);
    HazardReport hazards =
        session.liquibase((connection, database) -> hazards().of(database, steps));
    return new SqlPreview(
        status.pending().subList(0, steps),
        HazardComments.annotate(sql.toString(StandardCharsets.UTF_8), hazards));
  }

  private UpgradeResult toHead() {
    long started = System.nanoTime();
    if (session.jdbc(fingerprint()::matches)) {
      return UpgradeResult.nothingApplied(since(started), true);
    }
    return session.underLock(
        (connection, database, lock) -> {
          boolean current = fingerprint().matchesWhileLocked(connection);
          LiquibaseSession.restoreAutoCommit(connection);
          if (current) {
            return UpgradeResult.nothingApplied(since(started), true);
          }
          new PendingChecks(session).refuseUnsafe(connection, database, Integer.MAX_VALUE);
          new AcceptChecksums(session).acceptOutdatedBeforeUpgrade();
          BackupResult taken = backup().takeIfPending(this::status).orElse(null);
          ChangeSetRecorder recorder = session.recorder();
          apply(connection, database, lock, UpdateCommandStep.COMMAND_NAME, Map::of, recorder);
          recordFingerprint(connection);
          return UpgradeResult.of(recorder, since(started), taken);
        });
  }

  private UpgradeResult toTarget(UpgradeTarget target) {
    long started = System.nanoTime();
    return session.underLock(
        (connection, database, lock) -> {
          StatusReport status = status();
          int steps = target.stepsFrom(status);
          if (steps == 0) {
            return UpgradeResult.nothingApplied(since(started), false);
          }
          new PendingChecks(session).refuseUnsafe(connection, database, steps);
          BackupResult taken = backup().takeIfPending(() -> status).orElse(null);
          ChangeSetRecorder recorder = session.recorder();
          // Tried again after a lock wait, it applies only what the earlier attempts did not.
          apply(
              connection,
              database,
              lock,
              UpdateCountCommandStep.COMMAND_NAME,
              () -> Map.of(COUNT, steps - recorder.applied().size()),
              recorder);
          return UpgradeResult.of(recorder, since(started), taken);
        });
  }

  /**
   * Runs Liquibase's {@code command} with {@code arguments} (asked again at each attempt), tried
   * again when a changeset gives up waiting for a table lock.
   */
  private void apply(
      Connection connection,
      Database database,
      UpgradeLock lock,
      String[] command,
      Supplier<Map<String, Object>> arguments,
      ChangeSetRecorder recorder)
      throws Exception {
    new LockWaitRetry(configuration.lockWaits(), configuration.dataSource())
        .run(
            connection,
            () ->
                lock.around(
                    () ->
                        session.command(
                            database, command, updateArguments(arguments.get()), null, recorder)));
  }

  private PendingHazards hazards() {
    return new PendingHazards(session, configuration.hazardRows());
  }

  private StatusReport status() {
    return new ReadStatus(session).status();
  }

  private BackupBeforeUpgrade backup() {
    return BackupBeforeUpgrade.of(configuration);
  }

  private Map<String, Object> updateArguments(Map<String, Object> more) {
    Map<String, Object> arguments = new HashMap<>(more);
    arguments.putAll(filters().arguments());
    arguments.put(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT.getName(), UpdateSummaryOutputEnum.LOG);
    return arguments;
  }

  private ChangeSetFilters filters() {
    return new ChangeSetFilters(configuration);
  }

  private SchemaFingerprint fingerprint() {
    return SchemaFingerprint.of(configuration);
  }

  private void recordFingerprint(Connection connection) {
    try {
      fingerprint().record(connection);
    } catch (SQLException e) {
      LOG.log(
          Level.WARNING,
          "The schema is at head, but its fingerprint could not be stored ("
              + e.getMessage()
              + "): every start will check it through Liquibase, which is slower. Let the"
              + " database user create and write DATABASECHANGELOG_FINGERPRINT.",
          e);
    }
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
