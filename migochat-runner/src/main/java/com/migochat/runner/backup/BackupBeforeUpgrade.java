package com.migochat.runner.backup;

import com.migochat.runner.config.BackupPolicy;
import com.migochat.runner.config.MigrationConfiguration;
import com.migochat.runner.failure.MigrationException;
import com.migochat.runner.failure.MigrationFailure;
import com.migochat.runner.status.StatusReport;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Backs a database up before an upgrade changes it: only when changesets are pending and the
 * database already has a history (a new, empty database has nothing to lose), and only as the
 * policy says. A backup the policy asks for is taken or the upgrade fails: a URL the tools cannot
 * use, a missing pg_dump or one of the wrong version stop the upgrade, never skip the backup.
 */
public final class BackupBeforeUpgrade {

  private final DatabaseBackup backups;
  private final BackupPolicy policy;

  private BackupBeforeUpgrade(DatabaseBackup backups, BackupPolicy policy) {
    this.backups = backups;
    this.policy = policy;
  }

  /** As {@code configuration}'s backup settings say. */
  public static BackupBeforeUpgrade of(MigrationConfiguration configuration) {
    return new BackupBeforeUpgrade(
        DatabaseBackup.of(configuration), configuration.backups().policy());
  }

  /**
   * Takes the backup if the policy asks for one on this database and the status has pending
   * changesets for a database with a history; reads the status only then.
   */
  public Optional<BackupResult> takeIfPending(Supplier<StatusReport> status) {
    if (policy == BackupPolicy.NEVER || (policy == BackupPolicy.AUTO && !backups.postgres())) {
      return Optional.empty();
    }
    StatusReport current = status.get();
    if (current.pending().isEmpty() || current.history().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(backups.backup());
    } catch (MigrationException e) {
      MigrationFailure failure = e.failure();
      throw MigrationException.because(
          failure.error(),
          null,
          "the backup before the upgrade failed, so nothing was migrated: "
              + failure.databaseError(),
          failure.action()
              + "; or, to upgrade without a backup, set migochat.backup.before-upgrade=never"
              + " (MIGOCHAT_BACKUP_BEFORE_UPGRADE; CLI: --backup never)",
          e);
    }
  }
}
