package com.migochat.runner.failure;

/**
 * Why a migration could not bring the schema to head. The names are stable: logs, the admin page
 * and scripts can rely on them.
 */
public enum MigrationError {
  /** The database could not be reached with the configured URL. */
  DATABASE_UNREACHABLE,
  /** The database refused the configured user or password. */
  DATABASE_LOGIN_REFUSED,
  /**
   * The changelog could not be read or is inconsistent with the history (e.g. an edited change).
   */
  CHANGELOG_INVALID,
  /** An applied changeset was edited: its checksum differs from the one recorded when it ran. */
  CHECKSUM_MISMATCH,
  /** Another process held the migration lock for longer than Liquibase waits. */
  LOCK_NOT_ACQUIRED,
  /** unlock refused: the lock's holder still runs, or cannot be checked. */
  LOCK_HELD,
  /** An upgrade or downgrade target that names no changeset or tag, or lies beyond the history. */
  UNKNOWN_TARGET,
  /** A changeset on the way down has no rollback. */
  ROLLBACK_IMPOSSIBLE,
  /** A changeset's rollback failed on the database. */
  ROLLBACK_FAILED,
  /** A backup or restore could not be made (missing tool, unreadable file, tool error). */
  BACKUP_FAILED,
  /**
   * restore refused: the application may still be running (the migration lock is held, or other
   * sessions are connected), the backup holds tables that are not Migochat's, or nobody confirmed.
   */
  RESTORE_REFUSED,
  /** The database's schema is not the one the changelog builds, so baseline refused. */
  SCHEMA_MISMATCH,
  /**
   * A pending changeset would take a lock that live traffic waits behind, on a table above {@code
   * migochat.migrations.hazard-rows}, and does not opt in with {@code allow-hazard:<rule-id>}:
   * nothing was migrated.
   */
  LOCK_HAZARD,
  /**
   * Pending changesets sort before changesets already applied (two branches met), and upgrade
   * refused them: they are not allowed ({@code migochat.migrations.allow-out-of-order}), or they
   * touch a table that a changeset applied after them touched too. Nothing was migrated.
   */
  OUT_OF_ORDER,
  /**
   * A downgrade would drop a column or table that holds data, and the changeset neither carries
   * {@code destructive-rollback} with a comment saying why nothing is lost, nor was the loss
   * allowed ({@code --allow-data-loss}). Nothing was rolled back.
   */
  DESTRUCTIVE_ROLLBACK,
  /**
   * A pending changeset would drop, rename, retype or require something that a live instance of
   * another release still maps (see the instance registry), and is not labelled {@code contract}:
   * nothing was migrated.
   */
  BREAKS_LIVE_RELEASE,
  /** A changeset's SQL failed on the database. */
  CHANGESET_FAILED,
  /**
   * A changeset waited for a table lock that another session held, longer than the lock wait budget
   * allows; the database rolled it back whole. Nothing is wrong with the changeset.
   */
  LOCK_TIMEOUT,
  /** A {@code migochat.*} setting cannot be read; the message names it and says what it takes. */
  SETTINGS_INVALID,
  /** Anything else; the log has the stack trace. */
  UNEXPECTED
}
