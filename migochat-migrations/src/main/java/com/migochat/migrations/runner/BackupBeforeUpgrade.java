package com.migochat.migrations.runner;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Backs a database up before an upgrade changes it: only when changesets are pending and the
 * database already has a history (a new, empty database has nothing to lose), and only as the
 * policy says. A backup the policy asks for is taken or the upgrade fails: a URL the tools cannot
 * use, a missing pg_dump or one of the wrong version stop the upgrade, never skip the backup.
 */
public final class BackupBeforeUpgrade {

  /** When to back up before an upgrade. */
  public enum Policy {
    /** On PostgreSQL; not on H2, whose embedded file is the development default. */
    AUTO,
    /** On every database. */
    ALWAYS,
    /** Never. */
    NEVER;

    /** Parses {@code auto}, {@code always} or {@code never}, in any case. */
    public static Policy parse(String value) {
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "'" + value + "' is not a backup policy: use auto, always or never", e);
      }
    }
  }

  /** Takes no backup: for upgrades that were not asked for one. */
  public static final BackupBeforeUpgrade NEVER = new BackupBeforeUpgrade(null, Policy.NEVER, null);

  private final DatabaseBackup backups;
  private final Policy policy;
  private final Path folder;

  public BackupBeforeUpgrade(DatabaseBackup backups, Policy policy, Path folder) {
    this.backups = backups;
    this.policy = policy;
    this.folder = folder;
  }

  /**
   * Takes the backup if the policy asks for one on this database and the status has pending
   * changesets for a database with a history; reads the status only then.
   */
  public Optional<BackupResult> takeIfPending(Supplier<StatusReport> status) {
    if (policy == Policy.NEVER || (policy == Policy.AUTO && !backups.postgres())) {
      return Optional.empty();
    }
    StatusReport current = status.get();
    if (current.pending().isEmpty() || current.history().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(backups.backup(folder));
    } catch (MigrationException e) {
      MigrationFailure failure = e.failure();
      throw new MigrationException(
          new MigrationFailure(
              failure.error(),
              null,
              "the backup before the upgrade failed, so nothing was migrated: "
                  + failure.databaseError(),
              failure.action()
                  + "; or, to upgrade without a backup, set migochat.backup.before-upgrade=never"
                  + " (MIGOCHAT_BACKUP_BEFORE_UPGRADE; CLI: --backup never)"),
          e);
    }
  }
}
